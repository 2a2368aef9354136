import { defineErrors } from '../errors';
import { keptName } from '../people/people-names';

export interface SignupSettings {
  /** null = unlimited. */
  capacity: number | null;
  /** ISO UTC; after it no new sign-ups. */
  deadline?: string;
  /** Cancelled or past: no changes at all. */
  closed?: boolean;
  /**
   * ISO UTC; the list expires then, with everyone's place and the names kept with them. Without it
   * the list is kept (and so are the names, until each person cancels).
   */
  keepUntil?: string;
}

export type SignupStatus =
  { state: 'attending' } | { state: 'waitlisted'; position: number } | { state: 'none' };

/**
 * A list is one partition (pk = list id) of small documents, so a sign-up costs the same on an empty
 * list as on one with 12,000 people (issue #17):
 * - the state document (id {@link STATE_ID}): settings, the counts and the next sequence number;
 * - one document per person (id `p:<user>`): attending, waitlisted or withdrawn, with a sequence number.
 *
 * Every change writes the state document with its etag in the same all-or-nothing batch as the person
 * documents it changes, so the state document's etag orders all changes to a list: two sign-ups can never
 * both take the last seat (the loser re-reads and lands on the waitlist), and a promotion happens once.
 * The sequence number orders the waitlist (position = waitlisted people with a lower number, plus one)
 * and the seats (a promotion draws a new number, so seats list in the order people got them).
 */
export interface SignupStateDoc {
  schema: 2;
  listId: string;
  capacity: number | null;
  deadline?: string;
  closed: boolean;
  /** Kept here so every person document written later gets the same expiry. */
  keepUntil?: string;
  seatsTaken: number;
  waiting: number;
  nextSeq: number;
  updatedAt: string;
}

export type PersonState = 'attending' | 'waitlisted' | 'withdrawn';

/** `name` is the display name Teams gave when the person took their place; gone when they withdraw. */
export interface SignupPersonDoc {
  userId: string;
  state: PersonState;
  seq: number;
  name?: string;
  signedUpAt: string;
  updatedAt: string;
}

/**
 * A list as it was stored before issue #17: one document with everyone in arrays (seat order = array
 * order). Migrated to the documents above at first use ({@link migrateLegacyList}).
 */
export interface LegacySignupListDoc {
  listId: string;
  capacity: number | null;
  deadline?: string;
  closed: boolean;
  attending: string[];
  waitlist: string[];
  names?: Record<string, string>;
  updatedAt: string;
  /** Set while a migration is under way, so each of its steps changes the etag. */
  migrating?: number;
}

export const STATE_ID = 'list';
export const personId = (userId: string) => `p:${userId}`;
/** High on purpose: under a burst across instances each round has one winner; the back-off grows per attempt. */
export const MAX_ATTEMPTS = 80;

export const signupErrors = defineErrors('signups', ['closed', 'deadlinePassed', 'notFound', 'busy']);

export const norm = (userId: string) => userId.trim().toLowerCase();

/** A display name as kept with a place: one line, trimmed, bounded. */
export const seatName = keptName;

/** Seconds from `now` until `keepUntil` (at least one), or undefined to keep the list. */
export function ttlUntil(keepUntil: string | undefined, now: Date): number | undefined {
  if (!keepUntil) return undefined;
  return Math.max(1, Math.ceil((Date.parse(keepUntil) - now.getTime()) / 1000));
}

export const isLegacy = (data: unknown): data is LegacySignupListDoc =>
  Array.isArray((data as { attending?: unknown }).attending);

/** Free seats: how many from the head of the waitlist move up now. */
export function freeSeats(state: SignupStateDoc): number {
  if (state.closed) return 0;
  const free = state.capacity === null ? state.waiting : state.capacity - state.seatsTaken;
  return Math.max(0, Math.min(free, state.waiting));
}
