import { containers } from '../../src/storage/document-store.port';
import { cardText, cardsOf } from '../support/cards';
import { startTestBot, type TestBot } from '../support/test-bot';

const programmateamId = (bot: TestBot) =>
  bot.deps.org.people.find((p) => p.roles.includes('programmateam'))?.aadObjectId as string;

describe('finding 3: identity only from Teams', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  /** An activity as the Web Chat / Direct Line channel would deliver it: the client chose `from.id`. */
  function forged(channelId: string, from: Record<string, unknown>, conversationId: string) {
    const user = bot.user('Medewerker Demo');
    return {
      ...bot.baseActivity({ id: conversationId, conversationType: 'personal' }, user.from, 'nl-NL'),
      channelId,
      from,
    };
  }

  it.each([
    ['webchat', 'no aadObjectId', (id: string) => ({ id, name: 'Mallory' })],
    ['directline', 'an aadObjectId', (id: string) => ({ id, aadObjectId: id, name: 'Mallory' })],
    ['msteams', 'no aadObjectId', (id: string) => ({ id, name: 'Mallory' })],
    ['msteams', 'a made-up aadObjectId', (id: string) => ({ id, aadObjectId: `29:${id}`, name: 'Mallory' })],
  ])('ignores a %s activity with %s: no answer, nothing stored', async (channel, _what, from) => {
    const conversationId = `a:forged-${channel}-${Math.random().toString(36).slice(2)}`;
    const target = programmateamId(bot);
    const before = await bot.deps.store.count(containers.conversations);
    const message = await bot.post({
      ...forged(channel, from(target), conversationId),
      type: 'message',
      text: 'help',
    });
    const click = await bot.post({
      ...forged(channel, from(target), conversationId),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} } },
    });
    expect(message.status).toBeLessThan(300);
    expect(JSON.stringify(click.body ?? '')).not.toContain('application/vnd.microsoft.card.adaptive');
    expect(bot.messagesIn(conversationId)).toHaveLength(0);
    expect(await bot.deps.store.count(containers.conversations)).toBe(before);
    const refusals = bot.logs().filter((l) => l.includes('activity refused at the edge'));
    expect(refusals.length).toBeGreaterThan(0);
    for (const line of refusals) {
      expect(line).not.toContain(target);
      expect(line).not.toContain('Mallory');
    }
  });

  it('acts on a Teams activity by its aadObjectId', async () => {
    const user = bot.user('Medewerker Demo');
    expect(cardsOf(await user.say('help'))).toHaveLength(1);
  });
});

describe('finding 6: no per-user limit', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ env: { USER_RATE_BURST: '5', USER_RATE_PER_SECOND: '1' } });
  });
  afterEach(() => bot.stop());

  it('lets a burst through, then answers once with a friendly card and drops the rest', async () => {
    const script = bot.user('Medewerker Demo');
    for (let i = 0; i < 5; i++) expect(cardsOf(await script.say('help'))).toHaveLength(1);
    const notice = await script.say('help');
    expect(cardsOf(notice)).toHaveLength(1);
    expect(cardText(cardsOf(notice)[0])).toContain('Even rustig aan');
    for (let i = 0; i < 20; i++) expect(await script.say('help')).toEqual([]);
    const click = await script.invoke('help.show');
    expect(click.status).toBe(200);
    expect(click.card).toBeUndefined();
    expect(click.text).toContain('Wacht een paar seconden');
  });

  it('never blocks another person, and answers in the person’s language', async () => {
    const script = bot.user('Medewerker Demo').locale('en');
    for (let i = 0; i < 6; i++) await script.invoke('help.show');
    const colleague = bot.user('Daan Bakker');
    expect(cardText((await colleague.invoke('help.show')).card)).not.toContain('rustig');
    expect(cardsOf(await colleague.say('help'))).toHaveLength(1);
    const refused = await script.invoke('help.show');
    expect(refused.text).toContain('Wait a few seconds');
  });

  it('refills with time: one turn per second, and a new notice only after a minute', async () => {
    const script = bot.user('Medewerker Demo');
    for (let i = 0; i < 6; i++) await script.say('help');
    bot.clock.advance(1000);
    expect(cardText(cardsOf(await script.say('help'))[0])).not.toContain('rustig');
    expect(await script.say('help')).toEqual([]);
    bot.clock.advance(30_000);
    for (let i = 0; i < 5; i++) await script.say('help');
    expect(await script.say('help')).toEqual([]);
    bot.clock.advance(31_000);
    for (let i = 0; i < 5; i++) await script.say('help');
    expect(cardText(cardsOf(await script.say('help'))[0])).toContain('Even rustig aan');
  });
});

describe('finding 15b: non-string verbs', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(() => bot.stop());

  it.each([null, 42, { verb: 'polls.results' }, ['help.show'], true])(
    'answers verb %j with the "unknown action" card, not HTTP 501',
    async (verb) => {
      const res = await bot.user('Medewerker Demo').invoke(verb as unknown as string, {});
      expect(res.status).toBe(200);
      expect(cardText(res.card)).toContain('Deze knop werkt niet meer');
      expect(bot.logs().join('\n')).not.toContain('"level":50');
    },
  );

  it('logs an unknown verb only when it has the shape of one of ours', async () => {
    await bot.user('Medewerker Demo').invoke('Mijn naam is Fatima Ouali', {});
    const line =
      bot
        .logs()
        .filter((l) => l.includes('unknown card action'))
        .pop() ?? '';
    expect(line).toContain('"verb":"other"');
    expect(line).not.toContain('Fatima');
  });
});
