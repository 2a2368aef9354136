import { hasRole, type Actor } from '../../platform/org/organisation';
import { errors } from './kennisatelier.errors';
import type { Atelier } from './kennisatelier.types';

/**
 * Who may do what, checked by the services on every verb (never trust what a card showed):
 * the programmateam organises any atelier; a netwerkcoördinator creates ateliers for their own
 * network(s) only; the creator and the programmateam organise an existing atelier.
 */
export const canCreateAteliers = (actor: Actor) =>
  hasRole(actor, 'programmateam') || actor.coordinatorOf.length > 0;

export const isOrganiser = (actor: Actor, atelier: Pick<Atelier, 'createdBy'>) =>
  hasRole(actor, 'programmateam') || actor.aadObjectId === atelier.createdBy.toLowerCase();

export function assertOrganiser(actor: Actor, atelier: Pick<Atelier, 'createdBy'>): void {
  if (!isOrganiser(actor, atelier)) throw errors.forbidden();
}

/**
 * For the invited networks only, now: networks were invited and the atelier is not (yet) listed for
 * everyone (`listedFrom` null, or the networks' head start still running).
 */
export const isNetworksOnly = (atelier: Pick<Atelier, 'networkIds' | 'listedFrom'>, now: Date) =>
  atelier.networkIds.length > 0 && (atelier.listedFrom === null || now.toISOString() < atelier.listedFrom);

/** Networks the actor may invite: every network for the programmateam, their own for a coordinator. */
export function invitableNetworks(actor: Actor, all: readonly string[]): string[] {
  return hasRole(actor, 'programmateam') ? [...all] : all.filter((n) => actor.coordinatorOf.includes(n));
}

export function assertMayInvite(actor: Actor, networkIds: readonly string[]): void {
  if (!canCreateAteliers(actor)) throw errors.cannotCreate();
  if (hasRole(actor, 'programmateam')) return;
  // A coordinator's atelier is for their own network: at least one of theirs, and no one else's.
  if (!networkIds.length || networkIds.some((n) => !actor.coordinatorOf.includes(n)))
    throw errors.notYourNetwork();
}
