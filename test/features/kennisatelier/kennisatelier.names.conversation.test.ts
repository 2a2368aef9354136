import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/platform/clock';
import { containers } from '../../../src/storage/document-store.port';
import { cardInputs, cardText, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { purgeExpired, rawStoreBytes } from '../../support/test-store';
import { createAtelier, download, installEverywhere, organiserName } from './kennisatelier.helpers';

/** Not in the organisation file, like nearly all of the 12,000 colleagues. */
/** Named by Teams in his own sign-up turn. */
const jeroen = { id: 'ce000000-0000-4000-8000-000000000001', name: 'Jeroen de Wit' };
/** Named only by the directory. */
const fatima = { id: 'ce000000-0000-4000-8000-000000000002', name: 'Fatima Yilmaz' };
/** Named by nobody. */
const nobody = { id: 'ce000000-0000-4000-8000-000000000003' };
const ids = [jeroen.id, fatima.id, nobody.id];

/** Everything the run's store keeps (SQLite's file bytes, or every Cosmos document). */
const rawStore = (bot: TestBot) => rawStoreBytes(bot.deps.store, bot.dbFile);

/**
 * Three colleagues sign up for an atelier with two seats. Teams gives no display name in the turn of
 * two of them (so what the bot can know of them is exactly what the directory knows).
 */
async function signUpThree(bot: TestBot, atelierId: string): Promise<TestUser[]> {
  const people = [bot.user(jeroen.name, jeroen.id), bot.user('', fatima.id), bot.user('', nobody.id)];
  for (const p of people) await p.invoke('kennisatelier.signUp', { atelierId });
  return people;
}

describe('kennisatelier: names on the roster, the attendance form and the CSV', () => {
  describe('with the directory (Microsoft Graph)', () => {
    let graph: FakeGraph;
    let bot: TestBot;
    let sanne: TestUser;
    let atelierId: string;

    beforeEach(async () => {
      graph = await FakeGraph.start({ users: [{ id: fatima.id, displayName: fatima.name }] });
      bot = await startTestBot({ graph });
      const { channel, users } = await installEverywhere(bot, [organiserName]);
      sanne = users[0]!;
      ({ atelierId } = await createAtelier(sanne, { channels: channel.id, capacity: '2' }));
      await signUpThree(bot, atelierId);
    });
    afterEach(async () => {
      await bot.stop();
      await graph.stop();
    });

    it('names people from their sign-up turn or the directory (one look-up), others neutrally', async () => {
      const batchesBefore = graph.requests.filter((r) => r.kind === 'batch').length;
      const roster = (await sanne.invoke('kennisatelier.roster', { atelierId })).card;
      const text = cardText(roster);
      expect(text).toContain('1. Jeroen de Wit');
      expect(text).toContain('2. Fatima Yilmaz');
      expect(text).toContain('Wachtlijst (1)');
      expect(text).toContain('1. onbekende collega');
      for (const id of ids) expect(JSON.stringify(roster)).not.toContain(id);
      // One $batch for the two the bot could not name itself, not one request per person.
      const batches = graph.requests.filter((r) => r.kind === 'batch').slice(batchesBefore);
      expect(batches).toHaveLength(1);
      expect(
        graph.requests
          .filter((r) => r.inBatch)
          .map((r) => r.path)
          .sort(),
      ).toEqual([`/users/${fatima.id}`, `/users/${nobody.id}`].sort());

      const csv = await download(bot, findAction(roster, 'Exporteren (CSV)').url!);
      expect(csv.body.split('\r\n').slice(0, 4)).toEqual([
        '"Naam";"Status";"Plek";"Aanwezig"',
        '"Jeroen de Wit";"aangemeld";"1";""',
        '"Fatima Yilmaz";"aangemeld";"2";""',
        '"onbekende collega";"wachtlijst";"1";""',
      ]);
      for (const id of ids) expect(csv.body).not.toContain(id);

      bot.clock.set('2026-12-01T15:00:00Z');
      const form = (await sanne.invoke('kennisatelier.attendanceForm', { atelierId })).card;
      const input = cardInputs(form).find((i) => i.id === 'attendees');
      const choices = input as unknown as { choices: Array<{ title: string }> };
      expect(choices.choices.map((c) => c.title)).toEqual(['Jeroen de Wit', 'Fatima Yilmaz']);

      const logs = bot.logs();
      for (const name of [jeroen.name, fatima.name]) expect(logs.filter((l) => l.includes(name))).toEqual([]);
    });

    it('in English the neutral word is "unknown colleague"', async () => {
      const roster = (await sanne.locale('en').invoke('kennisatelier.roster', { atelierId })).card;
      expect(cardText(roster)).toContain('1. unknown colleague');
    });
  });

  it('without Graph: the name kept with the seat survives a restart; others are neutral', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-names-'));
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    try {
      const first = await startTestBot({ dataDir, clock });
      const {
        channel,
        users: [sanne],
      } = await installEverywhere(first, [organiserName]);
      const { atelierId } = await createAtelier(sanne!, { channels: channel.id, capacity: '2' });
      await signUpThree(first, atelierId);
      await first.stop();

      // A new process: nothing in memory, no directory; only what was kept with the seats.
      const bot = await startTestBot({ dataDir, clock });
      try {
        const roster = (await bot.user(organiserName).invoke('kennisatelier.roster', { atelierId })).card;
        const text = cardText(roster);
        expect(text).toContain('1. Jeroen de Wit');
        expect(text).toContain('2. onbekende collega');
        expect(text).toContain('Wachtlijst (1)');
        for (const id of ids) expect(JSON.stringify(roster)).not.toContain(id);
        const csv = await download(bot, findAction(roster, 'Exporteren (CSV)').url!);
        expect(csv.body).toContain('"Jeroen de Wit";"aangemeld";"1";""');
        for (const id of ids) expect(csv.body).not.toContain(id);

        // Withdrawing takes the name off the list with the seat.
        await bot.user(jeroen.name, jeroen.id).invoke('kennisatelier.withdraw', { atelierId });
        // Every document of the list: the state and one per person.
        const list = await bot.deps.store.query(containers.signups, { pk: `kennisatelier:${atelierId}` });
        expect(list.length).toBeGreaterThan(1);
        expect(JSON.stringify(list)).not.toContain(jeroen.name);
      } finally {
        await bot.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('the sign-up list, and every name kept with it, expires 90 days after the atelier', async () => {
    const bot = await startTestBot();
    try {
      const {
        channel,
        users: [sanne],
      } = await installEverywhere(bot, [organiserName]);
      const { atelierId } = await createAtelier(sanne!, { channels: channel.id, capacity: '2' });
      await signUpThree(bot, atelierId);
      const listId = `kennisatelier:${atelierId}`;
      // Control: the name is stored while the list is kept, so the search below can fail.
      expect((await rawStore(bot)).includes(Buffer.from(jeroen.name))).toBe(true);

      bot.clock.set('2027-03-01T14:59:00Z'); // the atelier ended 2026-12-01 15:00 UTC
      expect(await bot.deps.store.get(containers.signups, listId, 'list')).toBeDefined();
      bot.clock.set('2027-03-01T15:00:01Z');
      expect(await bot.deps.store.get(containers.signups, listId, 'list')).toBeUndefined();
      await purgeExpired(bot.deps.store);
      expect((await rawStore(bot)).includes(Buffer.from(jeroen.name))).toBe(false);
    } finally {
      await bot.stop();
    }
  });
});
