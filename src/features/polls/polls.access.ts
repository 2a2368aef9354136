import { hasRole, type Actor } from '../../platform/org/organisation';
import type { Poll } from './polls.types';

/** Who may do what with polls; services call these on every verb, whatever the card showed. */

export const canCreatePolls = (actor: Actor) => hasRole(actor, 'programmateam', 'netwerkcoordinator');

/**
 * The programmateam and the poll's own organisers. A named poll to a network shows who in it answered,
 * so only its organisers (that network's coordinator) see it: membership is theirs alone (finding 12).
 */
export function canSeeResults(actor: Actor, poll: Poll): boolean {
  const organiser = poll.organiserIds.includes(actor.aadObjectId.toLowerCase());
  if (!poll.anonymous && poll.audience.networkIds.length) return organiser;
  return organiser || hasRole(actor, 'programmateam');
}

/** A named poll may go to a network only from that network's coordinator (they alone may see members). */
export const mayAskNamed = (actor: Actor, networkIds: readonly string[]) =>
  networkIds.every((id) => actor.coordinatorOf.includes(id));

/**
 * Anonymous results wait for the close (finding 7): shown while open, every new answer could be
 * differenced against who is known to have attended. Named polls hide nobody, so they show while open.
 */
export const resultsWaitForClose = (poll: Poll, closed: boolean) => poll.anonymous && !closed;

/** Coordinators reach only their own networks; the programmateam reaches every network. */
export function reachableNetworks(actor: Actor, allNetworkIds: string[]): string[] {
  return hasRole(actor, 'programmateam')
    ? allNetworkIds
    : allNetworkIds.filter((id) => actor.coordinatorOf.includes(id));
}

/** Results are withheld below this many answers: small groups are identifiable. */
export const resultsThreshold = 5;
