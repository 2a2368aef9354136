import type { Organisation } from '../../platform/org/organisation';
import type { DoorbraakEntry, RoundDoc } from './sturingsgesprek.types';

/** The organisation file's doorbraken, as the list starts out (and as rounds without a copy read them). */
export const seedDoorbraken = (org: Organisation): DoorbraakEntry[] =>
  org.doorbraken.map((d) => ({ id: d.id, title: { ...d.title }, prioritised: d.prioritised }));

/** The doorbraken a round asks about: its own copy, or for rounds from before copies were kept, the file's. */
export const doorbrakenOf = (round: RoundDoc, org: Organisation): DoorbraakEntry[] =>
  round.doorbraken ?? seedDoorbraken(org);

/** The ones a new round copies: retired doorbraken are not offered any more. */
export const activeDoorbraken = (items: readonly DoorbraakEntry[]): DoorbraakEntry[] =>
  items.filter((d) => !d.retired);

/** A fresh id that no doorbraak, retired or not, has had. */
export function nextDoorbraakId(items: readonly DoorbraakEntry[]): string {
  const taken = new Set(items.map((d) => d.id));
  for (let n = items.length + 1; ; n++) {
    const id = `db-${String(n).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The languages a doorbraak title is written in: those of the organisation's panel name, which every
 * organisation file gives in each language it offers (Rotterdam nl, en; Gent nl-BE, en; Genova it, en).
 */
export const doorbraakLanguages = (org: Organisation): string[] => Object.keys(org.panelName);
