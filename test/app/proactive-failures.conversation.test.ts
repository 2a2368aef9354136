import { userKey } from '../../src/platform/delivery';
import { startTestBot, type TestBot } from '../support/test-bot';

/**
 * Proactive sends in the real runtime, where the teams-ai Application has set the adapter's turn error
 * handler: a failed send must come back to the delivery engine as what it was (a 403, a 5xx), not be
 * swallowed by that handler, logged as a crash, and answered with an error message to the same chat.
 */
describe('proactive send failures reach the delivery engine', () => {
  let bot: TestBot;
  const a = '0000000f-0000-4000-8000-000000000001';
  const b = '0000000f-0000-4000-8000-000000000002';
  beforeAll(async () => {
    bot = await startTestBot({ env: { DELIVERY_MAX_ATTEMPTS: '1' } });
    await bot.user('Persoon A', a).install();
    await bot.user('Persoon B', b).install();
  });
  afterAll(() => bot.stop());

  const announce = (id: string, who: string) =>
    bot.deps.delivery.enqueue({
      broadcastId: id,
      purpose: 'test.failures',
      urgency: 'normal' as const,
      recipients: [{ key: userKey(who), activity: { type: 'message', text: 'Hallo' } }],
    });
  const requestsTo = (conversationId: string) =>
    bot.connector.requests.filter((r) => r.conversationId === conversationId && r.method === 'POST');

  it('a 403 (the person removed the app) marks them unreachable: one request, no error message, no crash log', async () => {
    bot.connector.configure({ conversationStatus: { [`a:personal-${a}`]: 403 } });
    const before = requestsTo(`a:personal-${a}`).length;
    await announce('fail-403', a);
    await bot.runDue();
    expect(await bot.deps.delivery.status('fail-403')).toMatchObject({ sent: 0, inactive: 1 });
    expect(requestsTo(`a:personal-${a}`).length - before).toBe(1);
    expect(bot.logs().join('\n')).not.toContain('unhandled error in turn');
  });

  it('a 503 is a failed send the engine knows about (and may retry), not a message that silently vanished', async () => {
    bot.connector.configure({ conversationStatus: { [`a:personal-${b}`]: 503 } });
    const before = requestsTo(`a:personal-${b}`).length;
    await announce('fail-503', b);
    await bot.runDue();
    expect(await bot.deps.delivery.status('fail-503')).toMatchObject({ sent: 0, failed: 1 });
    expect(requestsTo(`a:personal-${b}`).length - before).toBe(1);
    expect(bot.logs().join('\n')).not.toContain('unhandled error in turn');
  });
});
