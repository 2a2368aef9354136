import { containers } from '../../../src/storage/document-store.port';
import type { OutboxItem } from '../../../src/platform/delivery/outbox.types';
import { conversationOf, keyOf, message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(15_000);

describe('delivery worker against a Teams-like connector', () => {
  let f: Fixture;
  afterEach(() => f.close());

  const broadcast = (id: string, count: number) =>
    f.engine.delivery.enqueue({
      broadcastId: id,
      purpose: 'test.announcement',
      urgency: 'normal' as const,
      recipients: f.keys.slice(0, count).map((key) => ({ key, activity: message('Hallo') })),
    });

  it('stays under the app rate: the connector never has to throttle', async () => {
    f = await startFixture({
      users: 40,
      connector: { ratePerSecond: 25, burst: 5 },
      delivery: { ratePerSecond: 20, burst: 2 },
    });
    await broadcast('b1', 40);
    await f.drain();

    expect(f.connector.messages()).toHaveLength(40);
    expect(f.connector.throttled()).toHaveLength(0);
    expect(f.connector.peakAdmitted(1000)).toBeLessThanOrEqual(20 + 2 + 2);
    expect(f.connector.deliveredCounts().size).toBe(40);
    expect(await f.engine.delivery.status('b1')).toMatchObject({ total: 40, sent: 40, queued: 0, failed: 0 });
  });

  it('reaches Teams at the app rate even when the store answers unevenly (no store call after the token)', async () => {
    // Every third write of the per-person send counts takes 400 ms: were it done after the app token was
    // taken, the sends behind fast writes would overtake the slow ones and arrive at Teams in bunches.
    let writes = 0;
    f = await startFixture({
      users: 60,
      connector: { ratePerSecond: 20, burst: 1 },
      delivery: { ratePerSecond: 20, burst: 1, concurrency: 8 },
      engineStore: (store, timers) =>
        new Proxy(store, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function') return value;
            return async (...args: unknown[]) => {
              if (args[0] === containers.sendCounts && (name === 'replace' || name === 'create'))
                if (writes++ % 3 === 0) await timers.sleep(400);
              return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            };
          },
        }),
    });
    await broadcast('uneven', 60);
    await f.drain();

    expect(writes).toBeGreaterThanOrEqual(60);
    expect(f.connector.deliveredCounts().size).toBe(60);
    expect(f.connector.throttled()).toHaveLength(0);
  });

  it('honours Retry-After: the throttled message waits, and so does the whole app', async () => {
    f = await startFixture({
      users: 16,
      connector: { ratePerSecond: 8, burst: 4, retryAfterSeconds: 1 },
      delivery: { ratePerSecond: 100, burst: 10, concurrency: 4 },
    });
    await broadcast('b1', 16);
    await f.drain();

    const counts = f.connector.deliveredCounts();
    expect([...counts.values()]).toEqual(new Array(16).fill(1));
    const throttled = f.connector.throttled();
    expect(throttled.length).toBeGreaterThan(0);
    // On virtual time a request arrives at the instant it was let go, and several can share one, so
    // "next" is by arrival order, and the pause is exact: Retry-After is 1 s.
    for (const t of throttled) {
      const next = f.connector.requests
        .slice(f.connector.requests.indexOf(t) + 1)
        .find((r) => r.conversationId === t.conversationId);
      expect(next).toBeDefined();
      expect((next?.at ?? 0) - t.at).toBeGreaterThanOrEqual(1000);
    }
    // Requests already on their way when the first 429 came arrive with it; then nothing for 1 s.
    const first = throttled[0];
    const duringPause = f.connector.requests.filter((r) => r.at > first.at && r.at < first.at + 1000);
    expect(duringPause).toHaveLength(0);
    expect(f.engine.worker.stats().throttled).toBe(throttled.length);
  });

  it('retries 5xx with back-off, then fails the item after the bound', async () => {
    f = await startFixture({
      users: 3,
      connector: { conversationStatus: { [conversationOf(1)]: 503, [conversationOf(2)]: 500 } },
      delivery: { maxAttempts: 3 },
    });
    await broadcast('b1', 3);
    await f.drain();
    expect(f.connector.requests.filter((r) => r.conversationId === conversationOf(1))).toHaveLength(1);
    expect(await f.engine.delivery.status('b1')).toMatchObject({ queued: 2, sent: 1 });

    // Not due yet: nothing is sent again before the back-off has passed.
    await f.drain();
    expect(f.connector.requests.filter((r) => r.conversationId === conversationOf(1))).toHaveLength(1);

    f.connector.configure({ conversationStatus: { [conversationOf(1)]: 503 } });
    for (let i = 0; i < 4; i++) {
      f.clock.advance(60 * 60_000);
      await f.drain();
    }
    expect(f.connector.requests.filter((r) => r.conversationId === conversationOf(1))).toHaveLength(3);
    expect(f.connector.messages(conversationOf(2))).toHaveLength(1);
    expect(await f.engine.delivery.status('b1')).toMatchObject({ queued: 0, sent: 2, failed: 1 });
    const failed = await f.store.get<OutboxItem>(containers.outbox, 'b1', keyOf(1));
    expect(failed?.data).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: expect.stringContaining('HTTP_503'),
    });
  });

  it('marks 403/404 recipients inactive at once, and skips them next time', async () => {
    f = await startFixture({
      users: 3,
      connector: { conversationStatus: { [conversationOf(1)]: 403, [conversationOf(2)]: 404 } },
    });
    await broadcast('b1', 3);
    await f.drain();
    f.clock.advance(60 * 60_000);
    await f.drain();

    expect(f.connector.requests.filter((r) => r.conversationId !== conversationOf(3))).toHaveLength(2);
    expect(await f.engine.delivery.status('b1')).toMatchObject({
      sent: 1,
      inactive: 2,
      failed: 0,
      queued: 0,
    });
    expect((await f.directory.get(keyOf(1)))?.active).toBe(false);
    expect((await f.directory.get(keyOf(2)))?.active).toBe(false);
    expect((await f.directory.get(keyOf(3)))?.active).toBe(true);

    f.connector.reset();
    await broadcast('b2', 3);
    await f.drain();
    expect(f.connector.requests.map((r) => r.conversationId)).toEqual([conversationOf(3)]);
    expect(await f.engine.delivery.status('b2')).toMatchObject({ sent: 1, inactive: 2 });
  });

  it('spaces sends to one conversation by the per-conversation limit', async () => {
    f = await startFixture({
      users: 1,
      connector: { perConversation: [{ max: 3, windowMs: 1000 }] },
      delivery: { perConversation: [{ max: 3, windowMs: 1000 }] },
    });
    for (let i = 0; i < 6; i++)
      await f.engine.delivery.enqueue({
        broadcastId: `b${i}`,
        purpose: 'p',
        urgency: 'normal' as const,
        recipients: [{ key: keyOf(1), activity: message(`m${i}`) }],
      });
    await f.drain();
    expect(f.connector.messages(conversationOf(1))).toHaveLength(6);
    expect(f.connector.throttled()).toHaveLength(0);
  });
});
