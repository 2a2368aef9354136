import { cardText } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { installAll, programmateamName, requesterName, snapshot, submitRequest } from './advies.helpers';

/** The programmateam's verbs with payloads that would succeed for the programmateam. */
const programmateamVerbs = (
  requestId: string,
  kernteamlid: string,
): Array<[string, Record<string, unknown>]> => [
  ['advies.queue', {}],
  ['advies.accept', { requestId, takenBy: kernteamlid }],
  ['advies.decline', { requestId, reason: 'Geen tijd.' }],
  ['advies.ask', { requestId, question: 'Welke afdeling?' }],
  ['advies.setDeadline', { requestId, deadline: '2026-12-20' }],
  ['advies.advise', { requestId, summary: 'Doe het anders.' }],
  ['advies.unsolicitedForm', {}],
  [
    'advies.unsolicited',
    {
      addresseeId: '7a11e1b0-0000-4000-8000-000000000009',
      subject: 'Vacatureteksten',
      clusterId: 'stadsbeheer',
      summary: 'Schrijf in gewone taal.',
    },
  ],
  ['advies.figures', {}],
];

describe('advies: the programmateam verbs, server-checked', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.stop());

  it('refuses every programmateam verb for a medewerker (and the requester herself), with the store unchanged', async () => {
    const [requester, , medewerker] = await installAll(bot, [
      requesterName,
      programmateamName,
      'Bram Mulder',
    ]);
    const { requestId } = await submitRequest(bot, requester!);
    await bot.runDue();
    const kernteamlid = bot.user('Noor El Amrani').aadObjectId;
    const before = await snapshot(bot);
    for (const who of [medewerker!, requester!]) {
      for (const [verb, data] of programmateamVerbs(requestId!, kernteamlid)) {
        const res = await who.invoke(verb, data);
        expect([verb, cardText(res.card)]).toEqual([
          verb,
          expect.stringContaining('Dit mag alleen het programmateam'),
        ]);
      }
    }
    // Typed commands too.
    const [queue] = await medewerker!.say('adviesaanvragen');
    expect(cardText(queue!.attachments![0]!.content)).toContain('Dit mag alleen het programmateam');
    await bot.runDue();
    expect(await snapshot(bot)).toEqual(before);
    // A kernteamlid who did not take the request may not record its advice either.
    const res = await bot.user('Daan Bakker').invoke('advies.advise', { requestId, summary: 'x' });
    expect(cardText(res.card)).toContain('Dit mag alleen');
    // Someone else's request stays closed to a medewerker.
    const view = await medewerker!.invoke('advies.view', { requestId });
    expect(cardText(view.card)).toContain('Dit mag alleen');
    expect(await snapshot(bot)).toEqual(before);
  });

  it('refuses a malformed payload with the invalid-input card and changes nothing', async () => {
    const [requester, pt] = await installAll(bot, [requesterName, programmateamName]);
    const { requestId } = await submitRequest(bot, requester!);
    await bot.runDue();
    const before = await snapshot(bot);
    for (const [verb, data] of [
      ['advies.accept', { requestId, takenBy: 'not-a-guid' }],
      ['advies.decline', { requestId: 'x', reason: 'r' }],
      ['advies.ask', { requestId, question: '' }],
      ['advies.setDeadline', { requestId, deadline: 'morgen' }],
      ['advies.followUp', { requestId, outcome: 'misschien', line: 'x' }],
      ['advies.volunteer', { requestId: 42 }],
    ] as Array<[string, Record<string, unknown>]>) {
      const res = await pt!.invoke(verb, data);
      expect(cardText(res.card)).toContain('controleer wat je hebt ingevuld');
    }
    // Accepting with someone who is not in the kernteam is refused too.
    const res = await pt!.invoke('advies.accept', { requestId, takenBy: requester!.aadObjectId });
    expect(cardText(res.card)).toContain('Kies iemand uit het kernteam');
    expect(await snapshot(bot)).toEqual(before);
    // Outside the 1:1 chat nothing is shown.
    const channel = bot.channel('Algemeen');
    const inChannel = await channel.as(pt!).invoke('advies.queue', {});
    expect(cardText(inChannel.card)).toContain('chat');
  });
});
