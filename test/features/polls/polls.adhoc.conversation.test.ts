import { cardActions, cardInputs, cardText, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  networkBroadcastJobKind,
  type NetworkBroadcastJob,
} from '../../../src/platform/contracts/network-broadcast.job';
import { containers } from '../../../src/storage/document-store.port';
import { lastCard } from './polls.conversation.helpers';

describe('conversation: ad-hoc polls (peiling / peilingen)', () => {
  let bot: TestBot;
  const pollDocs = () => bot.deps.store.query<Record<string, unknown>>(containers.polls);
  const algemeen = () => bot.channel('Algemeen');

  beforeAll(async () => {
    bot = await startTestBot();
    await algemeen().install();
  });
  afterAll(() => bot.stop());

  it('help shows the poll entries to the programmateam and coordinators only', async () => {
    expect(cardText(lastCard(await bot.user('Sanne de Vries').say('help')))).toContain(
      'Peiling maken (peiling)',
    );
    expect(cardText(lastCard(await bot.user('Lotte Visser').say('help')))).toContain(
      'Peilingen en resultaten (peilingen)',
    );
    expect(cardText(lastCard(await bot.user('Medewerker Demo').say('help')))).not.toContain('Peiling maken');
  });

  it('a medewerker cannot open the form, create, or list others’ polls; nothing is stored', async () => {
    const medewerker = bot.user('Medewerker Demo');
    expect(cardText(lastCard(await medewerker.say('peiling')))).toContain(
      'Dat mag alleen met een andere rol',
    );
    const forged = await medewerker.invoke('polls.create', {
      formId: 'd'.repeat(32),
      question: 'Mag ik?',
      kind: 'rating',
      anonymous: 'yes',
      networks: 'r-pride',
      closesDate: '2026-11-30',
    });
    expect(cardText(forged.card)).toContain('Dat mag alleen met een andere rol');
    expect(cardText(lastCard(await medewerker.say('peilingen')))).toContain(
      'Er zijn nog geen peilingen die jij mag inzien.',
    );
    expect(await pollDocs()).toEqual([]);
  });

  it('the programmateam creates an anonymous single-choice poll for a channel and a network through the form', async () => {
    const sanne = bot.user('Sanne de Vries');
    const form = lastCard(await sanne.say('peiling'));
    expect(cardText(form)).toContain('Nieuwe peiling');
    const inputs = cardInputs(form);
    for (const input of inputs) expect(typeof input.label).toBe('string');
    const channelChoices = (inputs.find((i) => i.id === 'channel')?.choices ?? []) as Array<{
      title: string;
      value: string;
    }>;
    expect(channelChoices.map((c) => c.title)).toEqual(['Panel › Algemeen']);
    const networkChoices = (inputs.find((i) => i.id === 'networks')?.choices ?? []) as Array<{
      value: string;
    }>;
    expect(networkChoices.map((c) => c.value)).toEqual([
      'r-pride',
      'neurodiversiteit',
      'jong-r',
      'inclusiviteitspanel',
    ]);
    const send = findAction(form, 'Peiling versturen');
    const values = {
      question: 'Welke dag past het best voor de <at>iedereen</at> borrel?',
      kind: 'single',
      options: 'Dinsdag\nDonderdag',
      anonymous: 'yes',
      channel: channelChoices[0].value,
      networks: 'r-pride',
      closesDate: '2026-11-30',
      closesTime: '12:00',
    };
    const [created, retried] = await Promise.all([
      sanne.invoke(send.verb!, { ...send.data, ...values }),
      sanne.invoke(send.verb!, { ...send.data, ...values }),
    ]);
    expect(cardText(created.card)).toContain(
      'De peiling is verstuurd en sluit op maandag 30 november 2026, 12:00.',
    );
    expect(cardText(retried.card)).toContain('De peiling is verstuurd');
    expect((await pollDocs()).filter((d) => d.pk === 'poll')).toHaveLength(1);
    await bot.runDue();

    const posted = lastCard(algemeen().inbox());
    expect(cardText(posted)).toContain('Anoniem: wie ziet wat?');
    expect(cardText(posted)).not.toContain('<at>iedereen');
    const { formId } = send.data as { formId: string };
    const job = await bot.deps.store.get<{ kind: string; payload: NetworkBroadcastJob }>(
      containers.jobs,
      'job',
      `polls:networks:adhoc-${formId}`,
    );
    expect(job?.data.kind).toBe(networkBroadcastJobKind);
    expect(job?.data.payload.networkIds).toEqual(['r-pride']);

    // Anyone in the channel answers on the channel card and gets their own view back.
    const answer = findAction(posted, 'Antwoord versturen');
    for (const [i, name] of [
      'Noor El Amrani',
      'Daan Bakker',
      'Priya Ramdin',
      'Bram Mulder',
      'Eva Smit',
    ].entries()) {
      const res = await algemeen()
        .as(bot.user(name))
        .invoke(answer.verb!, { ...answer.data, answer: String(i % 2) });
      expect(cardText(res.card)).toContain('Bedankt! Je antwoord is opgeslagen.');
    }

    const list = lastCard(await sanne.say('peilingen'));
    expect(cardText(list)).toContain('5 antwoorden');
    // Anonymous and still open: only the count (finding 7).
    const open = await sanne.invoke('polls.results', findAction(list, 'Resultaten').data);
    expect(cardText(open.card)).toContain('Aantal antwoorden tot nu toe: 5.');
    expect(cardText(open.card)).not.toMatch(/Dinsdag|Donderdag/);
    expect(cardActions(open.card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
    // At its closing time the results show (the clock goes back after: the next tests create polls).
    const now = bot.clock.now();
    bot.clock.set('2026-11-30T11:00:00Z');
    const results = await sanne.invoke('polls.results', findAction(list, 'Resultaten').data);
    bot.clock.set(now);
    const text = cardText(results.card);
    expect(text).toContain('Aantal antwoorden: 5');
    expect(text).toContain('Dinsdag: 3 (60%)');
    expect(text).toContain('Donderdag: 2 (40%)');
    expect(text).not.toMatch(/Gemiddelde/);
    for (const name of ['Noor El Amrani', 'Daan Bakker', 'Priya Ramdin', 'Bram Mulder', 'Eva Smit'])
      expect(text).not.toContain(name);
    expect(cardActions(results.card).some((a) => a.type === 'Action.OpenUrl')).toBe(true);
  });

  it('a coordinator sees only their own network and cannot send elsewhere; the form comes back with the reason', async () => {
    const lotte = bot.user('Lotte Visser');
    const form = lastCard(await lotte.say('poll'));
    const inputs = cardInputs(form);
    expect(inputs.some((i) => i.id === 'channel')).toBe(false);
    expect(
      ((inputs.find((i) => i.id === 'networks')?.choices ?? []) as Array<{ value: string }>).map(
        (c) => c.value,
      ),
    ).toEqual(['r-pride']);
    const before = JSON.stringify(await pollDocs());
    const send = findAction(form, 'Peiling versturen');
    const res = await lotte.invoke(send.verb!, {
      ...send.data,
      question: 'Borrel?',
      kind: 'rating',
      anonymous: 'no',
      networks: 'neurodiversiteit',
      closesDate: '2026-11-30',
    });
    expect(cardText(res.card)).toContain(
      'Je kunt een peiling alleen sturen naar de netwerken die je coördineert',
    );
    expect(cardInputs(res.card).find((i) => i.id === 'question')?.value).toBe('Borrel?');
    expect(JSON.stringify(await pollDocs())).toBe(before);
    // Sanne's poll is not Lotte's: results are refused.
    const sannePoll = (await pollDocs()).find((d) => d.pk === 'poll')!;
    const refused = await lotte.invoke('polls.results', { pollId: sannePoll.id });
    expect(cardText(refused.card)).toContain('Alleen het programmateam en de organisatoren');
  });

  it('a malformed payload gets the invalid-input message in Dutch and changes nothing', async () => {
    const sanne = bot.user('Sanne de Vries');
    const invalidInput = 'Dat begreep ik niet goed: controleer wat je hebt ingevuld. Er is niets veranderd.';
    const before = JSON.stringify(await pollDocs());
    const create = await sanne.invoke('polls.create', {
      formId: '../x',
      question: { $ne: '' },
      kind: 'poll',
      closesDate: 'morgen',
    });
    expect(cardText(create.card)).toContain(invalidInput);
    expect(cardInputs(create.card)).toEqual([]);
    const results = await sanne.invoke('polls.results', { pollId: ['adhoc-1'] });
    expect(cardText(results.card)).toContain(invalidInput);
    // An answer that does not parse, on a poll that is still open: the form comes back to try again.
    const poll = (await pollDocs()).find((d) => d.pk === 'poll')!;
    const answer = await algemeen()
      .as(bot.user('Noor El Amrani'))
      .invoke('polls.answer', { pollId: poll.id, answer: '' });
    expect(cardText(answer.card)).toContain(invalidInput);
    expect(cardInputs(answer.card).some((i) => i.id === 'answer')).toBe(true);
    expect(JSON.stringify(await pollDocs())).toBe(before);
  });

  it('a poll with names says so before answering, in English too', async () => {
    const lotte = bot.user('Lotte Visser').locale('en');
    const form = lastCard(await lotte.say('poll'));
    expect(cardText(form)).toContain('New poll');
    const send = findAction(form, 'Send poll');
    const res = await lotte.invoke(send.verb!, {
      ...send.data,
      question: 'Join the walk?',
      kind: 'single',
      options: 'Yes\nNo',
      anonymous: 'no',
      networks: 'r-pride',
      closesDate: '2026-11-30',
    });
    expect(cardText(res.card)).toContain('The poll has been sent');
    await bot.runDue();
    const jobs = await bot.deps.store.query<{ kind: string; payload: NetworkBroadcastJob }>(containers.jobs, {
      where: [{ field: 'kind', op: '=', value: networkBroadcastJobKind }],
    });
    const mine = jobs.find(
      (j) =>
        j.data.payload.networkIds.join() === 'r-pride' &&
        cardText(j.data.payload.cardByLocale.en!.attachments![0].content).includes('Join the walk?'),
    );
    expect(cardText(mine!.data.payload.cardByLocale.en!.attachments![0].content)).toContain(
      'Not anonymous: who sees what?',
    );
    expect(cardText(mine!.data.payload.cardByLocale.nl!.attachments![0].content)).toContain(
      'Niet anoniem: wie ziet wat?',
    );
  });
});
