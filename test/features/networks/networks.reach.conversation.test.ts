import { MembershipRepository } from '../../../src/features/networks/networks.membership.repository';
import { cardText, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, testCatalogAppId, testTenantId, type TestBot } from '../../support/test-bot';

const id = (n: number) => `0000000d-0000-4000-8000-${String(n).padStart(12, '0')}`;
const blocked = '0000000e-0000-4000-8000-000000000001';
const MEMBERS = 1_000;
const OPENED = 300;

/**
 * The networks feature in a tenant like Rotterdam's: most members joined without ever opening the bot's
 * chat (they were added by a coordinator's import, or joined before the bot had a chat with them). An
 * announcement through the coordinator's own cards must reach every one of them, and the status must say how.
 */
describe('networks: an announcement to 1,000 members of whom 700 never opened the bot', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  const chats = new Map<string, string>();

  beforeAll(async () => {
    graph = await FakeGraph.start({
      users: [...Array.from({ length: MEMBERS }, (_, n) => ({ id: id(n) })), { id: blocked, blocked: true }],
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
      installedFor: Array.from({ length: OPENED }, (_, n) => id(n)),
      keepBodies: false,
    });
    bot = await startTestBot({
      graph,
      env: { GRAPH_RATE_PER_SECOND: '500', DELIVERY_RATE_PER_SECOND: '50' },
    });
    bot.connector.configure({ requireInstallForCreate: true, keepBodies: false });
    graph.onInstall((userId, chatId) => {
      bot.connector.markInstalled(userId);
      chats.set(userId, chatId);
    });
    const members = new MembershipRepository(bot.deps.store);
    const joinedAt = bot.clock.now().toISOString();
    for (let n = 0; n < MEMBERS; n++)
      await members.add({ networkId: 'r-pride', aadObjectId: id(n), joinedAt });
    await members.add({ networkId: 'r-pride', aadObjectId: blocked, joinedAt });
    // 300 opened the bot once: their chats are stored (as the install turn stores them; see reach tests).
    await bot.user('Lid 0', id(0)).install();
    for (let n = 1; n < OPENED; n++) {
      await bot.deps.conversations.save(`user:${id(n)}`, {
        serviceUrl: bot.connector.url,
        channelId: 'msteams',
        conversation: { id: `a:personal-${id(n)}`, conversationType: 'personal', tenantId: testTenantId },
        bot: { id: '28:panelbot-test' },
        user: { id: `29:${id(n)}`, aadObjectId: id(n) },
      });
    }
  }, 120_000);
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('reaches all 1,000 (300 in their chat, 700 after a proactive install), names the one blocked, no duplicates', async () => {
    const lotte = bot.user('Lotte Visser');
    const preview = await lotte.invoke('networks.announce.preview', {
      kind: 'plain',
      announcementId: '',
      networkId: 'r-pride',
      text: 'Pride-borrel vrijdag om vijf uur',
      link: '',
      toMembers: 'true',
      toChannel: 'false',
    });
    const send = findAction(preview.card, 'Versturen');
    const before = bot.connector.deliveredCounts(); // the welcome cards of those who opened the bot
    await lotte.invoke(send.verb!, send.data);
    await bot.runDue();

    const status = await bot.deps.delivery.status(String(send.data?.announcementId));
    expect(status).toBeDefined();
    expect(status?.reach).toEqual({
      stored: OPENED,
      install: MEMBERS - OPENED,
      createConversation: 0,
      unreachable: { blocked: 1 },
      graph: true,
    });
    // Exactly one copy each, in the chat that was stored or made by the install.
    const counts = bot.connector.deliveredCounts();
    for (let n = 0; n < MEMBERS; n++) {
      const conversationId = n < OPENED ? `a:personal-${id(n)}` : chats.get(id(n));
      const got = (counts.get(conversationId as string) ?? 0) - (before.get(conversationId as string) ?? 0);
      expect(got).toBe(1);
    }

    const card = await lotte.invoke('networks.announce.status', send.data);
    const text = cardText(card.card);
    expect(text).toContain(
      `Bereikt via een bestaand gesprek: ${OPENED} · na installatie van de app: ${MEMBERS - OPENED}`,
    );
    expect(text).toMatch(/Niet bereikt: .*geblokkeerd.*\(1\)/i);
  }, 180_000);
});
