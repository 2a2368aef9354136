import { satisfactionPollJobKind } from '../../../src/platform/contracts/satisfaction-poll.job';
import {
  networkBroadcastJobKind,
  networkBroadcastJobSchema,
  type NetworkBroadcastJob,
} from '../../../src/platform/contracts/network-broadcast.job';
import { containers } from '../../../src/storage/document-store.port';
import { cardActions, cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  createAtelier,
  formValues,
  installEverywhere,
  organiserName,
  posts,
  storedAtelier,
} from './kennisatelier.helpers';

describe('kennisatelier: creating and publishing', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => bot.stop());

  it('an organiser opens the form with "nieuw atelier": labelled inputs, the channels and every network', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const [form] = cardsOf(await bot.user(organiserName).say('nieuw atelier'));
    const inputs = cardInputs(form);
    expect(inputs.map((i) => i.id)).toEqual([
      'title',
      'description',
      'date',
      'start',
      'end',
      'room',
      'meetingUrl',
      'capacity',
      'deadlineDate',
      'deadlineTime',
      'channels',
      'networks',
    ]);
    for (const input of inputs) expect(typeof input.label).toBe('string');
    for (const id of ['title', 'description', 'date', 'start', 'end']) {
      const input = inputs.find((i) => i.id === id)!;
      expect(input.isRequired).toBe(true);
      expect(typeof input.errorMessage).toBe('string');
    }
    const channelChoice = inputs.find((i) => i.id === 'channels') as {
      choices: Array<{ value: string; title: string }>;
    };
    expect(channelChoice.choices).toEqual([{ title: 'Panel › Algemeen', value: channel.id }]);
    const networks = inputs.find((i) => i.id === 'networks') as { choices: Array<{ value: string }> };
    expect(networks.choices.map((c) => c.value)).toEqual([
      'r-pride',
      'neurodiversiteit',
      'jong-r',
      'inclusiviteitspanel',
    ]);
    expect(cardText(form)).toContain('Europe/Amsterdam');
  });

  it('publishes to a channel: the shared card shows what, when, where and "0 van 3 plekken bezet"', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const sanne = bot.user(organiserName);
    const { atelierId, card } = await createAtelier(sanne, { channels: channel.id });
    expect(cardText(card)).toContain('Het kennisatelier is aangemaakt');

    await bot.runDue();
    const [shared] = cardsOf(posts(channel));
    const text = cardText(shared);
    expect(text).toContain('Inclusief werven in de praktijk');
    expect(text).toContain('dinsdag 1 december 2026, 14:00–16:00');
    expect(text).toContain('Stadhuis, zaal 3.14 · Online via Teams');
    expect(text).toContain('0 van 3 plekken bezet');
    expect(cardActions(shared).map((a) => a.title)).toEqual(['Aanmelden', 'Afmelden']);
    expect(findAction(shared, 'Aanmelden').data).toEqual({ atelierId });
    // Nobody's name or status on the shared card, and no meeting link for people who did not sign up.
    expect(JSON.stringify(shared)).not.toContain('teams.microsoft.com');

    // Logs carry ids only: no organiser text, no names.
    expect(bot.logs().join('\n')).not.toMatch(/Inclusief werven|Stadhuis|Sanne de Vries/);
    expect(bot.logs().join('\n')).toContain(atelierId);

    const stored = await storedAtelier(bot, atelierId);
    expect(stored).toMatchObject({
      startsAt: '2026-12-01T13:00:00.000Z',
      endsAt: '2026-12-01T15:00:00.000Z',
      deadline: '2026-12-01T13:00:00.000Z',
      capacity: 3,
      channelIds: [channel.id],
      networkIds: [],
      createdBy: bot.user(organiserName).aadObjectId,
    });
  });

  it('networks hear first: members get it now through the networks job, the channel 48 hours later', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const jobs: NetworkBroadcastJob[] = [];
    bot.deps.scheduler.on(
      networkBroadcastJobKind,
      networkBroadcastJobSchema,
      async (job) => void jobs.push(job),
    );
    const { atelierId } = await createAtelier(bot.user(organiserName), {
      channels: channel.id,
      networks: 'r-pride,jong-r',
    });
    await bot.runDue();

    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      broadcastId: `kennisatelier.${atelierId}.networks`,
      networkIds: ['r-pride', 'jong-r'],
      purpose: 'kennisatelier.announcement',
    });
    expect(cardText(jobs[0]!.cardByLocale.nl!.attachments![0]!.content)).toContain('0 van 3 plekken bezet');
    expect(cardText(jobs[0]!.cardByLocale.en!.attachments![0]!.content)).toContain('0 of 3 seats taken');
    expect(posts(channel)).toHaveLength(0);

    await bot.advance(47 * 3_600_000);
    expect(posts(channel)).toHaveLength(0);
    // Not listed for everyone yet either: the head start holds in "ateliers" too.
    expect(cardText(cardsOf(await bot.user('Tim van Dijk').say('ateliers'))[0])).toContain(
      'geen kennisateliers gepland',
    );
    await bot.advance(3_600_000);
    expect(cardText(cardsOf(posts(channel))[0])).toContain('Inclusief werven in de praktijk');
  });

  it('a retried create (Teams resends the invoke) makes one atelier and one channel post', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const sanne = bot.user(organiserName);
    const form = await sanne.invoke('kennisatelier.newForm');
    const draftId = findAction(form.card, 'Publiceren').data?.draftId;
    const data = { draftId, ...formValues({ channels: channel.id }) };
    const [a, b] = await Promise.all([
      sanne.invoke('kennisatelier.create', data),
      sanne.invoke('kennisatelier.create', data),
    ]);
    expect(cardText(a.card)).toContain('Inclusief werven');
    expect(cardText(b.card)).toContain('Inclusief werven');
    await bot.runDue();
    expect(await bot.deps.store.count(containers.kennisateliers)).toBe(1);
    expect(posts(channel)).toHaveLength(1);
  });

  it('mistakes come back on the form with what was typed, and nothing is created', async () => {
    await installEverywhere(bot, [organiserName]);
    const sanne = bot.user(organiserName);
    const cases: Array<[Record<string, string>, string]> = [
      [{ end: '13:00', networks: 'r-pride' }, 'De eindtijd moet na de begintijd liggen.'],
      [{ room: '', meetingUrl: '', networks: 'r-pride' }, 'Vul een zaal in, een Teams-link, of allebei.'],
      [{ meetingUrl: 'javascript:alert(1)', networks: 'r-pride' }, 'https-link'],
      [{ date: '2026-11-20', networks: 'r-pride' }, 'in de toekomst beginnen'],
      [{ deadlineDate: '2026-12-02', deadlineTime: '09:00', networks: 'r-pride' }, 'vóór de start'],
      [{}, 'Kies minstens één kanaal of netwerk'],
      [{ channels: '19:unknown@thread.tacv2' }, 'bestaat niet (meer)'],
      [{ title: 'x'.repeat(500), networks: 'r-pride' }, 'Dat begreep ik niet goed'],
    ];
    for (const [overrides, message] of cases) {
      const form = await sanne.invoke('kennisatelier.newForm');
      const draftId = findAction(form.card, 'Publiceren').data?.draftId;
      const res = await sanne.invoke('kennisatelier.create', { draftId, ...formValues(overrides) });
      expect(cardText(res.card)).toContain(message);
      const title = cardInputs(res.card).find((i) => i.id === 'title');
      expect(title?.value).toBe(overrides.title ?? 'Inclusief werven in de praktijk');
      expect(findAction(res.card, 'Publiceren').data?.draftId).toBe(draftId);
    }
    expect(await bot.deps.store.count(containers.kennisateliers)).toBe(0);
  });

  it('a medewerker cannot open the form or create, even with a hand-made invoke; nothing is stored', async () => {
    const { channel } = await installEverywhere(bot, ['Tim van Dijk']);
    const tim = bot.user('Tim van Dijk');
    expect(cardText(cardsOf(await tim.say('nieuw atelier'))[0])).toContain(
      'Alleen het programmateam en netwerkcoördinatoren',
    );
    const res = await tim.invoke('kennisatelier.create', {
      draftId: 'abc',
      ...formValues({ channels: channel.id }),
    });
    expect(cardText(res.card)).toContain('Alleen het programmateam en netwerkcoördinatoren');
    expect(cardText(cardsOf(await tim.say('help'))[0])).not.toContain('Nieuw kennisatelier');
    expect(await bot.deps.store.count(containers.kennisateliers)).toBe(0);
    expect(await bot.deps.store.count(containers.signups)).toBe(0);
  });

  it('"nieuw atelier" in a channel is refused with the way to the 1:1 chat; no form, nothing stored', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const replies = await channel.as(bot.user(organiserName)).say('nieuw atelier');
    expect(replies.map((r) => r.text)).toEqual([
      "Een nieuw kennisatelier maak je in je eigen chat met de bot: typ daar 'nieuw atelier'.",
    ]);
    expect(cardsOf(replies)).toEqual([]);
    expect(await bot.deps.store.count(containers.kennisateliers)).toBe(0);
  });

  it('a netwerkcoördinator creates only for their own network', async () => {
    const { channel } = await installEverywhere(bot, ['Lotte Visser']);
    const lotte = bot.user('Lotte Visser'); // coordinator of R-Pride
    const [form] = cardsOf(await lotte.say('nieuw atelier'));
    const networks = cardInputs(form).find((i) => i.id === 'networks') as {
      choices: Array<{ value: string }>;
    };
    expect(networks.choices.map((c) => c.value)).toEqual(['r-pride']);
    expect(cardText(cardsOf(await lotte.say('help'))[0])).toContain('Nieuw kennisatelier');

    for (const networksChosen of ['jong-r', 'r-pride,jong-r', '']) {
      const draft = findAction((await lotte.invoke('kennisatelier.newForm')).card, 'Publiceren').data
        ?.draftId;
      const res = await lotte.invoke('kennisatelier.create', {
        draftId: draft,
        ...formValues({ channels: channel.id, networks: networksChosen }),
      });
      expect(cardText(res.card)).toContain('alleen de leden van je eigen netwerk');
    }
    expect(await bot.deps.store.count(containers.kennisateliers)).toBe(0);
    const { atelierId } = await createAtelier(lotte, { networks: 'r-pride' });
    expect((await storedAtelier(bot, atelierId))?.networkIds).toEqual(['r-pride']);
  });

  it('English organisers get the form and answers in English', async () => {
    await installEverywhere(bot, [organiserName]);
    const sanne = bot.user(organiserName).locale('en');
    const [form] = cardsOf(await sanne.say('new workshop'));
    expect(cardText(form)).toContain('New knowledge workshop');
    const draftId = findAction(form, 'Publish').data?.draftId;
    const res = await sanne.invoke('kennisatelier.create', {
      draftId,
      ...formValues({ networks: 'r-pride' }),
    });
    expect(cardText(res.card)).toContain('Tuesday 1 December 2026, 14:00–16:00');
    expect(cardText(res.card)).toContain('0 of 3 seats taken');
    void satisfactionPollJobKind;
  });
});
