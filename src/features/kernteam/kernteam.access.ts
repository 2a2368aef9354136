import { commonErrors } from '../../platform/errors';
import { hasRole, type Actor } from '../../platform/org/organisation';

/** Signals and the agenda belong to the kernteam and the programmateam. */
export const isKernteam = (actor: Actor) => hasRole(actor, 'kernteamlid', 'programmateam');

/** Meedoen answers and the evaluation figures: the programmateam. */
export const isProgrammateam = (actor: Actor) => hasRole(actor, 'programmateam');

export function requireKernteam(actor: Actor): void {
  if (!isKernteam(actor)) throw commonErrors.forbidden();
}

export function requireProgrammateam(actor: Actor): void {
  if (!isProgrammateam(actor)) throw commonErrors.forbidden();
}
