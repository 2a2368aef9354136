import { hasRole, type Actor } from '../../platform/org/organisation';

/** The programmateam manages the panel's roles. */
export const canRefreshRoles = (actor: Actor) => hasRole(actor, 'programmateam');
