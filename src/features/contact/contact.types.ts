import type { Locale } from '../../platform/i18n/locale';
import type { ReferralDestination } from '../../platform/org/org.schema';

/** The contact feature's domain types. The stored ones (case, requester link, availability) never hold message text. */

export type CaseStatus = 'waiting' | 'open' | 'closed';

export const contactChannels = ['chat', 'teamsCall', 'inPerson'] as const;
export type ContactChannel = (typeof contactChannels)[number];

/** Outcomes a kernteamlid chooses when closing. */
export const closingOutcomes = ['adviceGiven', 'referred', 'listened', 'noFollowUp', 'other'] as const;
/** Plus the two the system records: the medewerker stopped, or withdrew before anyone picked it up. */
export type Outcome = (typeof closingOutcomes)[number] | 'endedByMedewerker' | 'withdrawn' | 'inactive';
export const allOutcomes: readonly Outcome[] = [
  ...closingOutcomes,
  'endedByMedewerker',
  'withdrawn',
  'inactive',
];

/** A request card sent to one kernteamlid; the activity id lets us mark it "opgepakt" later. */
export interface Offer {
  kernteamlidId: string;
  activityId: string;
  locale: Locale;
}

/**
 * One contact case. While waiting/open it holds who is in it (needed to relay); at closure every
 * identity field is deleted and the dates are coarsened to the day, leaving only what anonymous
 * statistics need.
 */
export interface ContactCase {
  caseId: string;
  code: string;
  status: CaseStatus;
  /** Waiting/open: ISO UTC. Closed: the local date (yyyy-MM-dd, organisation time zone). */
  createdAt: string;
  pickedUpAt?: string;
  closedAt?: string;
  /** Quarter of creation in the organisation's time zone, e.g. "2026-Q4"; statistics group by it. */
  quarter: string;
  topic?: string;
  contactChannel: ContactChannel;
  referralDestination?: string;
  outcome?: Outcome;

  // Identity and routing; removed at closure.
  requesterId?: string;
  kernteamlidId?: string;
  requesterNameShared?: boolean;
  /** Only when the medewerker chose "with my name": shown to the kernteamleden who get the request. */
  requesterName?: string;
  handoverConsent?: boolean;
  /** Set only when the request went to the chosen kernteamlid alone. */
  preferredKernteamlidId?: string;
  /** Who may pick the request up; recorded before the cards go out, so a fast click is never refused. */
  offeredTo?: string[];
  offers?: Offer[];
  waitAlertSent?: boolean;
  /** Random ids of reply boxes already used, so a retried "Versturen" is not relayed twice. */
  usedReplyIds?: string[];
  /**
   * Local date (yyyy-MM-dd) of the last relayed message, pick-up or creation: the case closes by itself
   * after `contactInactiveCloseDays` without one. A day, not a time, so it says nothing about when
   * anyone wrote; written at most once a day.
   */
  lastActivityOn?: string;
}

/** The one open case of a requester (at most one at a time). Deleted at closure. */
export interface RequesterLink {
  caseId: string;
  /** The form the case came from: a retried submit of the same form returns the same case. */
  formId: string;
}

export interface Availability {
  available: boolean;
  updatedAt: string;
}

/** The identity fields stripped at closure; kept in one list so none can be forgotten. */
export const identityFields = [
  'requesterId',
  'kernteamlidId',
  'requesterNameShared',
  'requesterName',
  'handoverConsent',
  'preferredKernteamlidId',
  'offeredTo',
  'offers',
  'waitAlertSent',
  'usedReplyIds',
] as const satisfies ReadonlyArray<keyof ContactCase>;

/** What a medewerker's request form gives, after validation. */
export interface RequestInput {
  formId: string;
  identity: 'anonymous' | 'named';
  kernteamlid?: string;
  topic?: string;
  channel: ContactChannel;
  firstMessage?: string;
}

/** What the medewerker is told after sending a request. */
export interface RequestSent {
  code: string;
  offeredCount: number;
  preferredUnavailable: boolean;
  firstMessage?: string;
}

export type RequestResult = RequestSent & { caseId: string };

export interface HandoverResult {
  c: ContactCase;
  destination: ReferralDestination;
  answer: 'yes' | 'no';
}

/** Where a person's plain typed text goes: one case, a question which case, or nowhere. */
export type PlainTextTarget =
  { kind: 'relay'; caseId: string } | { kind: 'ask'; codes: string[] } | { kind: 'none' };

/** One case as the person asking sees it: as its kernteamlid, or as the medewerker. */
export type CaseView =
  | { side: 'kernteamlid'; c: ContactCase }
  | { side: 'medewerker'; c: ContactCase; kernteamlidName: string | undefined };

/** Why a request card was replaced. */
export type OfferClosedReason = 'taken' | 'withdrawn' | 'expired';

export type ClosedBy = 'kernteamlid' | 'medewerker' | 'inactivity';

/** A displayed count: exact when 5 or more; otherwise only "<5"; "≥5" where an exact value would give a small cell away. */
export type Cell = { kind: 'exact'; value: number } | { kind: 'under5' } | { kind: 'atLeast5' };
export interface Row {
  key: string;
  cell: Cell;
}
export interface QuarterStats {
  quarter: string;
  total: Cell;
  /** Absent when the quarter has fewer than 5 cases: no breakdown at all then. */
  byTopic?: Row[];
  byDestination?: Row[];
  byOutcome?: Row[];
}
