import { hasRole, type Actor, type Organisation } from '../../platform/org/organisation';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { AnswerRole, SheetDoc, UnitSnapshot } from './sturingsgesprek.types';

/**
 * Who may do what. Checked by the services on every verb, from the org file and the stored sheet,
 * never from what a card showed.
 */
export const isManager = (actor: Actor) => hasRole(actor, 'gemeentesecretaris', 'digOffice');

export function requireManager(actor: Actor): void {
  if (!isManager(actor)) throw errors.managersOnly();
}

/** The doorbraken list is the DIG office's: it keeps the action plan (the gemeentesecretaris reads it). */
export function requireOffice(actor: Actor): void {
  if (!hasRole(actor, 'digOffice')) throw errors.officeOnly();
}

/** Every unit that answers: each cluster (its director) and, if asked, each department that has a head. */
export function unitsOf(org: Organisation, includeDepartments: boolean): UnitSnapshot[] {
  return org.clusters.flatMap((c) => [
    { unitId: c.id, clusterId: c.id, name: c.name, ownerId: c.director.toLowerCase() },
    ...(includeDepartments
      ? c.departments
          .filter((d) => d.head)
          .map((d) => ({
            unitId: `${c.id}.${d.id}`,
            clusterId: c.id,
            departmentId: d.id,
            name: d.name,
            ownerId: (d.head as string).toLowerCase(),
          }))
      : []),
  ]);
}

/** The unit's answerer according to the organisation file now (a new director takes over a running round). */
export function currentOwner(org: Organisation, unit: UnitSnapshot): string | undefined {
  const cluster = org.cluster(unit.clusterId);
  if (!cluster) return undefined;
  if (!unit.departmentId) return cluster.director.toLowerCase();
  return cluster.departments.find((d) => d.id === unit.departmentId)?.head?.toLowerCase();
}

/** The actor's relation to a unit's sheet, or undefined when they may not see it at all. */
export function answerRole(
  org: Organisation,
  actor: Actor,
  unit: UnitSnapshot,
  sheet: SheetDoc | undefined,
): AnswerRole | undefined {
  if (currentOwner(org, unit) === actor.aadObjectId) return 'owner';
  if (sheet?.deputyId && sheet.deputyId === actor.aadObjectId) return 'deputy';
  return undefined;
}
