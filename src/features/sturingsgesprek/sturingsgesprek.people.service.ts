import type { PeopleNames } from '../../platform/people/people-names';
import type { PeopleNamesMap, SheetDoc, UnitSnapshot } from './sturingsgesprek.types';

/**
 * Names for the people a round's cards and reports mention: directors and heads, deputies, who saved
 * and who submitted. One bulk look-up per card or report through `deps.people` (organisation file,
 * recent turns, the directory); a deputy's name kept with the sheet comes first.
 */
export class RoundPeople {
  constructor(private readonly people: Pick<PeopleNames, 'namesOf'>) {}

  async names(
    units: readonly UnitSnapshot[],
    sheets: ReadonlyArray<SheetDoc | undefined>,
    more: string[] = [],
  ): Promise<PeopleNamesMap> {
    const ids = [...units.map((u) => u.ownerId), ...more];
    const known = new Map<string, string>();
    for (const sheet of sheets) {
      if (!sheet) continue;
      for (const id of [sheet.deputyId, sheet.lastEditedBy, sheet.submittedBy]) if (id) ids.push(id);
      if (sheet.deputyId && sheet.deputyName) known.set(sheet.deputyId.toLowerCase(), sheet.deputyName);
    }
    return this.people.namesOf(ids, known);
  }

  /** The name of one person, if anyone can give it (for checking a chosen deputy). */
  async nameOf(id: string): Promise<string | undefined> {
    return (await this.people.namesOf([id])).get(id.toLowerCase());
  }
}
