import type { Actor, Organisation } from '../../platform/org/organisation';
import type { Network } from '../../platform/org/org.schema';
import { networksErrors } from './networks.errors';

export function networkOf(org: Organisation, networkId: string): Network {
  const network = org.network(networkId);
  if (!network) throw networksErrors.unknownNetwork();
  return network;
}

/**
 * The one authorisation rule of the feature: only a network's own coordinators (from the organisation
 * file, read per turn) may announce to it, see its members or manage its announcements.
 */
export function requireCoordinator(org: Organisation, actor: Actor, networkId: string): Network {
  const network = networkOf(org, networkId);
  if (!actor.coordinatorOf.includes(network.id)) throw networksErrors.notCoordinator();
  return network;
}

/** The networks this coordinator may announce to; anyone else is refused. */
export function coordinatedNetworks(org: Organisation, actor: Actor): Network[] {
  if (actor.coordinatorOf.length === 0) throw networksErrors.notCoordinator();
  return org.networks.filter((n) => actor.coordinatorOf.includes(n.id));
}
