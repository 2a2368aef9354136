import { containers } from '../../../src/storage/document-store.port';
import { cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { logSignal } from './kernteam.helpers';

const forbidden = 'Dat mag alleen met een andere rol. Er is niets veranderd.';
const watched = [
  containers.kernteam,
  containers.roleGrants,
  containers.jobs,
  containers.outbox,
  containers.broadcasts,
];

describe('every kernteam and programmateam verb is checked on the server', () => {
  let bot: TestBot;
  let signalId: string;
  let requestId: unknown;
  beforeAll(async () => {
    bot = await startTestBot();
    ({ signalId } = await logSignal(bot.user('Noor El Amrani'), { topic: 'beleid', text: 'Open signaal' }));
    const lotte = bot.user('Lotte Visser');
    const form = await lotte.invoke('kernteam.join.form');
    requestId = findAction(form.card, 'Versturen').data?.formId;
    await lotte.invoke('kernteam.join.submit', {
      formId: requestId,
      role: 'kernteamlid',
      motivation: 'Graag',
    });
  });
  afterAll(() => bot.stop());

  const snapshot = async () =>
    JSON.stringify(
      await Promise.all(watched.map((c) => bot.deps.store.query(c, { orderBy: [{ field: 'id' }] }))),
    );
  const formId = 'c'.repeat(32);
  const kernteamVerbs: Array<[string, Record<string, unknown>]> = [
    ['kernteam.signal.form', {}],
    ['kernteam.signals', {}],
    ['kernteam.signal.log', { formId, topic: 'beleid', text: 'Van een medewerker' }],
    ['kernteam.signal.status', { signalId: '', status: 'afgesloten' }],
    ['kernteam.advice.form', {}],
    ['kernteam.advice.record', { formId, signalIds: '', summary: 'Advies van een medewerker' }],
    ['kernteam.agenda', {}],
    ['kernteam.agenda.add', { formId, text: 'Punt van een medewerker' }],
  ];
  const programmateamVerbs: Array<[string, Record<string, unknown>]> = [
    ['kernteam.figures', {}],
    ['kernteam.join.list', {}],
    ['kernteam.join.answer', { requestId: '', answer: 'accept' }],
  ];
  const withIds = (data: Record<string, unknown>) => ({
    ...data,
    ...('signalId' in data ? { signalId } : {}),
    ...('signalIds' in data ? { signalIds: signalId } : {}),
    ...('requestId' in data ? { requestId } : {}),
  });

  async function expectRefused(user: TestUser, verbs: Array<[string, Record<string, unknown>]>) {
    const before = await snapshot();
    for (const [verb, data] of verbs) {
      const res = await user.invoke(verb, withIds(data));
      expect({ verb, text: cardText(res.card) }).toEqual({ verb, text: forbidden });
    }
    await bot.runDue();
    expect(await snapshot()).toEqual(before);
  }

  it('a medewerker is refused every kernteam and programmateam verb, and the store is unchanged', async () => {
    await expectRefused(bot.user('Eva Smit'), [...kernteamVerbs, ...programmateamVerbs]);
  });

  it('a medewerker is refused the typed commands too', async () => {
    const before = await snapshot();
    for (const command of ['signaal', 'signalen', 'agenda', 'meedoen lijst', 'signalen cijfers']) {
      const text = cardText(cardsOf(await bot.user('Eva Smit').say(command))[0]);
      expect({ command, text }).toEqual({ command, text: forbidden });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a kernteamlid is refused the programmateam verbs (figures, meedoen answers)', async () => {
    await expectRefused(bot.user('Noor El Amrani'), programmateamVerbs);
  });

  it('the figures download refuses a link made for a medewerker', async () => {
    const link = bot.deps.downloads.link('kernteam.figures', 'nl', bot.user('Eva Smit').aadObjectId);
    expect(await bot.deps.downloads.resolve(link.split('/files/')[1])).toBeUndefined();
  });

  it('kernteam verbs are refused outside the 1:1 chat', async () => {
    const channel = bot.channel('Algemeen').as(bot.user('Noor El Amrani'));
    const replies = await channel.say('signalen');
    expect(cardsOf(replies)).toEqual([]);
    expect(replies[0]?.text).toContain('eigen chat met de bot');
  });
});
