import type { Cell as SmallCell, Row as SmallCellRow } from '../../platform/stats/small-cells';
/** What the panel is asked for (issue 12): advice, reading a document, a policy table, a W&S committee. */
export const requestKinds = ['advies', 'meelezen', 'beleidstafel', 'ws'] as const;
export type RequestKind = (typeof requestKinds)[number];

/**
 * open → (question ⇄ open) → accepted → advised → closed (follow-up answered), or open → declined.
 * Unsolicited advice starts at advised.
 */
export const requestStatuses = ['open', 'question', 'accepted', 'declined', 'advised', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const followUpOutcomes = ['opgevolgd', 'deels', 'niet'] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

export interface WsDetails {
  vacancy: string;
  /**
   * The vacancy's grade (the organisation file's `advies.grades`): a number on its scale in `fsk` (the
   * field's name from when only Rotterdam's functieschaal existed), or one of its options' ids in `grade`.
   */
  fsk?: number;
  grade?: string;
  /** The selection round's dates as the requester wrote them (e.g. "12 en 14 januari"). */
  roundDates: string;
  seats: number;
}

/**
 * One advice request (or unsolicited advice) in the `advies` container, pk 'request', id = request id.
 * Holds the requester's id and text until it expires {@link retentionDays} after closing; the figures
 * about it live in a separate document without people or text.
 */
export interface AdviesRequest {
  id: string;
  /** Short code the requester and the panel quote; random, never derived from a person. */
  code: string;
  kind: RequestKind;
  subject: string;
  clusterId: string;
  ask: string;
  /** ISO UTC: the end of the deadline day in the organisation's zone. */
  deadline: string;
  link?: string;
  ws?: WsDetails;
  requesterId: string;
  /** Set on unsolicited advice: the programmateam member who recorded it. */
  unsolicitedBy?: string;
  status: RequestStatus;
  createdAt: string;
  /** First answer from the programmateam (accept, decline or question): "past deadline without an answer". */
  answeredAt?: string;
  /** The kernteamlid who takes it. */
  takenBy?: string;
  /** How many panel members took a seat (a count only; who they are lives in the sign-up list). */
  joined?: number;
  declineReason?: string;
  question?: string;
  answer?: string;
  advice?: { summary: string; link?: string; at: string; by: string };
  followUp?: { outcome: FollowUpOutcome; line: string; at: string };
  closedAt?: string;
}

/** Counts per request, kept after the request expires: no person, no text (the evaluation's figures). */
export interface RequestFigure {
  quarter: string;
  kind: RequestKind;
  clusterId: string;
  unsolicited: boolean;
  outcome: 'pending' | 'accepted' | 'declined' | 'advised';
  followUp: FollowUpOutcome | 'none';
  /**
   * W&S only: the id of the grade's band in the organisation file (the field's name is kept so figures
   * stored before grades came from the file count on) and how many panel members joined.
   */
  fskBand?: string;
  joined?: number;
}

/** Counts as the platform's small-cell rule shows them (shared with contact statistics and Inzicht). */
export type Cell = SmallCell;
export type FigureRow = SmallCellRow;
export interface PeriodFigures {
  period: string;
  total: Cell;
  byKind?: FigureRow[];
  byCluster?: FigureRow[];
  byOutcome?: FigureRow[];
  byFollowUp?: FigureRow[];
  /** W&S procedures the panel joined, by `cluster · band`. */
  wsJoined?: FigureRow[];
}
