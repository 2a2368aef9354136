import { hours } from '../../../src/platform/clock';
import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardActions,
  cardOf,
  cardsReceived,
  cardText,
  click,
  directors,
  findAction,
  installAll,
  k1Inputs,
  lastCard,
  makeRound,
  people,
} from './sturingsgesprek.helpers';

const roundCards = (bot: TestBot, name: string) =>
  cardsReceived(bot, bot.user(name)).filter((c) => cardText(c).includes('DIG-vragen: '));
const reminders = (bot: TestBot, name: string) =>
  cardsReceived(bot, bot.user(name)).filter((c) => cardText(c).includes('Herinnering: sturingsgesprek'));

/** The DIG office's side in conversation: a round from a template, status, nudges, reminders, closing. */
describe('sturingsgesprek: rounds', () => {
  let bot: TestBot;
  let repo: SturingsgesprekRepository;

  beforeEach(async () => {
    bot = await startTestBot();
    repo = new SturingsgesprekRepository(bot.deps.store);
    await installAll(bot);
  });
  afterEach(async () => bot.stop());

  it('makes a round from the Kwartaal 2 template; nothing goes out until the DIG office confirms', async () => {
    const ravi = bot.user(people.ravi);
    const overview = cardOf(await ravi.invoke('sturingsgesprek.overview'));
    const form = cardOf(await click(ravi, overview, 'Nieuwe ronde'));
    expect(cardText(form)).toContain('Kwartaal 1 (sjabloon)');
    expect(cardText(form)).toContain('Kwartaal 2 (sjabloon)');
    const check = cardOf(
      await click(ravi, form, 'Opslaan en controleren', {
        setId: 'kwartaal-2',
        periodLabel: 'Kwartaal 2 2027',
        opensOn: '2026-11-30',
        deadlineOn: '2026-12-18',
      }),
    );
    const text = cardText(check);
    expect(text).toContain(
      'Welke concrete en meetbare resultaten heeft de focus op diversiteit, rechtvaardigheid en inclusie (DEI) in jouw cluster',
    );
    expect(text).toContain('“Rotterdam representeert Rotterdam”');
    for (const d of directors) expect(text).toContain(people[d]);
    expect(text).toContain('Status: concept');
    const roundId = (findAction(check, 'Versturen').data as { roundId: string }).roundId;
    expect(roundCards(bot, people.bram)).toHaveLength(0);

    // "Aanpassen": the same form with the round's values; saving keeps one round.
    const edit = cardOf(await click(ravi, check, 'Aanpassen'));
    const edited = cardOf(
      await click(ravi, edit, 'Opslaan en controleren', { periodLabel: 'Kwartaal 2 2027 (herzien)' }),
    );
    expect(cardText(edited)).toContain('Ronde Kwartaal 2 2027 (herzien)');
    expect((await repo.recentRounds()).map((r) => r.roundId)).toEqual([roundId]);

    // Confirmed before the opening date: sent at the opening, not before.
    const confirmed = cardOf(await click(ravi, edited, 'Versturen'));
    expect(cardText(confirmed)).toContain('de kaarten gaan op de openingsdatum naar de directeuren');
    await bot.runDue();
    expect(roundCards(bot, people.bram)).toHaveLength(0);
    bot.clock.set('2026-11-30T08:00:00Z'); // 09:00 in Rotterdam
    await bot.runDue();
    for (const d of directors) {
      const cards = roundCards(bot, people[d]);
      expect(cards).toHaveLength(1);
      expect(cardText(cards[0])).toContain('DIG-vragen: Kwartaal 2 2027 (herzien)');
    }
    const status = cardOf(await ravi.invoke('sturingsgesprek.status', { roundId }));
    expect(cardText(status)).toContain('0 van 7 ingediend');
    expect(cardText(status).match(/Nog niet geopend/g)).toHaveLength(7);
  });

  it('shows who answered, who has a draft and who has not opened it; nudges only the late, once per click', async () => {
    const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const bram = bot.user(people.bram);
    const fatima = bot.user(people.fatima);
    await click(
      bram,
      lastCard(bot, bram),
      'Indienen',
      k1Inputs({ prioriteit: ['db-01'], why: 'Omdat.', weerstand: 'no' }),
    );
    await click(fatima, lastCard(bot, fatima), 'Opslaan als concept', k1Inputs({ why: 'Half af.' }));
    await bot.user(people.jeroen).invoke('sturingsgesprek.view', { roundId, unitId: 'stadsontwikkeling' });

    const mila = bot.user(people.mila);
    const status = cardOf(await mila.invoke('sturingsgesprek.status', { roundId }));
    const text = cardText(status);
    expect(text).toContain('1 van 7 ingediend');
    expect(text).toContain('Ingediend door Bram Mulder');
    expect(text).toContain('Concept (nog niet ingediend)');
    expect(text).toContain('Geopend, nog niet ingevuld');
    expect(text.match(/Nog niet geopend/g)).toHaveLength(4);
    // One "Herinneren" per late cluster, none for Dienstverlening.
    const nudges = cardActions(status).filter(
      (a) => a.verb === 'sturingsgesprek.nudge' && a.title.startsWith('Herinneren: '),
    );
    expect(nudges.map((a) => (a.data as { target: string }).target).sort()).toEqual(
      [
        'bestuursdienst',
        'concernstaf',
        'maatschappelijke-ontwikkeling',
        'stadsbeheer',
        'stadsontwikkeling',
        'werk-en-inkomen',
      ].sort(),
    );

    const nudgeFatima = nudges.find(
      (a) => (a.data as { target: string }).target === 'maatschappelijke-ontwikkeling',
    );
    const after = cardOf(await mila.invoke('sturingsgesprek.nudge', nudgeFatima?.data));
    expect(cardText(after)).toContain('Herinnering verstuurd naar 1 cluster.');
    await mila.invoke('sturingsgesprek.nudge', nudgeFatima?.data); // Teams retrying the same click
    await bot.runDue();
    const nudgeCards = (name: string) =>
      cardsReceived(bot, bot.user(name)).filter((c) =>
        cardText(c).includes('Het DIG Office vraagt naar je antwoord'),
      );
    expect(nudgeCards(people.fatima)).toHaveLength(1);
    expect(nudgeCards(people.jeroen)).toHaveLength(0);

    await click(mila, after, 'Herinner iedereen die nog niet indiende');
    await bot.runDue();
    expect(nudgeCards(people.bram)).toHaveLength(0);
    expect(nudgeCards(people.fatima)).toHaveLength(2);
    for (const d of ['jeroen', 'eva', 'kofi', 'ingrid', 'tim'] as const)
      expect(nudgeCards(people[d])).toHaveLength(1);
  });

  it('reminds on the ladder (7, 2, 0 days at 09:00) only those who have not submitted, deputies included', async () => {
    await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const bram = bot.user(people.bram);
    const fatima = bot.user(people.fatima);
    await click(
      bram,
      lastCard(bot, bram),
      'Indienen',
      k1Inputs({ prioriteit: ['db-01'], why: 'Omdat.', weerstand: 'no' }),
    );
    await click(fatima, lastCard(bot, fatima), 'Aanwijzen', { deputyId: bot.user(people.lotte).aadObjectId });

    bot.clock.set('2026-12-04T07:59:00Z');
    await bot.runDue();
    expect(reminders(bot, people.fatima)).toHaveLength(0);
    bot.clock.set('2026-12-04T08:00:00Z'); // 7 days before, 09:00 Rotterdam
    await bot.runDue();
    expect(reminders(bot, people.bram)).toHaveLength(0);
    expect(reminders(bot, people.lotte)).toHaveLength(1);
    for (const d of ['fatima', 'jeroen', 'eva', 'kofi', 'ingrid', 'tim'] as const)
      expect(reminders(bot, people[d])).toHaveLength(1);

    const lotte = bot.user(people.lotte);
    const lotteCard = [...cardsReceived(bot, lotte)]
      .reverse()
      .find((c) => cardText(c).includes('DIG-vragen: '));
    await click(
      lotte,
      lotteCard,
      'Indienen',
      k1Inputs({ prioriteit: ['db-02'], why: 'Namens Fatima.', weerstand: 'no' }),
    );
    bot.clock.set('2026-12-09T08:00:00Z'); // 2 days before
    await bot.runDue();
    expect(reminders(bot, people.fatima)).toHaveLength(1);
    expect(reminders(bot, people.lotte)).toHaveLength(1);
    expect(reminders(bot, people.jeroen)).toHaveLength(2);
    bot.clock.set('2026-12-11T08:00:00Z'); // on the day
    await bot.runDue();
    expect(reminders(bot, people.jeroen)).toHaveLength(3);
    expect(reminders(bot, people.bram)).toHaveLength(0);
  });

  it('closes at the deadline: cards say closed, answers are refused, the office gets who did not answer', async () => {
    const roundId = await makeRound(bot, {
      opensOn: '2026-11-23',
      deadlineOn: '2026-12-11',
      label: 'Sturingsgesprek december 2026',
    });
    const bram = bot.user(people.bram);
    for (const d of ['bram', 'fatima', 'jeroen', 'eva', 'kofi'] as const) {
      const u = bot.user(people[d]);
      await click(
        u,
        lastCard(bot, u),
        'Indienen',
        k1Inputs({ prioriteit: ['db-01'], why: `Antwoord van ${people[d]}.`, weerstand: 'no' }),
      );
    }
    const bramCard = roundCards(bot, people.bram)[0];

    bot.clock.set('2026-12-11T16:00:00Z'); // 17:00 Rotterdam: the deadline
    const before = await repo.getSheet(roundId, 'dienstverlening');
    const late = cardOf(
      await click(
        bram,
        bramCard,
        'Indienen',
        k1Inputs({ prioriteit: ['db-04'], why: 'Te laat.', weerstand: 'no' }),
      ),
    );
    expect(cardText(late)).toContain('Deze ronde is gesloten; er is niets opgeslagen.');
    expect(cardText(late)).toContain('Te laat.'); // shown back, not silently dropped
    expect(cardActions(late).map((a) => a.title)).not.toContain('Indienen');
    expect(await repo.getSheet(roundId, 'dienstverlening')).toEqual(before);

    await bot.runDue();
    expect((await repo.getRound(roundId))?.status).toBe('closed');
    for (const name of [people.mila, people.ravi]) {
      const closed = lastCard(bot, bot.user(name));
      const text = cardText(closed);
      expect(text).toContain('Ronde Sturingsgesprek december 2026 is gesloten');
      expect(text).toContain('5 van de 7 clusters hebben het antwoord ingediend.');
      expect(text).toContain('Bestuursdienst — Ingrid Hoekstra');
      expect(text).toContain('Concernstaf — Tim van Dijk');
      expect(text).not.toContain('Dienstverlening —');
      expect(findAction(closed, 'Verslag bekijken').verb).toBe('sturingsgesprek.report');
      // No signed link in a card that may be read tomorrow: they live ten minutes.
      expect(cardActions(closed).filter((a) => a.url)).toEqual([]);
    }
    // Read the next morning, the report button still gives downloads that work.
    bot.clock.advance(hours(15));
    const mila = bot.user(people.mila);
    const report = cardOf(await click(mila, lastCard(bot, mila), 'Verslag bekijken'));
    const markdown = await fetch(
      String(findAction(report, 'Verslag (Markdown)').url).replace(/^http:\/\/[^/]+/, bot.url),
    );
    expect(markdown.status).toBe(200);
    expect(await markdown.text()).toContain('Sturingsgesprek december 2026');
    // The round card already in Bram's chat is replaced by the closed version.
    const updates = bot.updatesIn(bram.conversationId);
    const replaced = updates[updates.length - 1]?.attachments?.[0]?.content;
    expect(cardText(replaced)).toContain('Gesloten');
    expect(cardActions(replaced).map((a) => a.title)).not.toContain('Indienen');
    // Closing again (a retried job) sends nothing twice.
    const count = cardsReceived(bot, bot.user(people.mila)).length;
    await bot.deps.scheduler.schedule({
      id: 'again',
      kind: 'sturingsgesprek.close',
      runAt: bot.clock.now(),
      payload: { roundId },
    });
    await bot.runDue();
    expect(cardsReceived(bot, bot.user(people.mila))).toHaveLength(count);
  });

  it('refuses people without the role, changing nothing', async () => {
    const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const sanne = bot.user(people.sanne);
    const bram = bot.user(people.bram);
    const roundBefore = await repo.getRound(roundId);
    const sheetsBefore = await repo.sheets(roundId);
    const forbidden = 'Dit kunnen alleen de gemeentesecretaris en het DIG Office';
    for (const [user, verb, data] of [
      [sanne, 'sturingsgesprek.newRound', {}],
      [
        sanne,
        'sturingsgesprek.saveRound',
        {
          token: 'abcdef123456',
          setId: 'kwartaal-1',
          periodLabel: 'x',
          opensOn: '2026-11-24',
          deadlineOn: '2026-12-20',
        },
      ],
      [bram, 'sturingsgesprek.confirmRound', { roundId }],
      [bram, 'sturingsgesprek.status', { roundId }],
      [bram, 'sturingsgesprek.nudge', { roundId, target: 'all', token: 'abcdef123' }],
      [sanne, 'sturingsgesprek.report', { roundId }],
      [sanne, 'sturingsgesprek.copySet', { sourceId: 'kwartaal-1', token: 'abcdef123' }],
      [
        bram,
        'sturingsgesprek.saveSchedule',
        {
          mode: 'cadence4',
          startDate: '2027-01-04',
          setSequence: 'kwartaal-1',
          answerDays: '21',
          leadDays: '7',
        },
      ],
    ] as const) {
      const res = await user.invoke(verb, data);
      expect(cardText(cardOf(res))).toContain(forbidden);
    }
    expect(await repo.getRound(roundId)).toEqual(roundBefore);
    expect(await repo.sheets(roundId)).toEqual(sheetsBefore);
    expect(await repo.recentRounds()).toHaveLength(1);
    expect(await repo.listSets()).toHaveLength(0);
    expect(await repo.getSchedule()).toBeUndefined();
    // A plain colleague asking for it is told who it is for.
    expect(cardText((await sanne.say('sturingsgesprek'))[0].attachments?.[0].content)).toContain(
      'Het sturingsgesprek is voor de gemeentesecretaris',
    );
    // A bad payload changes nothing either.
    const bad = await bot
      .user(people.ravi)
      .invoke('sturingsgesprek.submit', { roundId, unitId: 'dienstverlening', revision: 'x' });
    expect(cardText(cardOf(bad))).toContain('Dat begreep ik niet goed');
    expect(await repo.sheets(roundId)).toEqual(sheetsBefore);
  });

  it('shows each role its own help entry', async () => {
    const help = async (name: string) =>
      cardText((await bot.user(name).say('help'))[0].attachments?.[0].content);
    expect(await help(people.mila)).toContain('Sturingsgesprek DIG (sturingsgesprek)');
    expect(await help(people.ravi)).toContain('Sturingsgesprek DIG (sturingsgesprek)');
    expect(await help(people.bram)).toContain('Mijn sturingsgesprek (sturingsgesprek)');
    expect(await help(people.bram)).not.toContain('Sturingsgesprek DIG (sturingsgesprek)');
    expect(await help(people.sanne)).not.toMatch(/sturingsgesprek/i);
  });
});

