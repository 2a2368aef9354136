import JSZip from 'jszip';
import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardInputs,
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

jest.setTimeout(30_000);

const invalidInput = 'Dat begreep ik niet goed: controleer wat je hebt ingevuld. Er is niets veranderd.';
const officeOnly = 'De lijst met doorbraken kan alleen het DIG Office aanpassen. Er is niets veranderd.';

/** The stored list as it is now (undefined before anyone opened it). */
const stored = (bot: TestBot) => new SturingsgesprekRepository(bot.deps.store).getDoorbraken();

/** The doorbraken list in Teams: the DIG office edits it; nobody else can, whatever they send. */
describe('sturingsgesprek: the DIG office edits the doorbraken', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    await installAll(bot);
  });
  afterAll(async () => bot.stop());

  it('lists, renames, adds, prioritises and retires; seeded from the organisation file', async () => {
    const ravi = bot.user(people.ravi);
    const list = cardOf(await ravi.invoke('sturingsgesprek.doorbraken'));
    expect(cardText(list)).toContain('Er staan 11 doorbraken in de lijst.');
    expect(cardText(list)).toContain('Doorbraak 1: Elke manager verwerft binnen drie jaar de vaardigheden');
    expect(cardInputs(list).find((i) => i.id === 't_db-05_en')?.value).toMatch(/^Breakthrough 5/);
    expect((await stored(bot))?.items).toHaveLength(11);

    const renamed = cardOf(
      await click(ravi, list, 'Titel opslaan van doorbraak 5', {
        't_db-05_nl': 'Werkplekken zijn toegankelijk voor iedereen',
        't_db-05_en': '',
      }),
    );
    expect(cardText(renamed)).toContain('Opgeslagen.');
    expect(cardText(renamed)).toContain('Doorbraak 5: Werkplekken zijn toegankelijk voor iedereen');
    const db05 = (await stored(bot))!.items.find((d) => d.id === 'db-05')!;
    expect(db05.title.nl).toBe('Werkplekken zijn toegankelijk voor iedereen');
    expect(db05.title.en).toMatch(/^Breakthrough 5/); // left empty: kept

    const added = cardOf(
      await click(ravi, renamed, 'Toevoegen', {
        new_nl: 'Inclusieve taal in alle brieven',
        new_en: 'Inclusive language in every letter',
        new_prioritised: 'true',
      }),
    );
    expect(cardText(added)).toContain('Doorbraak 12: Inclusieve taal in alle brieven');
    const prioritised = cardOf(await click(ravi, added, 'Voorrang geven aan doorbraak 5'));
    const retired = cardOf(await click(ravi, prioritised, 'Uit de lijst halen: doorbraak 11'));
    const text = cardText(retired);
    expect(text).toContain('Niet meer in gebruik');
    // Titles are typed in Teams: escaped Markdown on the card (Teams shows the plain brackets).
    expect(text).toContain('Doorbraak 11 \\(tekst uit het Intern actieplan DIG volgt\\)');
    expect(text).toContain('Doorbraak 11: Inclusieve taal in alle brieven'); // numbering of the active ones
    expect(() => findAction(retired, 'Uit de lijst halen: doorbraak 12')).toThrow();

    const items = (await stored(bot))!.items;
    // The Inzicht figure counts the list the office keeps: the added one too, the retired one still.
    const figure = bot.deps.metrics
      .sections()
      .flatMap((x) => x.metrics)
      .find((m) => m.id === 'sturingsgesprek.doorbraken')!;
    const ctx = { quarters: ['2026-Q4'], trend: ['2026-Q4'], timeZone: 'Europe/Amsterdam' };
    const table = await figure.table(ctx as unknown as Parameters<typeof figure.table>[0]);
    expect(table.columns.map((c) => c.key)).toEqual(items.map((d) => d.id));
    expect(items.map((d) => [d.id, d.prioritised, !!d.retired]).slice(-3)).toEqual([
      ['db-10', false, false],
      ['db-11', false, true],
      ['db-12', true, false],
    ]);
    expect(items.find((d) => d.id === 'db-05')?.prioritised).toBe(true);
  });

  it('refuses a clusterdirecteur and the gemeentesecretaris; the store is unchanged', async () => {
    const before = JSON.stringify(await stored(bot));
    const bram = bot.user(people.bram);
    expect(cardText(cardOf(await bram.invoke('sturingsgesprek.doorbraken')))).toContain(
      'Dit kunnen alleen de gemeentesecretaris en het DIG Office.',
    );
    for (const [verb, data] of [
      ['sturingsgesprek.renameDoorbraak', { doorbraakId: 'db-01', 't_db-01_nl': 'Gekaapt' }],
      ['sturingsgesprek.addDoorbraak', { new_nl: 'Gekaapt' }],
      ['sturingsgesprek.prioritiseDoorbraak', { doorbraakId: 'db-06', prioritised: 'true' }],
      ['sturingsgesprek.retireDoorbraak', { doorbraakId: 'db-01' }],
    ] as const) {
      expect(cardText(cardOf(await bram.invoke(verb, data)))).toContain(officeOnly);
    }
    // The gemeentesecretaris reads the list, without buttons, and cannot change it either.
    const mila = bot.user(people.mila);
    const read = cardOf(await mila.invoke('sturingsgesprek.doorbraken'));
    expect(cardText(read)).toContain('Het DIG Office houdt de lijst bij.');
    expect(cardInputs(read).filter((i) => String(i.id).startsWith('t_'))).toHaveLength(0);
    const refused = cardOf(await mila.invoke('sturingsgesprek.retireDoorbraak', { doorbraakId: 'db-01' }));
    expect(cardText(refused)).toContain(officeOnly);
    expect(JSON.stringify(await stored(bot))).toBe(before);
  });

  it('answers bad input with a clear message and changes nothing', async () => {
    const before = JSON.stringify(await stored(bot));
    const ravi = bot.user(people.ravi);
    const bad = async (verb: string, data: Record<string, unknown>) =>
      cardText(cardOf(await ravi.invoke(verb, data)));
    expect(await bad('sturingsgesprek.renameDoorbraak', { doorbraakId: '../db-01' })).toContain(invalidInput);
    expect(
      await bad('sturingsgesprek.renameDoorbraak', { doorbraakId: 'db-01', 't_db-01_nl': 'x'.repeat(301) }),
    ).toContain(invalidInput);
    expect(
      await bad('sturingsgesprek.prioritiseDoorbraak', { doorbraakId: 'db-01', prioritised: 'ja' }),
    ).toContain(invalidInput);
    expect(await bad('sturingsgesprek.addDoorbraak', { new_nl: '  ', new_en: '' })).toContain(
      'Geef de doorbraak een titel in minstens één taal.',
    );
    expect(await bad('sturingsgesprek.retireDoorbraak', { doorbraakId: 'db-99' })).toContain(
      'Die doorbraak staat niet (meer) in de lijst.',
    );
    expect(
      await bad('sturingsgesprek.renameDoorbraak', { doorbraakId: 'db-11', 't_db-11_nl': 'Terug' }),
    ).toContain('al uit de lijst gehaald');
    expect(JSON.stringify(await stored(bot))).toBe(before);
  });
});

