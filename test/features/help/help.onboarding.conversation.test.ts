import { cardText, cardsOf } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, testCatalogAppId, type TestBot } from '../../support/test-bot';

const onboardingGroup = '9a000000-0000-4000-8000-0000000000e1';
const botId = '28:panelbot-test';
const newcomer = (n: number) => `0000001a-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * New colleagues (issue 11, item 6): people in the organisation's onboarding group get the app and the
 * welcome card once, from their first week, without having to find the bot themselves.
 */
describe('help: new colleagues in the onboarding group are welcomed once', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  const chats = new Map<string, string>();

  beforeAll(async () => {
    graph = await FakeGraph.start({
      users: [1, 2, 3].map((n) => ({ id: newcomer(n) })),
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
      groups: { [onboardingGroup]: [newcomer(1), newcomer(2)] },
    });
    bot = await startTestBot({ graph, orgPatch: (org) => void (org.onboardingGroup = onboardingGroup) });
    bot.connector.configure({ requireInstallForCreate: true });
    graph.onInstall((userId, chatId) => {
      bot.connector.markInstalled(userId);
      chats.set(userId, chatId);
    });
    // The bot is in use: Teams has written to it (which tells it where Teams is for this tenant).
    await bot.user('Sanne de Vries').install();
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  const welcomesOf = (userId: string) =>
    cardsOf(bot.messagesIn(chats.get(userId) ?? `a:personal-${userId}`))
      .map(cardText)
      .filter((t) => t.includes('Welkom'));
  /** What Teams sends after the proactive install: the bot added to the new 1:1 chat. */
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

  it('a role refresh installs the app for the group members and welcomes each once, also after the install event', async () => {
    await bot.deps.roles.refresh('test');
    await bot.runDue();
    expect(graph.calls('install')).toHaveLength(2);
    for (const id of [newcomer(1), newcomer(2)]) {
      expect(welcomesOf(id)).toHaveLength(1);
      expect((await installEvent(id)).status).toBeLessThan(300);
      expect(welcomesOf(id)).toHaveLength(1);
    }
    expect(welcomesOf(newcomer(3))).toHaveLength(0);
  });

  it('the next refresh welcomes only who joined the group since; nobody twice', async () => {
    graph.setGroupMembers(onboardingGroup, [newcomer(1), newcomer(2), newcomer(3)]);
    await bot.deps.roles.refresh('test');
    await bot.runDue();
    expect(welcomesOf(newcomer(3))).toHaveLength(1);
    expect(welcomesOf(newcomer(1))).toHaveLength(1);
    expect(graph.calls('install')).toHaveLength(3);
  });

  it('off by default: without an onboarding group a refresh welcomes nobody', async () => {
    const plain = await startTestBot({ graph });
    try {
      const before = graph.calls('install').length;
      await plain.deps.roles.refresh('test');
      await plain.runDue();
      expect(graph.calls('install').length).toBe(before);
      expect(plain.connector.messages()).toHaveLength(0);
    } finally {
      await plain.stop();
    }
  });
});