describe('sturingsgesprek: rounds per department', () => {
  let bot: TestBot;
  afterEach(async () => bot.stop());

  it('also asks department heads when the round includes departments', async () => {
    bot = await startTestBot({
      orgPatch: (org) => {
        org.clusters[0].departments = [
          {
            id: 'kcc',
            name: { nl: 'Klantcontactcentrum', en: 'Customer Contact Centre' },
            head: '7a11e1b0-0000-4000-8000-000000000009',
          },
          { id: 'zonder-hoofd', name: { nl: 'Afdeling zonder hoofd' } },
        ];
      },
    });
    await installAll(bot);
    const sem = bot.user('Sem Willems');
    await sem.install();
    const ravi = bot.user(people.ravi);
    const form = cardOf(await ravi.invoke('sturingsgesprek.newRound'));
    const check = cardOf(
      await click(ravi, form, 'Opslaan en controleren', {
        periodLabel: 'Kwartaalenquête',
        opensOn: '2026-11-23',
        deadlineOn: '2026-12-04',
        includeDepartments: 'true',
      }),
    );
    expect(cardText(check)).toContain('Klantcontactcentrum — Sem Willems');
    expect(cardText(check)).not.toContain('Afdeling zonder hoofd');
    await click(ravi, check, 'Versturen');
    await bot.runDue();
    const card = lastCard(bot, sem);
    expect(cardText(card)).toContain('Afdeling: Klantcontactcentrum');
    const sheetRepo = new SturingsgesprekRepository(bot.deps.store);
    const round = (await sheetRepo.recentRounds())[0];
    expect(round.units.map((u) => u.unitId)).toContain('dienstverlening.kcc');
    expect(await sheetRepo.sheets(round.roundId)).toHaveLength(8);
    // The cluster director does not see the department's sheet.
    const peek = await bot
      .user(people.bram)
      .invoke('sturingsgesprek.view', { roundId: round.roundId, unitId: 'dienstverlening.kcc' });
    expect(cardText(cardOf(peek))).toContain('Je ziet alleen de antwoorden van je eigen cluster');
  });
});
