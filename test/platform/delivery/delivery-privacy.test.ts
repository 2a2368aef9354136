import { Writable } from 'node:stream';
import { createLogger } from '../../../src/platform/logger';
import { containers } from '../../../src/storage/document-store.port';
import { conversationOf, keyOf, message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(15_000);

const DAY = 86_400_000;

/**
 * `keepUntil` is for audiences that are confidential themselves (a network's members): who received
 * a broadcast must not stay in the outbox for the whole retention.
 */
describe('Delivery keepUntil (short-lived recipient records)', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await startFixture({ users: 5, delivery: { ratePerSecond: 200, burst: 20 } });
  });
  afterEach(() => f.close());

  const request = (keepUntil?: Date) => ({
    broadcastId: 'b1',
    purpose: 'test.members',
    urgency: 'normal' as const,
    recipients: [1, 2, 3, 4, 5].map((n) => ({ key: keyOf(n), activity: message('Hallo') })),
    keepUntil,
  });
  const recipientRows = () =>
    f.store.query(containers.outbox, { pk: 'b1', where: [{ field: 'kind', op: '=', value: 'send' }] });

  it('removes the settled items a day after keepUntil, keeps the counts, and does not send again on a repeated enqueue', async () => {
    f.connector.configure({ conversationStatus: { [conversationOf(5)]: 403 } });
    const keepUntil = new Date(f.clock.now().getTime() + 2 * DAY);
    await f.engine.delivery.enqueue(request(keepUntil));
    await f.drain();
    const before = await f.engine.delivery.status('b1');
    expect(before).toMatchObject({ sent: 4, inactive: 1, keepUntil: keepUntil.toISOString() });
    expect(before?.reach).toEqual({
      stored: 4,
      createConversation: 0,
      install: 0,
      unreachable: { appRemoved: 1 },
      graph: false,
    });

    f.clock.advance(2 * DAY + DAY - 60_000);
    expect(await recipientRows()).toHaveLength(5);
    expect(await f.engine.delivery.sentMessages('b1')).toHaveLength(4);

    f.clock.advance(2 * 60_000);
    expect(f.store.purgeExpired()).toBeGreaterThanOrEqual(5);
    expect(await recipientRows()).toHaveLength(0);
    expect(await f.engine.delivery.sentMessages('b1')).toEqual([]);
    expect(await f.engine.delivery.status('b1')).toMatchObject({
      total: 5,
      sent: 4,
      inactive: 1,
      failed: 0,
      queued: 0,
    });
    // How people were reached outlives the per-person items: the sender's status still says it.
    expect((await f.engine.delivery.status('b1'))?.reach).toEqual(before?.reach);

    await f.engine.delivery.enqueue(request(keepUntil));
    await f.drain();
    expect(f.connector.messages()).toHaveLength(4);
  });

  it('keeps a queued item for the full retention, so a worker outage loses nothing', async () => {
    await f.engine.delivery.enqueue(request(f.clock.now()));
    f.clock.advance(3 * DAY);
    f.store.purgeExpired();
    await f.drain();
    expect([...f.connector.deliveredCounts().values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('an update can move keepUntil later (a meetup moved), and its edits are short-lived too', async () => {
    await f.engine.delivery.enqueue(request(new Date(f.clock.now().getTime() + DAY)));
    await f.drain();
    const later = new Date(f.clock.now().getTime() + 10 * DAY);
    await f.engine.delivery.enqueueUpdate('b1', 'rev-2', () => message('Verplaatst'), { keepUntil: later });
    await f.drain();
    expect(f.connector.updates()).toHaveLength(5);

    f.clock.advance(5 * DAY);
    expect(await f.engine.delivery.sentMessages('b1')).toHaveLength(5);
    expect((await f.engine.delivery.status('b1'))?.keepUntil).toBe(later.toISOString());

    f.clock.advance(6 * DAY + 60_000);
    f.store.purgeExpired();
    expect(
      await f.store.query(containers.outbox, {
        pk: 'b1',
        where: [{ field: 'kind', op: '=', value: 'update' }],
      }),
    ).toHaveLength(0);
    expect(await recipientRows()).toHaveLength(0);
  });

  it('without keepUntil, items stay for the engine retention (30 days)', async () => {
    await f.engine.delivery.enqueue(request());
    await f.drain();
    f.clock.advance(29 * DAY);
    expect(await f.engine.delivery.sentMessages('b1')).toHaveLength(5);
    f.clock.advance(2 * DAY);
    expect(await f.engine.delivery.sentMessages('b1')).toHaveLength(0);
  });
});

describe('Delivery logs', () => {
  it('say which broadcast and what kind of recipient failed, never who', async () => {
    const lines: string[] = [];
    const logger = createLogger(
      { level: 'debug' },
      new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) }),
    );
    const f = await startFixture({
      users: 3,
      logger,
      delivery: { ratePerSecond: 200, burst: 20, maxAttempts: 2, backoffBaseMs: 10 },
    });
    try {
      f.connector.configure({
        conversationStatus: { [conversationOf(1)]: 403, [conversationOf(2)]: 500, [conversationOf(3)]: 400 },
      });
      await f.engine.delivery.enqueue({
        broadcastId: 'nw-members',
        purpose: 'test',
        urgency: 'normal' as const,
        recipients: f.keys.map((key) => ({ key, activity: message('Hallo') })),
      });
      await f.drain();
      f.clock.advance(60_000);
      await f.drain();
      expect(await f.engine.delivery.status('nw-members')).toMatchObject({ inactive: 1, failed: 2 });

      const log = lines.join('');
      expect(log).toContain('delivery.recipient_inactive');
      expect(log).toContain('delivery.failed_after_retries');
      expect(log).toContain('"broadcastId":"nw-members"');
      for (const n of [1, 2, 3]) {
        expect(log).not.toContain(`u${n}"`);
        expect(log).not.toContain(conversationOf(n));
      }
    } finally {
      await f.close();
    }
  });
});
