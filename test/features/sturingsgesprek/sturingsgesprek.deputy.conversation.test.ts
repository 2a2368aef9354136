import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { walk, type CardNode } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardOf,
  cardText,
  click,
  findAction,
  installAll,
  k1Inputs,
  lastCard,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

/** A colleague only the directory knows: not in the organisation file, never talked to the bot. */
const fatima = { id: 'ce000000-0000-4000-8000-0000000000d1', name: 'Fatima Yilmaz' };
/** A well-formed id that belongs to nobody. */
const madeUp = 'ce000000-0000-4000-8000-0000000000ff';

function deputyPicker(card: Card): CardNode {
  const found: CardNode[] = [];
  walk(card, (n) => n.type === 'Input.ChoiceSet' && n.id === 'deputyId' && found.push(n));
  if (found.length !== 1) throw new Error(`expected one deputy picker, found ${found.length}`);
  return found[0]!;
}
const choiceTitles = (picker: CardNode) => (picker.choices as Array<{ title: string }>).map((c) => c.title);

describe('sturingsgesprek: the deputy picker searches the directory in Teams, checked on the server', () => {
  describe('with the directory (Microsoft Graph)', () => {
    let graph: FakeGraph;
    let bot: TestBot;
    let repo: SturingsgesprekRepository;
    let roundId: string;

    beforeEach(async () => {
      graph = await FakeGraph.start({ users: [{ id: fatima.id, displayName: fatima.name }] });
      bot = await startTestBot({ graph });
      repo = new SturingsgesprekRepository(bot.deps.store);
      await installAll(bot);
      roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    });
    afterEach(async () => {
      await bot.stop();
      await graph.stop();
    });

    it('the card has a people picker (Data.Query) with the organisation file as static choices', () => {
      const picker = deputyPicker(lastCard(bot, bot.user(people.bram)));
      expect(picker['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
      expect(picker.style).toBe('filtered');
      expect(picker.label).toBe('Plaatsvervanger (typ om te zoeken)');
      const titles = choiceTitles(picker);
      expect(titles).toContain('Lotte Visser');
      expect(titles).not.toContain('Bram Mulder'); // not the director themselves
      expect([...titles].sort((a, b) => a.localeCompare(b))).toEqual(titles);
    });

    it('a colleague found in the directory can be named; status card and report name them', async () => {
      const bram = bot.user(people.bram);
      const choose = { deputyId: fatima.id.toUpperCase() };
      const named = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', choose));
      expect(cardText(named)).toContain('Fatima Yilmaz kan nu namens je cluster antwoorden');
      expect(cardText(named)).toContain('Plaatsvervanger: Fatima Yilmaz');
      // Her name is kept with the round's sheet; the picker now offers her too, by name.
      const sheet = await repo.getSheet(roundId, 'dienstverlening');
      expect(sheet).toMatchObject({ deputyId: fatima.id, deputyName: fatima.name });
      const picker = deputyPicker(named);
      expect(picker.value).toBe(fatima.id);
      expect(choiceTitles(picker)).toContain('Fatima Yilmaz');

      const ravi = bot.user(people.ravi);
      const status = cardOf(await ravi.invoke('sturingsgesprek.status', { roundId }));
      expect(cardText(status)).toContain('Bram Mulder · plaatsvervanger Fatima Yilmaz');
      expect(JSON.stringify(status)).not.toContain(fatima.id);

      // She answers (Teams gives no name in her turn), and the report says who answered for whom.
      const deputy = bot.user('', fatima.id);
      const unitId = 'dienstverlening';
      const card = cardOf(await deputy.invoke('sturingsgesprek.view', { roundId, unitId }));
      expect(cardText(card)).toContain('als plaatsvervanger van Bram Mulder');
      const inputs = k1Inputs({ prioriteit: ['db-03'], why: 'Namens de directeur.', weerstand: 'no' });
      expect(cardText(cardOf(await click(deputy, card, 'Indienen', inputs)))).toContain('Ingediend');
      const after = cardText(cardOf(await ravi.invoke('sturingsgesprek.status', { roundId })));
      expect(after).toContain('Ingediend door Fatima Yilmaz');
      const mila = bot.user(people.mila);
      const report = cardOf(await mila.invoke('sturingsgesprek.report', { roundId, page: 1 }));
      expect(cardText(report)).toContain('Fatima Yilmaz (plaatsvervanger, namens Bram Mulder)');
      expect(JSON.stringify(report)).not.toContain(fatima.id);
      for (const title of ['Verslag (Markdown)', 'Antwoorden (CSV)']) {
        const url = findAction(report, title).url!.replace('http://127.0.0.1:1', bot.url);
        const file = await (await fetch(url)).text();
        expect(file).toContain('Fatima Yilmaz');
        expect(file).not.toContain(fatima.id);
      }
      expect(bot.logs().filter((l) => l.includes(fatima.name))).toEqual([]);
    });

    it('a made-up id or the director themselves is refused in their language; nothing changes', async () => {
      const bram = bot.user(people.bram);
      const before = await repo.getSheet(roundId, 'dienstverlening');
      const refused = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', { deputyId: madeUp }));
      expect(cardText(refused)).toContain('Die collega kan ik niet vinden in de organisatie.');
      expect(cardText(refused)).toContain('Er is niets veranderd.');
      const himself = { deputyId: bram.aadObjectId };
      const self = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', himself));
      expect(cardText(self)).toContain('Kies een collega uit de lijst (niet jezelf).');
      bram.locale('en');
      const english = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', { deputyId: madeUp }));
      expect(cardText(english)).toContain("I can't find that colleague in the organisation.");
      expect(await repo.getSheet(roundId, 'dienstverlening')).toEqual(before);
      await bot.runDue();
      expect(bot.inbox(bot.user('', madeUp))).toEqual([]);
    });
  });

  it('without Graph: people in the org file or seen in a turn can be named; nobody else', async () => {
    const bot = await startTestBot();
    try {
      const repo = new SturingsgesprekRepository(bot.deps.store);
      await installAll(bot);
      const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
      const bram = bot.user(people.bram);
      // The static choices are all a client without directory search offers; Data.Query is harmless there.
      expect(choiceTitles(deputyPicker(lastCard(bot, bram)))).toContain('Lotte Visser');

      const before = await repo.getSheet(roundId, 'dienstverlening');
      const refused = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', { deputyId: fatima.id }));
      expect(cardText(refused)).toContain('Die collega kan ik niet vinden in de organisatie.');
      expect(await repo.getSheet(roundId, 'dienstverlening')).toEqual(before);

      // Once she has talked to the bot, Teams has told us who she is.
      await bot.user(fatima.name, fatima.id).install();
      const named = cardOf(await click(bram, lastCard(bot, bram), 'Aanwijzen', { deputyId: fatima.id }));
      expect(cardText(named)).toContain('Fatima Yilmaz kan nu namens je cluster antwoorden');
      const ravi = bot.user(people.ravi);
      const status = cardText(cardOf(await ravi.invoke('sturingsgesprek.status', { roundId })));
      expect(status).toContain('plaatsvervanger Fatima Yilmaz');

      // Removing the deputy removes her name from the round's data too.
      cardOf(await click(bram, named, 'Plaatsvervanger verwijderen'));
      const sheet = await repo.getSheet(roundId, 'dienstverlening');
      expect(sheet?.deputyId).toBeUndefined();
      expect(JSON.stringify(sheet)).not.toContain(fatima.name);
    } finally {
      await bot.stop();
    }
  });
});
