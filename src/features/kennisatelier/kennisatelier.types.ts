import type { SignupStatus } from '../../platform/signups';

export interface Atelier {
  id: string;
  /** Organiser-written; escaped whenever it goes into a card. */
  title: string;
  description: string;
  /** ISO UTC. */
  startsAt: string;
  endsAt: string;
  /** ISO UTC; no new sign-ups from then on. Defaults to the start. */
  deadline: string;
  room?: string;
  meetingUrl?: string;
  /** null = unlimited. */
  capacity: number | null;
  /** Conversation ids of the channels that got the shared card. */
  channelIds: string[];
  networkIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  status: 'published' | 'cancelled';
  /** Bumped on every change of time or place: the calendar file's SEQUENCE and the change-notice id. */
  revision: number;
  /** When people outside the chosen networks may find it in the list; null = only the networks were invited. */
  listedFrom: string | null;
  attendance?: { markedBy: string; markedAt: string; attendeeIds: string[]; pollAt: string };
}

/** What the organiser's form sets. */
export type AtelierDetails = Pick<
  Atelier,
  'title' | 'description' | 'startsAt' | 'endsAt' | 'deadline' | 'room' | 'meetingUrl' | 'capacity'
>;

export interface SeatSummary {
  capacity: number | null;
  attending: number;
  waitlisted: number;
}

export type ViewNotice =
  | 'signedUp'
  | 'waitlisted'
  | 'signedUpUnreachable'
  | 'waitlistedUnreachable'
  | 'withdrawn'
  | 'notSignedUp'
  | 'published'
  | 'saved'
  | 'cancelled';

/** One person's view of one atelier: what the personal card shows. */
export interface AtelierView {
  atelier: Atelier;
  summary: SeatSummary;
  status: SignupStatus;
  organiser: boolean;
  icsUrl?: string;
  notice?: ViewNotice;
  /** Set when the bot cannot write to the person: where they open its chat to get the messages. */
  openChatUrl?: string;
}

export interface AtelierListItem {
  atelier: Atelier;
  summary: SeatSummary;
  ended: boolean;
}

export interface AudienceOptions {
  channels: Array<{ title: string; value: string }>;
  networks: Array<{ title: string; value: string }>;
}

/** Someone on a roster; `name` is absent when nobody could name them (the card shows a neutral word). */
export interface NamedPerson {
  id: string;
  name?: string;
}

export interface RosterView {
  atelier: Atelier;
  summary: SeatSummary;
  attending: NamedPerson[];
  waitlist: NamedPerson[];
  csvUrl: string;
}

export interface AttendanceChoices {
  atelier: Atelier;
  people: NamedPerson[];
  selected: string[];
}

export type AtelierMessageKind =
  'promoted' | 'changed' | 'cancelled' | 'reminder' | 'attendancePrompt' | 'attendanceNudge';
