import { hasRole, type Actor } from '../../platform/org/organisation';
import { errors } from './advies.errors';
import type { AdviesRequest } from './advies.types';

/**
 * Who may do what, checked by the services on every verb (never trust what a card showed): anyone asks
 * the panel; only the programmateam triages, records unsolicited advice and reads the figures; the
 * programmateam or the kernteamlid who took a request records its advice; the requester answers.
 */
export const isProgrammateam = (actor: Actor) => hasRole(actor, 'programmateam');

export function assertProgrammateam(actor: Actor): void {
  if (!isProgrammateam(actor)) throw errors.forbidden();
}

export const isRequester = (actor: Actor, r: Pick<AdviesRequest, 'requesterId'>) =>
  actor.aadObjectId === r.requesterId;

export const mayAdvise = (actor: Actor, r: Pick<AdviesRequest, 'takenBy'>) =>
  isProgrammateam(actor) || (!!r.takenBy && r.takenBy === actor.aadObjectId);

/** The requester, the programmateam and the kernteamlid who took it see the whole request. */
export const mayView = (actor: Actor, r: AdviesRequest) => isRequester(actor, r) || mayAdvise(actor, r);

export function assertMayView(actor: Actor, r: AdviesRequest): void {
  if (!mayView(actor, r)) throw errors.forbidden();
}

/** Who gets "wie doet mee?": the kernteam, and for a W&S committee also the opted-in W&S panel members. */
export const mayVolunteer = (actor: Actor, r: AdviesRequest, wsPanel: readonly string[]) =>
  hasRole(actor, 'kernteamlid') || (r.kind === 'ws' && wsPanel.includes(actor.aadObjectId));
