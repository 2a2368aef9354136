import { AppError } from '../../platform/errors';
import { hasRole, type Actor } from '../../platform/org/organisation';
import type { ContactRepository } from './contact.repository';
import type { ContactCase } from './contact.types';

const err = (key: string, params: Record<string, string | number> = {}) => new AppError(`CONTACT.${key.toUpperCase()}`, `contact.error.${key}`, params);

/** Expected failures; each changes nothing. "Not yours" and "does not exist" look the same on purpose. */
export const contactErrors = {
  noAccess: () => err('noAccess'),
  alreadyOpen: (code: string) => err('alreadyOpen', { code }),
  closed: () => err('closed'),
  taken: () => err('taken'),
  notPickedUp: () => err('notPickedUp'),
  unknownDestination: () => err('unknownDestination'),
  noReferral: () => err('noReferral'),
  delivery: () => err('delivery'),
  kernteamOnly: () => err('kernteamOnly'),
  programmateamOnly: () => err('programmateamOnly'),
  ownRequest: () => err('ownRequest'),
  personalOnly: () => err('personalOnly'),
};

export function requireKernteam(actor: Actor): void {
  if (!hasRole(actor, 'kernteamlid')) throw contactErrors.kernteamOnly();
}

export function requireProgrammateam(actor: Actor): void {
  if (!hasRole(actor, 'programmateam')) throw contactErrors.programmateamOnly();
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();
export const isKernteamlidOf = (c: ContactCase, actor: Actor) => hasRole(actor, 'kernteamlid') && same(c.kernteamlidId, actor.aadObjectId);
export const isRequesterOf = (c: ContactCase, actor: Actor) => same(c.requesterId, actor.aadObjectId);

/** An open case the actor handles as its kernteamlid (role checked again: the org file may have changed). */
export async function caseForKernteamlid(repo: ContactRepository, actor: Actor, caseId: string): Promise<ContactCase> {
  requireKernteam(actor);
  const c = (await repo.getCase(caseId))?.data;
  if (c?.status === 'closed') throw contactErrors.closed();
  if (!c || c.status !== 'open' || !isKernteamlidOf(c, actor)) throw contactErrors.noAccess();
  return c;
}

/** The actor's own case, waiting or open. */
export async function caseForRequester(repo: ContactRepository, actor: Actor, caseId: string): Promise<ContactCase> {
  const c = (await repo.getCase(caseId))?.data;
  if (c?.status === 'closed') throw contactErrors.closed();
  if (!c || !isRequesterOf(c, actor)) throw contactErrors.noAccess();
  return c;
}