/** A round keeps the doorbraken it opened with: later edits change neither its answer checks nor its report. */
describe('sturingsgesprek: each round keeps its own copy of the doorbraken', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    await installAll(bot);
  });
  afterAll(async () => bot.stop());

  const answerCard = (name: string) => {
    const user = bot.user(name);
    return [...bot.inbox(user)]
      .reverse()
      .map((a) => a.attachments?.[0]?.content as Card)
      .find((c) => c && cardText(c).includes('DIG-vragen: '))!;
  };
  const choicesOf = (card: Card) =>
    (cardInputs(card).find((i) => i.id === 'a_k1-prioriteit')?.choices as Array<{ value: string }>).map(
      (c) => c.value,
    );

  it('uses the old list for a round opened before the change, and the new list for the next round', async () => {
    const ravi = bot.user(people.ravi);
    const first = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11', label: 'Ronde A' });

    // The office changes the list while round A is open: db-01 renamed, db-02 retired, db-12 added.
    let list = cardOf(await ravi.invoke('sturingsgesprek.doorbraken'));
    list = cardOf(
      await click(ravi, list, 'Titel opslaan van doorbraak 1', { 't_db-01_nl': 'Nieuwe titel 1' }),
    );
    list = cardOf(await click(ravi, list, 'Uit de lijst halen: doorbraak 2'));
    cardOf(
      await click(ravi, list, 'Toevoegen', { new_nl: 'Doorbraak twaalf', new_en: 'Breakthrough twelve' }),
    );

    // Round A's card still offers its own eleven; a doorbraak added later is not a valid answer there.
    const bram = bot.user(people.bram);
    const card = answerCard(people.bram);
    expect(choicesOf(card)).toEqual(
      Array.from({ length: 11 }, (_, i) => `db-${String(i + 1).padStart(2, '0')}`),
    );
    const refused = cardText(
      cardOf(
        await click(bram, card, 'Indienen', k1Inputs({ prioriteit: ['db-12'], why: 'x', weerstand: 'no' })),
      ),
    );
    expect(refused).toContain('Kies doorbraken uit de lijst.');
    const sheetBefore = await new SturingsgesprekRepository(bot.deps.store).getSheet(
      first,
      'dienstverlening',
    );
    expect(sheetBefore?.state).not.toBe('submitted');
    // A retired doorbraak is still valid in the round that had it.
    await click(
      bram,
      answerCard(people.bram),
      'Indienen',
      k1Inputs({ prioriteit: ['db-01', 'db-02'], why: 'Oude lijst.', weerstand: 'no' }),
    );
    const sheet = await new SturingsgesprekRepository(bot.deps.store).getSheet(first, 'dienstverlening');
    expect(sheet?.state).toBe('submitted');

    // Its report (card and Word) names the doorbraken as the round had them.
    const report = cardText(
      cardOf(await bot.user(people.mila).invoke('sturingsgesprek.report', { roundId: first })),
    );
    expect(report).toContain(
      'Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap: 1',
    );
    expect(report).toContain('Objectieve werving en selectie is standaard: 1');
    expect(report).not.toContain('Nieuwe titel 1');
    const overview = cardOf(await ravi.invoke('sturingsgesprek.report', { roundId: first }));
    const word = await fetch(
      (findAction(overview, 'Verslag (Word)').url as string).replace('http://127.0.0.1:1', bot.url),
    );
    const xml = await (
      await JSZip.loadAsync(Buffer.from(await word.arrayBuffer()))
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap');
    expect(xml).not.toContain('Nieuwe titel 1');

    // Round B, opened after the change, gets the new list: db-01 renamed, db-02 gone, db-12 there.
    bot.clock.set('2027-03-22T08:00:00Z');
    await makeRound(bot, { opensOn: '2027-03-22', deadlineOn: '2027-04-09', label: 'Ronde B' });
    const next = lastCard(bot, bram);
    expect(cardText(next)).toContain('Ronde B');
    const choices = choicesOf(next);
    expect(choices).toContain('db-12');
    expect(choices).not.toContain('db-02');
    expect(cardText(next)).toContain('Nieuwe titel 1');
  });
});
