import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DeliveryOptions } from './delivery-options';
import type { Timers } from './monotonic';
import type { Claimed, OutboxClaimer } from './outbox-claimer';
import type { ItemProcessor } from './item-processor';
import type { ReferenceCache } from './reference-cache';
import type { WorkerStats } from './worker-stats';

export interface DeliveryWorkerDeps {
  claimer: OutboxClaimer;
  processor: ItemProcessor;
  refs: ReferenceCache;
  clock: Clock;
  logger: Logger;
  options: DeliveryOptions;
  /** The app limiter's current rate: claims are sized by it. */
  rate: () => number;
  timers: Timers;
}

/**
 * The outbox worker: keeps a small local queue of leased items topped up, and hands them to the
 * processor as fast as the limiters let them through.
 *
 * @remarks The next batch is claimed while the current one is still being sent, so the store round
 * trip never leaves Teams' rate unused. A claim is sized so that it can be sent well within the lease.
 */
export class DeliveryWorker {
  private readonly queue: Claimed[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly busy = new Map<string, number>();
  private filling: Promise<number> | undefined;
  private loop: Promise<void> | undefined;
  private running = false;
  private wake: (() => void) | undefined;
  private arrived: (() => void) | undefined;
  private fillError: unknown;
  private readonly claimer: OutboxClaimer;
  private readonly processor: ItemProcessor;
  private readonly refs: ReferenceCache;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly options: DeliveryOptions;
  private readonly rate: () => number;
  private readonly timers: Timers;

  constructor(deps: DeliveryWorkerDeps) {
    ({
      claimer: this.claimer,
      processor: this.processor,
      refs: this.refs,
      clock: this.clock,
      logger: this.logger,
      options: this.options,
      rate: this.rate,
      timers: this.timers,
    } = deps);
  }

  get stats(): WorkerStats {
    return this.processor.stats;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run(false).catch((err: unknown) =>
      this.logger.error({ err }, 'delivery.worker_crashed'),
    );
  }

  /** Stops claiming, lets sends in flight finish, and gives back the leases of items not yet sent. */
  async stop(): Promise<void> {
    this.running = false;
    this.kick();
    await this.loop;
    this.loop = undefined;
    await this.filling;
    await Promise.all(this.inFlight);
    const unsent = this.queue.splice(0);
    await Promise.all(unsent.map((item) => this.claimer.release(item)));
  }

  /** Wakes the loop now (after an enqueue) instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  /** Sends until nothing is due (under a ManualClock: until nothing is due at that time). */
  async drain(): Promise<void> {
    if (this.running) throw new Error('drain() is for a stopped worker');
    await this.run(true);
  }

  private async run(untilIdle: boolean): Promise<void> {
    const stopKeeper = this.timers.every(this.options.leaseMs / 4, () => void this.keepLeases());
    try {
      await this.pump(untilIdle);
    } finally {
      stopKeeper();
    }
  }

  /**
   * Renews the leases of items still waiting in the local queue (the rate dropped after 429s):
   * otherwise they would expire and be claimed again, by us or another instance.
   */
  private async keepLeases(): Promise<void> {
    const soon = this.clock.now().getTime() + this.options.leaseMs / 2;
    const expiring = this.queue.filter((item) => Date.parse(item.doc.data.leaseUntil) < soon);
    for (const item of expiring) {
      if (await this.claimer.renew(item).catch(() => false)) continue;
      const at = this.queue.indexOf(item);
      if (at >= 0) this.queue.splice(at, 1);
    }
  }

  private async pump(untilIdle: boolean): Promise<void> {
    while (untilIdle || this.running) {
      if (!this.queue.length) {
        const filling = this.fill();
        // Start sending as soon as the first chunk is leased, not when the whole claim is done.
        await Promise.race([filling, new Promise<void>((resolve) => (this.arrived = resolve))]);
        this.arrived = undefined;
        const claimed = this.queue.length ? 1 : await filling;
        if (claimed < 0) {
          if (untilIdle) throw this.fillError;
          await this.idle();
          continue;
        }
        if (!this.queue.length) {
          if (this.inFlight.size) {
            await Promise.race(this.inFlight);
            continue;
          }
          await this.claimer.retireQuiet(new Set(this.busy.keys()));
          if (untilIdle) return;
          await this.idle();
          continue;
        }
      } else if (this.queue.length < this.claimSize() / 2) {
        void this.fill();
      }
      while (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
      if (!untilIdle && !this.running) break;
      const item = this.queue.shift();
      if (item) this.dispatch(item);
    }
  }

  private dispatch(item: Claimed): void {
    const broadcastId = item.doc.pk;
    this.busy.set(broadcastId, (this.busy.get(broadcastId) ?? 0) + 1);
    const task: Promise<void> = this.processor
      .process(item)
      .then((outcome) => {
        if (outcome === 'requeue') this.requeue(item);
      })
      .finally(() => {
        this.inFlight.delete(task);
        const left = (this.busy.get(broadcastId) ?? 1) - 1;
        if (left > 0) this.busy.set(broadcastId, left);
        else this.busy.delete(broadcastId);
      });
    this.inFlight.add(task);
  }

  /** Back to the front of the queue (after a 429: it keeps its place and its lease). */
  private requeue(item: Claimed): void {
    this.queue.unshift(item);
    this.arrived?.();
    this.kick();
  }

  /**
   * One claim round at a time; concurrent callers share it. Items join the queue chunk by chunk.
   * Resolves to the number claimed, or -1 when the store failed (the loop keeps going).
   */
  private fill(): Promise<number> {
    this.filling ??= this.claimer
      .claim(this.claimSize(), async (items) => {
        this.queue.push(...items);
        this.arrived?.();
        await this.refs.prefetch(items.map((c) => c.doc.data.key));
      })
      .catch((err: unknown) => {
        this.fillError = err;
        this.logger.error({ err }, 'delivery.claim_failed');
        return -1;
      })
      .finally(() => {
        this.filling = undefined;
      });
    return this.filling;
  }

  /** What can be sent in a quarter of the lease at the current rate, capped by the batch size. */
  private claimSize(): number {
    const sendable = Math.floor((this.rate() * this.options.leaseMs) / 4000);
    return Math.max(1, Math.min(this.options.batchSize, sendable));
  }

  private async idle(): Promise<void> {
    const { done, wake } = this.timers.pause(this.options.pollMs);
    this.wake = wake;
    await done;
    this.wake = undefined;
  }
}
