import { userKey, type RecipientKey } from '../../src/platform/delivery';
import { cardText, cardsOf } from '../support/cards';
import { FakeGraph } from '../support/fake-graph';
import { startTestBot, testCatalogAppId, type TestBot } from '../support/test-bot';

const botId = '28:panelbot-test';
const id = (n: number) => `0000000a-0000-4000-8000-${String(n).padStart(12, '0')}`;
const blocked = '0000000b-0000-4000-8000-000000000001';
const noLicence = '0000000b-0000-4000-8000-000000000002';
const card = {
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.5', body: [] },
};
const announcement = (broadcastId: string, keys: RecipientKey[]) => ({
  broadcastId,
  purpose: 'networks.announcement',
  urgency: 'normal' as const,
  recipients: keys.map((key) => ({
    key,
    activity: { type: 'message' as const, text: 'Netwerkborrel vrijdag', attachments: [card] },
  })),
});
const welcomes = (bot: TestBot, conversationId: string) =>
  cardsOf(bot.messagesIn(conversationId)).filter((c) => cardText(c).includes('Welkom'));

describe('reach: people who never opened the bot, through the real runtime', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  const chats = new Map<string, string>();

  beforeAll(async () => {
    graph = await FakeGraph.start({
      users: [
        ...Array.from({ length: 10 }, (_, n) => ({ id: id(n) })),
        { id: blocked, blocked: true },
        { id: noLicence, noLicense: true },
      ],
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
      installedFor: [id(0), id(1), id(2)],
    });
    bot = await startTestBot({ graph, env: { GRAPH_RATE_PER_SECOND: '200' } });
    bot.connector.configure({ requireInstallForCreate: true });
    graph.onInstall((userId, chatId) => {
      bot.connector.markInstalled(userId);
      chats.set(userId, chatId);
    });
    // Three colleagues opened the bot (their install stores the reference and welcomes them).
    for (const n of [0, 1, 2]) await bot.user(`Opened ${n}`, id(n)).install();
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  /** What Teams sends the bot after a proactive install: a conversationUpdate in the new 1:1 chat. */
  const installEvent = (userId: string) =>
    bot.post({
      ...bot.baseActivity(
        { id: chats.get(userId), conversationType: 'personal' },
        { id: `29:${userId}`, aadObjectId: userId },
        'nl-NL',
      ),
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }],
    });

  it('an announcement reaches the 7 who never opened the bot through a proactive install; the status says how', async () => {
    const keys = [
      ...Array.from({ length: 10 }, (_, n) => userKey(id(n))),
      userKey(blocked),
      userKey(noLicence),
    ];
    await bot.deps.delivery.enqueue(announcement('reach-1', keys));
    await bot.runDue();

    for (let n = 0; n < 10; n++) {
      const conversationId = n < 3 ? `a:personal-${id(n)}` : (chats.get(id(n)) as string);
      const got = bot.messagesIn(conversationId).filter((m) => m.text === 'Netwerkborrel vrijdag');
      expect(got).toHaveLength(1);
    }
    const status = await bot.deps.delivery.status('reach-1');
    expect(status).toMatchObject({ total: 12, sent: 10, inactive: 2, failed: 0, queued: 0 });
    expect(status?.reach).toEqual({
      stored: 3,
      install: 7,
      createConversation: 0,
      unreachable: { blocked: 1, noLicense: 1 },
      graph: true,
    });
    expect(bot.logs().join('')).not.toContain('Opened 0');
  });

  it('the install event after a proactive install welcomes once, stores the reference, and never welcomes twice', async () => {
    const person = id(5);
    expect((await installEvent(person)).status).toBeLessThan(300);
    expect((await installEvent(person)).status).toBeLessThan(300);
    expect(welcomes(bot, chats.get(person) as string)).toHaveLength(1);
    expect(await bot.deps.conversations.get(userKey(person))).toMatchObject({
      active: true,
      reference: { conversation: { id: chats.get(person) } },
    });

    // Someone who opened the bot long ago and reinstalls: no second welcome either.
    await bot.user('Opened 0', id(0)).install();
    expect(welcomes(bot, `a:personal-${id(0)}`)).toHaveLength(1);

    // A next announcement uses the stored chats: no installs.
    const before = graph.calls('install').length;
    await bot.deps.delivery.enqueue(announcement('reach-2', [userKey(id(5)), userKey(id(6))]));
    await bot.runDue();
    expect(graph.calls('install').length).toBe(before);
    expect((await bot.deps.delivery.status('reach-2'))?.reach).toMatchObject({ stored: 2, install: 0 });
  });
});

describe('reach without Graph', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    bot.connector.configure({ requireInstallForCreate: true });
    await bot.user('Opened', id(20)).install();
  });
  afterAll(() => bot.stop());

  it('a person who never opened the bot is unreachable with notConfigured, and the status says Graph is not set up', async () => {
    await bot.deps.delivery.enqueue(announcement('nograph-1', [userKey(id(20)), userKey(id(21))]));
    await bot.runDue();
    const status = await bot.deps.delivery.status('nograph-1');
    expect(status).toMatchObject({ sent: 1, inactive: 1, failed: 0 });
    expect(status?.reach).toEqual({
      stored: 1,
      install: 0,
      createConversation: 0,
      unreachable: { notConfigured: 1 },
      graph: false,
    });
    // Teams was asked once (createConversation) and said no: the app is installed nowhere for this person.
    expect(bot.connector.creates().map((r) => r.status)).toEqual([403]);
  });
});
