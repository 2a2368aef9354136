import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardActions,
  cardOf,
  cardText,
  click,
  findAction,
  inputById,
  installAll,
  k1Inputs,
  lastCard,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

/** The director's side in conversation: draft → submit → edit, a deputy, and two submits at once. */
describe('sturingsgesprek: answering a round', () => {
  let bot: TestBot;
  let repo: SturingsgesprekRepository;
  let roundId: string;

  beforeEach(async () => {
    bot = await startTestBot();
    repo = new SturingsgesprekRepository(bot.deps.store);
    await installAll(bot);
    roundId = await makeRound(bot, {
      opensOn: '2026-11-23',
      deadlineOn: '2026-12-11',
      label: 'Sturingsgesprek december 2026',
    });
  });
  afterEach(async () => bot.stop());

  it('lets a director save a draft, submit, and change the submitted answer until the deadline', async () => {
    const bram = bot.user(people.bram);
    const card = lastCard(bot, bram);
    expect(cardText(card)).toContain(
      'Welke van de 11 doorbraken binnen de cluster zijn geprioriteerd en waarom?',
    );
    expect(cardText(card)).toContain('vrijdag 11 december 2026, 17:00');

    const long =
      `Eerste regel.\nTweede regel met *sterretjes* en [link](https://x.example).\n\n${'Lang antwoord. '.repeat(250)}`.trim();
    const draft = cardOf(
      await click(bram, card, 'Opslaan als concept', k1Inputs({ prioriteit: ['db-01', 'db-02'], why: long })),
    );
    expect(cardText(draft)).toContain('Concept opgeslagen');
    expect((await repo.getSheet(roundId, 'dienstverlening'))?.state).toBe('draft');
    // The long answer (3,700+ characters) comes back whole, line breaks and all, in the input.
    expect(inputById(draft, 'a_k1-prioriteit_why')?.value).toBe(long);

    // Submitting needs every question: question 2 is missing, nothing changes.
    const incomplete = cardOf(await click(bram, draft, 'Indienen'));
    expect(cardText(incomplete)).toContain('Nodig om in te dienen.');
    expect((await repo.getSheet(roundId, 'dienstverlening'))?.state).toBe('draft');

    const submitted = cardOf(await click(bram, incomplete, 'Indienen', { 'a_k1-weerstand': 'no' }));
    expect(cardText(submitted)).toContain('Ingediend. Tot ');
    expect(cardActions(submitted).map((a) => a.title)).toEqual(
      expect.arrayContaining(['Wijziging indienen']),
    );
    expect(cardActions(submitted).map((a) => a.title)).not.toContain('Opslaan als concept');
    let sheet = await repo.getSheet(roundId, 'dienstverlening');
    expect(sheet?.state).toBe('submitted');
    expect(sheet?.answers['k1-weerstand']).toEqual({ kind: 'yesNo', yes: false });

    const changed = cardOf(
      await click(bram, submitted, 'Wijziging indienen', {
        'a_k1-weerstand': 'yes',
        'a_k1-weerstand-welke': 'db-02',
        'a_k1-weerstand-welke_why': 'Selectiecommissies vinden het extra werk.',
        'a_k1-weerstand-helpen': 'Training en een vast format.',
      }),
    );
    expect(cardText(changed)).toContain('Je wijziging is ingediend.');
    sheet = await repo.getSheet(roundId, 'dienstverlening');
    expect(sheet?.answers['k1-weerstand-welke']).toEqual({
      kind: 'doorbraken',
      ids: ['db-02'],
      why: 'Selectiecommissies vinden het extra werk.',
    });
    expect(sheet?.submittedBy).toBe(bram.aadObjectId);

    // Teams retries an invoke it got no answer to: the same click again is not a conflict and changes nothing.
    const retried = cardOf(
      await click(bram, submitted, 'Wijziging indienen', {
        'a_k1-weerstand': 'yes',
        'a_k1-weerstand-welke': 'db-02',
        'a_k1-weerstand-welke_why': 'Selectiecommissies vinden het extra werk.',
        'a_k1-weerstand-helpen': 'Training en een vast format.',
      }),
    );
    expect(cardText(retried)).not.toContain('intussen gewijzigd');
    expect((await repo.getSheet(roundId, 'dienstverlening'))?.revision).toBe(sheet?.revision);
  });

  it('refuses a "no" with follow-up answers, and a doorbraak that is not on the list, changing nothing', async () => {
    const bram = bot.user(people.bram);
    const card = lastCard(bot, bram);
    const mixed = cardOf(
      await click(
        bram,
        card,
        'Indienen',
        k1Inputs({ prioriteit: ['db-01'], why: 'x', weerstand: 'no', helpen: 'iets' }),
      ),
    );
    expect(cardText(mixed)).toContain("Je koos 'nee', maar vulde de vervolgvragen wel in");
    // What was typed is still there, so nothing is lost.
    expect(inputById(mixed, 'a_k1-weerstand-helpen')?.value).toBe('iets');
    const forged = cardOf(
      await click(bram, card, 'Opslaan als concept', k1Inputs({ prioriteit: ['db-99'], why: 'x' })),
    );
    expect(cardText(forged)).toContain('Kies doorbraken uit de lijst.');
    const sheet = await repo.getSheet(roundId, 'dienstverlening');
    expect(sheet).toMatchObject({ state: 'notOpened', revision: 0, answers: {} });
  });

  it("lets a director name a deputy who answers on the cluster's behalf, checked on every verb", async () => {
    const bram = bot.user(people.bram);
    const lotte = bot.user(people.lotte);
    const card = lastCard(bot, bram);
    // The deputy picker is a static, searchable list of the organisation's people.
    expect(findAction(card, 'Aanwijzen').verb).toBe('sturingsgesprek.setDeputy');
    const named = cardOf(await click(bram, card, 'Aanwijzen', { deputyId: lotte.aadObjectId }));
    expect(cardText(named)).toContain('Lotte Visser kan nu namens je cluster antwoorden');
    await bot.runDue();

    const lotteCard = lastCard(bot, lotte);
    expect(cardText(lotteCard)).toContain(
      'Je antwoordt namens Dienstverlening, als plaatsvervanger van Bram Mulder.',
    );
    // The deputy cannot pass the round on.
    expect(cardActions(lotteCard).map((a) => a.title)).not.toContain('Aanwijzen');
    const forged = await lotte.invoke('sturingsgesprek.setDeputy', {
      roundId,
      unitId: 'dienstverlening',
      deputyId: bot.user(people.sanne).aadObjectId,
    });
    expect(cardText(cardOf(forged))).toContain('Alleen de directeur zelf kan een plaatsvervanger aanwijzen');

    const done = cardOf(
      await click(
        lotte,
        lotteCard,
        'Indienen',
        k1Inputs({ prioriteit: ['db-03'], why: 'Netwerken zijn ons geweten.', weerstand: 'no' }),
      ),
    );
    expect(cardText(done)).toContain('Ingediend');
    expect((await repo.getSheet(roundId, 'dienstverlening'))?.submittedBy).toBe(lotte.aadObjectId);

    // The director removes the deputy: from then on the server refuses her, whatever her card shows.
    cardOf(await click(bram, named, 'Plaatsvervanger verwijderen'));
    const before = await repo.getSheet(roundId, 'dienstverlening');
    const refused = cardOf(
      await click(lotte, done, 'Wijziging indienen', { 'a_k1-prioriteit_why': 'Gewijzigd.' }),
    );
    expect(cardText(refused)).toContain('Je ziet alleen de antwoorden van je eigen cluster');
    expect(await repo.getSheet(roundId, 'dienstverlening')).toEqual(before);
  });

  it('loses no answer when director and deputy submit at the same moment', async () => {
    const bram = bot.user(people.bram);
    const lotte = bot.user(people.lotte);
    await click(bram, lastCard(bot, bram), 'Aanwijzen', { deputyId: lotte.aadObjectId });
    await bot.runDue();
    const bramCard = lastCard(bot, bram);
    const lotteCard = lastCard(bot, lotte);
    const bramText = 'Versie van Bram.\nMet een tweede regel.';
    const lotteText = 'Versie van Lotte.';
    const [a, b] = await Promise.all([
      click(bram, bramCard, 'Indienen', k1Inputs({ prioriteit: ['db-01'], why: bramText, weerstand: 'no' })),
      click(
        lotte,
        lotteCard,
        'Indienen',
        k1Inputs({ prioriteit: ['db-02'], why: lotteText, weerstand: 'no' }),
      ),
    ]);
    const cards: Card[] = [cardOf(a), cardOf(b)];
    const sheet = await repo.getSheet(roundId, 'dienstverlening');
    expect(sheet?.revision).toBe(1);
    const winner = sheet?.submittedBy === bram.aadObjectId ? 0 : 1;
    const loser = 1 - winner;
    const [winnerText, loserText] = winner === 0 ? [bramText, lotteText] : [lotteText, bramText];
    expect(sheet?.answers['k1-prioriteit']).toMatchObject({ why: winnerText });
    // The later one is told, sees the current text in the inputs, and keeps their own version to copy.
    const told = cardText(cards[loser]);
    expect(told).toContain(
      `Je antwoord is intussen gewijzigd door ${winner === 0 ? 'Bram Mulder' : 'Lotte Visser'}; dit is de huidige tekst.`,
    );
    expect(inputById(cards[loser], 'a_k1-prioriteit_why')?.value).toBe(winnerText);
    expect(told).toContain(loserText.split('\n')[0]);
    expect(cardText(cards[winner])).not.toContain('intussen gewijzigd');
    // Logs carry ids and codes, never answers or names.
    const logs = bot.logs().join('\n');
    expect(logs).toContain('sturingsgesprek answer');
    expect(logs).not.toContain('Versie van');
    expect(logs).not.toContain('Bram Mulder');
  });

  it('shows a director only their own cluster', async () => {
    const bram = bot.user(people.bram);
    const before = await repo.getSheet(roundId, 'stadsbeheer');
    const peek = await bram.invoke('sturingsgesprek.view', { roundId, unitId: 'stadsbeheer' });
    expect(cardText(cardOf(peek))).toContain('Je ziet alleen de antwoorden van je eigen cluster');
    const write = await bram.invoke('sturingsgesprek.submit', {
      roundId,
      unitId: 'stadsbeheer',
      revision: 0,
      ...k1Inputs({ prioriteit: ['db-01'], why: 'x', weerstand: 'no' }),
    });
    expect(cardText(cardOf(write))).toContain('Je ziet alleen de antwoorden van je eigen cluster');
    expect(await repo.getSheet(roundId, 'stadsbeheer')).toEqual(before);
    // A director cannot read the compiled report either.
    expect(cardText(cardOf(await bram.invoke('sturingsgesprek.report', { roundId })))).toContain(
      'alleen de gemeentesecretaris en het DIG Office',
    );
  });

  it('gives the director their card with the command, and counts it as opened', async () => {
    const fatima = bot.user(people.fatima);
    expect((await repo.getSheet(roundId, 'maatschappelijke-ontwikkeling'))?.state).toBe('notOpened');
    const replies = await fatima.say('sturingsgesprek');
    expect(cardText(replies[0].attachments?.[0].content)).toContain('Cluster: Maatschappelijke Ontwikkeling');
    expect((await repo.getSheet(roundId, 'maatschappelijke-ontwikkeling'))?.state).toBe('opened');
    // In English, for a director whose Teams is in English.
    const en = await fatima.locale('en').say('steering');
    expect(cardText(en[0].attachments?.[0].content)).toContain(
      'Which of the 11 breakthroughs have been prioritised within the cluster, and why?',
    );
  });
});
