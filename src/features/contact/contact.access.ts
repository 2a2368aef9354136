import { hasRole, type Actor } from '../../platform/org/organisation';
import { contactErrors } from './contact.errors';
import type { ContactCase } from './contact.types';

export function requireKernteam(actor: Actor): void {
  if (!hasRole(actor, 'kernteamlid')) throw contactErrors.kernteamOnly();
}

export function requireProgrammateam(actor: Actor): void {
  if (!hasRole(actor, 'programmateam')) throw contactErrors.programmateamOnly();
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
export const isKernteamlidOf = (c: ContactCase, actor: Actor) =>
  hasRole(actor, 'kernteamlid') && same(c.kernteamlidId, actor.aadObjectId);
export const isRequesterOf = (c: ContactCase, actor: Actor) => same(c.requesterId, actor.aadObjectId);

/** An open case the actor handles as its kernteamlid (role checked again: the org file may have changed). */
export function kernteamlidCase(actor: Actor, c: ContactCase | undefined): ContactCase {
  requireKernteam(actor);
  if (c?.status === 'closed') throw contactErrors.closed();
  if (!c || c.status !== 'open' || !isKernteamlidOf(c, actor)) throw contactErrors.noAccess();
  return c;
}

/** The actor's own case, waiting or open. */
export function requesterCase(actor: Actor, c: ContactCase | undefined): ContactCase {
  if (c?.status === 'closed') throw contactErrors.closed();
  if (!c || !isRequesterOf(c, actor)) throw contactErrors.noAccess();
  return c;
}
