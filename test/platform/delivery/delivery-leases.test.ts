import type { OutboundActivity, ProactiveSender, StoredConversationReference } from '../../../src/platform/delivery';
import { botSender, message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(15_000);

/** Passes sends through to Teams, but can hold them at the door (a worker that hangs or dies). */
class GatedSender implements ProactiveSender {
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  waiting = 0;
  constructor(private readonly inner: ProactiveSender) {}
  close(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }
  release(): void {
    this.open();
  }
  async send(ref: StoredConversationReference, activity: OutboundActivity) {
    const result = await this.inner.send(ref, activity);
    this.waiting += 1;
    await this.opened;
    return result;
  }
  async update(ref: StoredConversationReference, id: string, activity: OutboundActivity) {
    await this.opened;
    return this.inner.update(ref, id, activity);
  }
}

describe('outbox leases across worker instances', () => {
  let f: Fixture;
  afterEach(() => f.close());

  const enqueue = (count: number) =>
    f.engine.delivery.enqueue({
      broadcastId: 'b1',
      purpose: 'test.announcement',
      recipients: f.keys.slice(0, count).map((key) => ({ key, activity: message('Hallo') })),
    });

  it('never sends an item leased by another worker', async () => {
    f = await startFixture({ users: 30 });
    await enqueue(30);
    const gated = new GatedSender(botSender());
    gated.close();
    const a = f.another({ batchSize: 5, concurrency: 1 }, gated);
    const draining = a.worker.drain();
    await f.connector.waitFor((c) => c.messages().length === 1);

    await f.engine.worker.drain();
    expect(f.connector.messages()).toHaveLength(1 + 25);

    gated.release();
    await draining;
    expect([...f.connector.deliveredCounts().values()]).toEqual(new Array(30).fill(1));
    expect(await f.engine.delivery.status('b1')).toMatchObject({ sent: 30, queued: 0 });
    expect(a.worker.stats().leaseLost).toBe(0);
  });

  it('two workers draining one broadcast at once send each message once', async () => {
    f = await startFixture({ users: 60 });
    await enqueue(60);
    const b = f.another({ batchSize: 7 });
    await Promise.all([f.engine.worker.drain(), b.worker.drain()]);
    expect([...f.connector.deliveredCounts().values()]).toEqual(new Array(60).fill(1));
    expect(f.engine.worker.stats().sent + b.worker.stats().sent).toBe(60);
  });

  it('resumes after a crash: expired leases are taken again and nothing is lost', async () => {
    f = await startFixture({ users: 20 });
    await enqueue(20);
    const gated = new GatedSender(botSender());
    gated.close();
    const crashed = f.another({ batchSize: 5, concurrency: 1, leaseMs: 60_000, sendTimeoutMs: 500 }, gated);
    const dead = crashed.worker.drain().catch(() => 'died');
    await f.connector.waitFor((c) => c.messages().length === 1);
    await crashed.store.close();
    // The crashed worker never comes back. A restarted one sends what nobody holds...
    const restarted = f.another();
    await restarted.worker.drain();
    expect(f.connector.messages()).toHaveLength(1 + 15);

    // ...and, once the dead worker's leases run out, the rest.
    f.clock.advance(61_000);
    await restarted.worker.drain();
    const counts = f.connector.deliveredCounts();
    expect(counts.size).toBe(20);
    // The one message Teams accepted but whose outcome was never written goes out twice: the
    // duplicate window the issue asks us to measure. Nothing else does.
    expect([...counts.values()].filter((n) => n > 1)).toEqual([2]);
    expect(await restarted.delivery.status('b1')).toMatchObject({ sent: 20, queued: 0 });
    expect((await restarted.delivery.status('b1'))?.finishedAt).toBeDefined();
    expect(await dead).toBe('died');
  });

  it('a worker that wakes up after losing its lease does not send the items it still holds', async () => {
    f = await startFixture({ users: 10 });
    await enqueue(10);
    const gated = new GatedSender(botSender());
    gated.close();
    const slow = f.another({ batchSize: 5, concurrency: 1, leaseMs: 60_000 }, gated);
    const draining = slow.worker.drain();
    await f.connector.waitFor((c) => c.messages().length === 1);
    f.clock.advance(61_000);
    await f.engine.worker.drain();
    gated.release();
    await draining;

    const counts = [...f.connector.deliveredCounts().values()];
    expect(counts).toHaveLength(10);
    expect(counts.filter((n) => n > 1)).toHaveLength(1);
    expect(slow.worker.stats().leaseLost).toBeGreaterThanOrEqual(1);
    expect(slow.worker.stats().sent).toBe(0);
  });
});
