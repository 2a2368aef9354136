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
   * ISO UTC; the list expires then, with everyone's seat and the names kept with the seats. Without it
   * the list is kept (and so are the names, until each person cancels).
   */
  keepUntil?: string;
}

export type SignupStatus =
  { state: 'attending' } | { state: 'waitlisted'; position: number } | { state: 'none' };

/**
 * One document per list: pk = listId, id = 'list'. The seat order IS the array order, so "who got a
 * seat" and "waitlist position" can never disagree.
 *
 * Why one document: every change is a single etag-guarded replace of the whole list, so two sign-ups
 * can never both take the last seat (the loser re-reads and lands on the waitlist), and the order of
 * successful writes is the order of the lists. Per-person seat documents would need a separate
 * counter and a second write that can fail halfway. The cost is contention on popular lists, which the
 * jittered retry absorbs; within one instance writes to a list also queue up in memory (SignupService.serial),
 * so a burst does not burn round trips on lost races (200 simultaneous clicks, spread over several
 * service instances, are proven in the tests on both stores). The size (≈40 bytes per
 * person, plus ≈70 for a name of typical length, so 12,000 employees ≈ 1.3 MB) stays under Cosmos'
 * 2 MB document limit.
 *
 * `names` holds the display name each person had when they took their place (Teams' `from.name`,
 * bounded by {@link seatName}), so the organisers' roster can name colleagues who are not in the
 * organisation file even without a directory. A name goes when its person leaves the list, and all
 * of them when the list expires ({@link SignupSettings.keepUntil}).
 */
export interface SignupListDoc {
  listId: string;
  capacity: number | null;
  deadline?: string;
  closed: boolean;
  attending: string[];
  waitlist: string[];
  /** Display name by (lower-case) id, only for people on the list; absent in lists made before names. */
  names?: Record<string, string>;
  updatedAt: string;
}

export const DOC_ID = 'list';
/** High on purpose: under a burst each round has one winner; the jitter in updateWithRetry grows per attempt. */
export const MAX_ATTEMPTS = 80;

export const signupErrors = defineErrors('signups', ['closed', 'deadlinePassed', 'notFound', 'busy']);

export const norm = (userId: string) => userId.trim().toLowerCase();

/** A display name as kept with a seat: one line, trimmed, bounded. */
export const seatName = keptName;

/** Seconds from `now` until `keepUntil` (at least one), or undefined to keep the list. */
export function ttlUntil(keepUntil: string | undefined, now: Date): number | undefined {
  if (!keepUntil) return undefined;
  return Math.max(1, Math.ceil((Date.parse(keepUntil) - now.getTime()) / 1000));
}

export function statusIn(list: SignupListDoc, userId: string): SignupStatus {
  if (list.attending.includes(userId)) return { state: 'attending' };
  const i = list.waitlist.indexOf(userId);
  return i >= 0 ? { state: 'waitlisted', position: i + 1 } : { state: 'none' };
}

/** Moves people from the head of the waitlist into free seats; returns who moved, in order. */
export function promote(list: SignupListDoc): string[] {
  const free =
    list.capacity === null ? list.waitlist.length : Math.max(0, list.capacity - list.attending.length);
  const promoted = list.waitlist.slice(0, free);
  list.attending.push(...promoted);
  list.waitlist.splice(0, promoted.length);
  return promoted;
}
