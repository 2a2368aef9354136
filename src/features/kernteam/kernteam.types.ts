import type { PersonRole } from '../../platform/org/org.schema';

export const signalStatuses = ['ontvangen', 'inOnderzoek', 'advies', 'afgesloten'] as const;
export type SignalStatus = (typeof signalStatuses)[number];

/**
 * A signal a kernteamlid picked up. No names of people involved, no id of who logged it: the
 * free text is the only sensitive part and is deleted at advice, at closure, or after the retention.
 */
export interface Signal {
  signalId: string;
  /** Short code people use in the meeting, e.g. `S-7K3Q`. */
  code: string;
  topic: string;
  cluster?: string;
  /** Deleted (the field removed) at advice or closure, at the latest after the retention. */
  text?: string;
  status: SignalStatus;
  createdAt: string;
  updatedAt: string;
  textDeletedAt?: string;
  adviceId?: string;
}

/** Advice the panel gave on one or more signals; a short summary only. */
export interface Advice {
  adviceId: string;
  summary: string;
  signalIds: string[];
  createdAt: string;
  createdBy: string;
}

/** Signals logged in one quarter by topic: kept after the signals themselves expire. */
export interface SignalFigures {
  /** `2026-Q4` */
  quarter: string;
  byTopic: Record<string, number>;
}

/** A point someone put on the agenda of a kernteam meeting. */
export interface AgendaPoint {
  pointId: string;
  /** Local date (yyyy-mm-dd) of the meeting. */
  meetingDate: string;
  text: string;
  addedBy: string;
  addedByName?: string;
  addedAt: string;
}

export const joinRoles = ['kernteamlid', 'wsPanellid'] as const satisfies readonly PersonRole[];
export type JoinRole = (typeof joinRoles)[number];
export type JoinStatus = 'open' | 'accepted' | 'declined';

/** "Ik wil meedoen": a member of staff asks for a more active role. */
export interface JoinRequest {
  requestId: string;
  userId: string;
  name?: string;
  role: JoinRole;
  /** Deleted when the programmateam answers. */
  motivation?: string;
  status: JoinStatus;
  createdAt: string;
  answeredAt?: string;
  answeredBy?: string;
  /** How an accepted role was given (see platform/org/role-grants). */
  grantedVia?: 'group' | 'stored';
}
