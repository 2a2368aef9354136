import { Organisation } from '../../src/platform/org/organisation';
import { PeopleNames, type ProfileDirectory } from '../../src/platform/people/people-names';

const org = Organisation.load('config/org.demo.json');
const sanne = org.people.find((p) => p.name === 'Sanne de Vries')!.aadObjectId;
const a = 'aa000000-0000-4000-8000-000000000001';
const b = 'aa000000-0000-4000-8000-000000000002';
const gone = 'aa000000-0000-4000-8000-000000000003';

class CountingDirectory implements ProfileDirectory {
  calls: string[][] = [];
  people = new Map([
    [a, 'Fatima Yilmaz'],
    [b, 'Jeroen de Wit'],
  ]);
  async profiles(ids: string[]) {
    this.calls.push(ids);
    return new Map(
      ids
        .filter((id) => this.people.has(id))
        .map((id) => [id.toUpperCase(), { displayName: this.people.get(id)! }]),
    );
  }
}

describe('PeopleNames', () => {
  let now = 0;
  const make = (directory?: ProfileDirectory) =>
    new PeopleNames(org, directory, { ttlMs: 1000, unknownTtlMs: 100, now: () => now });

  it('names from what the caller holds, the file, recent turns, then one bulk directory look-up', async () => {
    const directory = new CountingDirectory();
    const names = make(directory);
    names.remember(b, '  Jeroen uit Teams ');
    const result = await names.namesOf([sanne, a, b, gone, a.toUpperCase()], new Map([[a, undefined]]));
    expect(Object.fromEntries(result)).toEqual({
      [sanne.toLowerCase()]: 'Sanne de Vries',
      [a]: 'Fatima Yilmaz',
      [b]: 'Jeroen uit Teams',
    });
    expect(directory.calls).toEqual([[a, gone]]);
  });

  it('asks the directory again only after the expiry, sooner for ids it did not know', async () => {
    const directory = new CountingDirectory();
    const names = make(directory);
    await names.namesOf([a, gone]);
    await names.namesOf([a, gone]);
    expect(directory.calls).toEqual([[a, gone]]);
    now += 150;
    await names.namesOf([a, gone]);
    expect(directory.calls).toEqual([[a, gone], [gone]]);
    now += 1000;
    await names.namesOf([a]);
    expect(directory.calls).toEqual([[a, gone], [gone], [a]]);
  });

  it('without a directory (local run) names what it can and leaves the rest absent, never the id', async () => {
    const result = await make().namesOf([sanne, a]);
    expect([...result.values()]).toEqual(['Sanne de Vries']);
  });

  it('a directory outage leaves those ids unnamed for this call only, and is not remembered', async () => {
    const directory = new CountingDirectory();
    let down = true;
    const flaky: ProfileDirectory = {
      profiles: async (ids) => {
        if (down) throw Object.assign(new Error('directory: unavailable'), { code: 'unavailable' });
        return directory.profiles(ids);
      },
    };
    const names = make(flaky);
    const during = await names.namesOf([sanne, a]);
    expect(Object.fromEntries(during)).toEqual({ [sanne.toLowerCase()]: 'Sanne de Vries' });
    down = false;
    expect((await names.namesOf([a])).get(a)).toBe('Fatima Yilmaz');
  });
});
