import { hasRole, type Actor } from '../../platform/org/organisation';
import type { Poll } from './polls.types';

/** Who may do what with polls; services call these on every verb, whatever the card showed. */

export const canCreatePolls = (actor: Actor) => hasRole(actor, 'programmateam', 'netwerkcoordinator');

/** The programmateam always; besides them only the poll's own organisers. */
export const canSeeResults = (actor: Actor, poll: Poll) =>
  hasRole(actor, 'programmateam') || poll.organiserIds.includes(actor.aadObjectId.toLowerCase());

/** Coordinators reach only their own networks; the programmateam reaches every network. */
export function reachableNetworks(actor: Actor, allNetworkIds: string[]): string[] {
  return hasRole(actor, 'programmateam')
    ? allNetworkIds
    : allNetworkIds.filter((id) => actor.coordinatorOf.includes(id));
}

/** Results are withheld below this many answers: small groups are identifiable. */
export const resultsThreshold = 5;
