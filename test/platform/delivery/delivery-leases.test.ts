import {
  SendError,
  type OutboundActivity,
  type ProactiveSender,
  type StoredConversationReference,
} from '../../../src/platform/delivery';
import { message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(15_000);

/**
 * Passes sends through to Teams, then can hold them at the door: the worker behind it hangs after
 * Teams accepted a message and before it hears so. `crash()` is that process dying: from then on
 * nothing of it reaches Teams (what it held fails, so its leftover loop ends instead of hanging).
 */
class GatedSender implements ProactiveSender {
  /** Conversations whose message Teams accepted from this worker, in order. */
  readonly accepted: string[] = [];
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;
  private fail: (err: Error) => void = () => undefined;
  private dead = false;
  private readonly waiting: Array<{ count: number; resolve: () => void }> = [];
  constructor(private readonly inner: ProactiveSender) {}
  close(): void {
    this.opened = new Promise((resolve, reject) => ((this.open = resolve), (this.fail = reject)));
    this.opened.catch(() => undefined);
  }
  release(): void {
    this.open();
  }
  crash(): void {
    this.dead = true;
    this.fail(new SendError(undefined, undefined, 'CRASHED'));
  }
  /** Resolves once Teams has accepted `count` messages from this worker. */
  reached(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push({ count, resolve });
      this.notify();
    });
  }
  async send(ref: StoredConversationReference, activity: OutboundActivity) {
    if (this.dead) throw new SendError(undefined, undefined, 'CRASHED');
    const result = await this.inner.send(ref, activity);
    this.accepted.push(ref.conversation.id);
    this.notify();
    await this.opened;
    return result;
  }
  async update(ref: StoredConversationReference, id: string, activity: OutboundActivity) {
    if (this.dead) throw new SendError(undefined, undefined, 'CRASHED');
    await this.opened;
    return this.inner.update(ref, id, activity);
  }
  private notify(): void {
    for (const w of [...this.waiting]) {
      if (this.accepted.length < w.count) continue;
      this.waiting.splice(this.waiting.indexOf(w), 1);
      w.resolve();
    }
  }
}

describe('outbox leases across worker instances', () => {
  let f: Fixture;
  afterEach(() => f.close());

  const enqueue = (count: number) =>
    f.engine.delivery.enqueue({
      broadcastId: 'b1',
      purpose: 'test.announcement',
      urgency: 'normal' as const,
      recipients: f.keys.slice(0, count).map((key) => ({ key, activity: message('Hallo') })),
    });

  // Time moves only inside f.run/f.drain (virtual time, see the fixture): a worker held at the gate
  // stays exactly where it is while the test does the rest, however busy the machine.
  it('never sends an item leased by another worker', async () => {
    f = await startFixture({ users: 30 });
    await enqueue(30);
    const gated = new GatedSender(f.sender());
    gated.close();
    const a = f.another({ batchSize: 5, concurrency: 1 }, gated);
    const draining = a.worker.drain();
    await gated.reached(1);

    await f.drain();
    expect(f.connector.messages()).toHaveLength(1 + 25);

    gated.release();
    await f.run(draining);
    expect([...f.connector.deliveredCounts().values()]).toEqual(new Array(30).fill(1));
    expect(await f.engine.delivery.status('b1')).toMatchObject({ sent: 30, queued: 0 });
    expect(a.worker.stats().leaseLost).toBe(0);
  });

  it('two workers draining one broadcast at once send each message once', async () => {
    f = await startFixture({ users: 60 });
    await enqueue(60);
    const b = f.another({ batchSize: 7 });
    await f.run(Promise.all([f.engine.worker.drain(), b.worker.drain()]));
    expect([...f.connector.deliveredCounts().values()]).toEqual(new Array(60).fill(1));
    expect(f.engine.worker.stats().sent + b.worker.stats().sent).toBe(60);
  });

  it('resumes after a crash: expired leases are taken again and nothing is lost', async () => {
    f = await startFixture({ users: 20 });
    await enqueue(20);
    const gated = new GatedSender(f.sender());
    gated.close();
    const crashed = f.another({ batchSize: 5, concurrency: 1, leaseMs: 60_000 }, gated);
    const dead = crashed.worker.drain().catch(() => 'died');
    await gated.reached(1);
    // The process dies with one send accepted by Teams and its outcome not written.
    await crashed.store.close();
    gated.crash();
    const inFlightAtCrash = [...gated.accepted];
    expect(inFlightAtCrash).toHaveLength(1);

    // The crashed worker never comes back. A restarted one sends what nobody holds...
    const restarted = f.another();
    await f.drain(restarted);
    expect(f.connector.messages()).toHaveLength(1 + 15);

    // ...and, once the dead worker's leases run out, the rest.
    f.clock.advance(61_000);
    await f.drain(restarted);
    const counts = f.connector.deliveredCounts();
    // Nothing is lost: every recipient got the message.
    expect(counts.size).toBe(20);
    // What the engine promises (docs/delivery.md): a copy goes out twice only where Teams accepted it
    // from the crashed worker before the outcome was written, at most once more per such send.
    for (const [conversation, n] of counts) {
      expect(n - 1).toBeLessThanOrEqual(inFlightAtCrash.filter((c) => c === conversation).length);
    }
    expect(await restarted.delivery.status('b1')).toMatchObject({ sent: 20, queued: 0 });
    expect((await restarted.delivery.status('b1'))?.finishedAt).toBeDefined();
    expect(await f.run(dead)).toBe('died');
    expect(gated.accepted).toEqual(inFlightAtCrash);
  });

  it('a worker that wakes up after losing its lease does not send the items it still holds', async () => {
    f = await startFixture({ users: 10 });
    await enqueue(10);
    const gated = new GatedSender(f.sender());
    gated.close();
    const slow = f.another({ batchSize: 5, concurrency: 1, leaseMs: 60_000 }, gated);
    const draining = slow.worker.drain();
    await gated.reached(1);
    f.clock.advance(61_000);
    await f.drain();
    gated.release();
    await f.run(draining);

    const counts = f.connector.deliveredCounts();
    expect(counts.size).toBe(10);
    // Its one send in flight was accepted by Teams and then sent again by the worker that took the
    // lease over; nothing else it held went out.
    expect([...counts].filter(([, n]) => n > 1)).toEqual([[gated.accepted[0], 2]]);
    expect(gated.accepted).toHaveLength(1);
    expect(slow.worker.stats().leaseLost).toBeGreaterThanOrEqual(1);
    expect(slow.worker.stats().sent).toBe(0);
  });
});
