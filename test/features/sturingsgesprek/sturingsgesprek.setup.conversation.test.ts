import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardOf,
  cardsReceived,
  cardText,
  click,
  findAction,
  inputById,
  installAll,
  lastCard,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

const roundCards = (bot: TestBot, name: string) =>
  cardsReceived(bot, bot.user(name)).filter((c) => cardText(c).includes('DIG-vragen: '));

/** Question sets edited in Teams, and the schedule that prepares rounds for the DIG office to confirm. */
describe('sturingsgesprek: question sets and schedule', () => {
  let bot: TestBot;
  let repo: SturingsgesprekRepository;

  beforeEach(async () => {
    bot = await startTestBot();
    repo = new SturingsgesprekRepository(bot.deps.store);
    await installAll(bot);
  });
  afterEach(async () => bot.stop());

  it('copies a template, edits texts, adds and removes questions, and uses the set in a round', async () => {
    const ravi = bot.user(people.ravi);
    const list = (await ravi.say('sturingsgesprek vragen'))[0].attachments?.[0].content as Card;
    expect(cardText(list)).toContain('Kwartaal 1');
    expect(cardText(list)).toContain('Sjabloon · 4 vragen');
    const copy = cardOf(await click(ravi, list, 'Kopie maken van Kwartaal 1'));
    expect(cardText(copy)).toContain('Kopie gemaakt');
    expect(inputById(copy, 'q_k1-prioriteit_nl')?.value).toBe(
      'Welke van de 11 doorbraken binnen de cluster zijn geprioriteerd en waarom?',
    );
    const setId = (findAction(copy, 'Opslaan').data as { setId: string }).setId;
    await click(ravi, list, 'Kopie maken van Kwartaal 1'); // Teams retrying the same click: no second set
    expect(await repo.listSets()).toHaveLength(1);

    const saved = cardOf(
      await click(ravi, copy, 'Opslaan', {
        name_nl: 'Kwartaal 1 (cluster-editie)',
        'q_k1-weerstand-helpen_nl': 'Wat helpt tegen deze weerstand?',
      }),
    );
    expect(cardText(saved)).toContain('Opgeslagen.');
    const added = cardOf(
      await click(ravi, saved, 'Vraag toevoegen', {
        new_kind: 'number',
        new_parent: '_top',
        new_nl: 'Hoeveel leidinggevenden volgden de training?',
        new_extra_nl: 'leidinggevenden',
      }),
    );
    const followUp = cardOf(
      await click(ravi, added, 'Vraag toevoegen', {
        new_kind: 'text',
        new_parent: 'k1-weerstand',
        new_nl: 'Sinds wanneer speelt dit?',
      }),
    );
    const removeFirst = findAction(followUp, 'Verwijderen: vraag 1');
    const removed = cardOf(
      await click(ravi, followUp, 'Verwijderen: vraag 1', { ...(removeFirst.data ?? {}) }),
    );
    expect(cardText(removed)).toContain('Opgeslagen.');

    let set = await repo.getSet(setId);
    expect(set?.name.nl).toBe('Kwartaal 1 (cluster-editie)');
    expect(set?.questions.map((q) => q.kind)).toEqual(['yesNo', 'number']);
    const weerstand = set?.questions[0];
    expect(weerstand?.kind === 'yesNo' && weerstand.followUps.map((f) => f.text.nl)).toEqual([
      'Zo ja, welke doorbraak wordt beïnvloed en waarom?',
      'Wat helpt tegen deze weerstand?',
      'Sinds wanneer speelt dit?',
    ]);
    expect(set?.questions[1]).toMatchObject({
      kind: 'number',
      unit: { nl: 'leidinggevenden', en: 'leidinggevenden' },
    });

    // An editor card that is out of date changes nothing and shows the current version.
    const stale = cardOf(await click(ravi, copy, 'Opslaan', { name_nl: 'Oude versie' }));
    expect(cardText(stale)).toContain('Iemand anders heeft deze set intussen gewijzigd');
    set = await repo.getSet(setId);
    expect(set?.name.nl).toBe('Kwartaal 1 (cluster-editie)');

    // The edited set in a round: the director gets the number question with its unit.
    const roundId = await makeRound(bot, { setId, opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const bram = bot.user(people.bram);
    const card = lastCard(bot, bram);
    expect(cardText(card)).toContain('Aantal in leidinggevenden (vraag');
    const numberId = `a_${set?.questions[1].id}`;
    const wrong = cardOf(await click(bram, card, 'Opslaan als concept', { [numberId]: '-3' }));
    expect(cardText(wrong)).toContain('Vul een getal in tussen 0 en 1000000.');
    expect((await repo.getSheet(roundId, 'dienstverlening'))?.revision).toBe(0);
    cardOf(await click(bram, card, 'Opslaan als concept', { [numberId]: '12' }));
    expect(
      (await repo.getSheet(roundId, 'dienstverlening'))?.answers[set?.questions[1].id as string],
    ).toEqual({ kind: 'number', value: 12 });
  });

  it('prepares rounds on a 4-monthly schedule with the next set each time, and sends only after confirmation', async () => {
    const ravi = bot.user(people.ravi);
    const form = (await ravi.say('sturingsgesprek schema'))[0].attachments?.[0].content as Card;
    const saved = cardOf(
      await click(ravi, form, 'Opslaan', {
        active: 'true',
        mode: 'cadence4',
        startDate: '2026-12-07',
        setSequence: 'kwartaal-1,kwartaal-2',
        answerDays: '14',
        leadDays: '7',
      }),
    );
    expect(cardText(saved)).toContain('De volgende ronde opent op 7 december 2026.');

    bot.clock.set('2026-11-30T07:59:00Z');
    await bot.runDue();
    expect(await repo.recentRounds()).toHaveLength(0);
    bot.clock.set('2026-11-30T08:00:00Z'); // a week ahead, 09:00 Rotterdam
    await bot.runDue();
    const draft = await repo.getRound('s-2026-12-07');
    expect(draft).toMatchObject({
      status: 'draft',
      setId: 'kwartaal-1',
      periodLabel: 'Sturingsgesprek december 2026',
    });
    expect(draft?.deadline).toBe('2026-12-21T16:00:00.000Z');
    const ask = lastCard(bot, ravi);
    expect(cardText(ask)).toContain('Het schema heeft deze ronde klaargezet');
    expect(
      cardsReceived(bot, bot.user(people.mila)).filter((c) => cardText(c).includes('klaargezet')),
    ).toHaveLength(0);
    expect(roundCards(bot, people.bram)).toHaveLength(0);

    await click(ravi, ask, 'Versturen');
    await bot.runDue();
    expect(roundCards(bot, people.bram)).toHaveLength(0);
    bot.clock.set('2026-12-07T08:00:00Z');
    await bot.runDue();
    expect(roundCards(bot, people.bram)).toHaveLength(1);
    expect((await repo.getRound('s-2026-12-07'))?.status).toBe('open');

    // Four months on: the next round, with the next set, again waiting for confirmation.
    bot.clock.set('2027-03-31T07:00:00Z');
    await bot.runDue();
    expect(await repo.getRound('s-2027-04-07')).toMatchObject({ status: 'draft', setId: 'kwartaal-2' });
    expect(roundCards(bot, people.bram)).toHaveLength(1);
  });
});
