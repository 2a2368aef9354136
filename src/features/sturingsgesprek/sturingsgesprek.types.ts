import type { Bilingual, Question } from './sturingsgesprek.question-set.schemas';

/** An answer to one question; follow-ups are stored under their own question id. */
export type Answer =
  | { kind: 'text'; text: string }
  | { kind: 'doorbraken'; ids: string[]; why: string }
  | { kind: 'number'; value: number }
  | { kind: 'yesNo'; yes: boolean };

export type Answers = Record<string, Answer>;

/** Who answers: a cluster (its director) or, when a round includes departments, a department (its head). */
export interface UnitSnapshot {
  unitId: string;
  clusterId: string;
  departmentId?: string;
  name: Record<string, string>;
  /** aadObjectId (lower case) of the director or head at the time the round opened. */
  ownerId: string;
}

/** One doorbraak as the DIG office keeps it; retired ones stay, since earlier rounds refer to them. */
export interface DoorbraakEntry {
  id: string;
  title: Record<string, string>;
  prioritised: boolean;
  retired?: boolean;
}

/** The current doorbraken list, seeded from the organisation file the first time it is read. */
export interface DoorbrakenDoc {
  items: DoorbraakEntry[];
  revision: number;
  updatedBy?: string;
  updatedAt: string;
}

export type RoundStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'cancelled';

export interface RoundDoc {
  roundId: string;
  status: RoundStatus;
  setId: string;
  setName: Bilingual;
  /** A copy of the set's questions: editing the set later does not change a round in flight. */
  questions: Question[];
  periodLabel: string;
  /** ISO UTC. */
  opensAt: string;
  deadline: string;
  includeDepartments: boolean;
  reminderDays: number[];
  /** Filled when the round opens. */
  units: UnitSnapshot[];
  /**
   * The doorbraken in force when the round opened: its answer checks, cards and report use this copy,
   * so editing the list later changes no running or past round. Rounds opened before it was kept have
   * none and use the organisation file's list.
   */
  doorbraken?: DoorbraakEntry[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** For rounds the schedule made: the opening date (yyyy-mm-dd) it was made for. */
  occurrence?: string;
  openedAt?: string;
  closedAt?: string;
  revision: number;
}

export type SheetState = 'notOpened' | 'opened' | 'draft' | 'submitted';

/** One unit's answers for one round: a single document, so every change is one etag-guarded write. */
export interface SheetDoc {
  roundId: string;
  unitId: string;
  state: SheetState;
  answers: Answers;
  /** Goes up by one on every saved change; the card carries the revision it was rendered from. */
  revision: number;
  deputyId?: string;
  /**
   * The deputy's display name when they were named (organisation file or directory), kept with the
   * sheet so status card and report can name them without asking again; removed with the deputy.
   */
  deputyName?: string;
  /** Counts deputy assignments, so naming someone again sends them the card again. */
  deputyAssignments: number;
  openedAt?: string;
  lastEditedBy?: string;
  lastEditedAt?: string;
  submittedBy?: string;
  submittedAt?: string;
}

export interface StoredSetDoc {
  setId: string;
  name: Bilingual;
  questions: Question[];
  basedOn?: string;
  revision: number;
  createdBy: string;
  updatedBy: string;
  updatedAt: string;
}

export interface ScheduleDoc {
  active: boolean;
  mode: 'cadence' | 'dates';
  cadenceMonths: 3 | 4;
  /** yyyy-mm-dd: the first opening date of a cadence. */
  startDate: string;
  /** yyyy-mm-dd opening dates, for mode 'dates'. */
  dates: string[];
  /** Set ids used in turn; round n uses setSequence[n % length]. */
  setSequence: string[];
  /** Days between opening and deadline. */
  answerDays: number;
  /** Days before opening that the draft round is made and the DIG office is asked to confirm. */
  leadDays: number;
  /** The last opening date a round was made for. */
  lastOccurrence?: string;
  roundsMade: number;
  updatedBy: string;
  updatedAt: string;
  revision: number;
}

/** The actor's relation to a unit's sheet (see answerRole). */
export type AnswerRole = 'owner' | 'deputy';

export type ProblemCode =
  'required' | 'tooLong' | 'unknownDoorbraak' | 'notANumber' | 'outOfRange' | 'invalid' | 'followUpsWithNo';
export interface Problem {
  questionId: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export interface PreviousAnswer {
  roundId: string;
  periodLabel: string;
  answer?: Answer;
}

export type BannerKey =
  | 'draftSaved'
  | 'submitted'
  | 'resubmitted'
  | 'problems'
  | 'closed'
  | 'deputySet'
  | 'deputyRemoved'
  | 'conflict'
  | 'resubmitNeeded';

/** Everything the answer card shows to one person for one unit; built by the services, drawn by cards/. */
export interface SheetView {
  round: RoundDoc;
  unit: UnitSnapshot;
  sheet: SheetDoc;
  role: AnswerRole;
  /** aadObjectId of the person the card is for (the card refreshes for them). */
  viewerId: string;
  editable: boolean;
  previous: Record<string, PreviousAnswer>;
  /** What the inputs show: the stored answers, or what the person just typed when it was not saved. */
  inputValues: Record<string, string>;
  problems: Problem[];
  banner?: BannerKey;
  /** When someone else saved first: who, and the text this person tried to save (shown, not lost). */
  conflict?: { changedBy?: string; attempted: Answers };
  /** Names of everyone the card mentions, by lower-case id (see {@link PeopleNamesMap}). */
  names: PeopleNamesMap;
}

/**
 * Display names by lower-case id for the people a card or report mentions (directors, deputies, who
 * saved or submitted). Someone absent is shown with the catalogue's neutral word, never by id.
 */
export type PeopleNamesMap = ReadonlyMap<string, string>;

/** A question set as offered: a shipped template or a stored copy. */
export interface ResolvedSet {
  setId: string;
  name: Bilingual;
  questions: Question[];
  isTemplate: boolean;
}

export interface StatusRow {
  unit: UnitSnapshot;
  sheet?: SheetDoc;
  /** Who the round card did not reach (director or deputy), with the delivery's reason. */
  notReached: Array<{ id: string; reason: string; graph: boolean }>;
}

export interface RoundStatusView {
  round: RoundDoc;
  rows: StatusRow[];
  submitted: number;
  /** Changes with each render: a nudge click carries it, so a retried click does not nudge twice. */
  token: string;
  names: PeopleNamesMap;
}

export interface ReportRow {
  unit: UnitSnapshot;
  answer?: Answer;
  answeredBy?: string;
  /** Set when a deputy answered: the director (or head) they answered for. */
  onBehalfOf?: string;
  submittedAt?: string;
  previous?: PreviousAnswer;
  /** A follow-up left empty because the question it follows was answered "no". */
  notApplicable?: boolean;
}

export type Counts =
  | { kind: 'doorbraken'; items: Array<{ id: string; now: number; previous?: number }> }
  | { kind: 'yesNo'; yes: number; no: number; previousYes?: number; previousNo?: number };

export interface ReportQuestion {
  q: Question;
  number: string;
  parentId?: string;
  rows: ReportRow[];
  previousRound?: { roundId: string; periodLabel: string };
  counts?: Counts;
}

export interface ReportModel {
  round: RoundDoc;
  /** The round's own doorbraken (its copy), whose titles the report shows. */
  doorbraken: DoorbraakEntry[];
  generatedAt: string;
  submitted: ReportRow[];
  missing: UnitSnapshot[];
  questions: ReportQuestion[];
  names: PeopleNamesMap;
}
