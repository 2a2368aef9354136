import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { ConcurrencyError, ConflictError } from '../../storage/store-errors';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Timers } from './monotonic';

/** One instance's slice of the app rate, as written in the shared budget document. */
export interface BudgetSlice {
  share: number;
  /** Wants to send: counts when the rate is divided. */
  active: boolean;
  /** ISO time; a slice not renewed by then belongs to nobody (the instance died or lost the store). */
  expiresAt: string;
}

export interface BudgetDoc {
  slices: Record<string, BudgetSlice>;
}

export interface RateBudgetOptions {
  store: DocumentStore;
  clock: Clock;
  timers: Timers;
  logger: Logger;
  instanceId: string;
  /** The app's rate towards Teams, for all instances together. */
  ratePerSecond: number;
  /** How long a written slice stays valid without renewal. */
  leaseMs?: number;
  renewMs?: number;
  /** No send asked for this long: the instance returns its slice. */
  idleAfterMs?: number;
  /** Least time between two refreshes that a waiting send asks for. */
  minRefreshMs?: number;
}

/** Jobs container, own partition: no infra change, and the scheduler only reads pk 'job'. */
const PK = 'rate-budget';
const ID = 'delivery';
const MAX_TRIES = 8;

/**
 * The app rate shared by every instance on one store (Teams' limit is per app per tenant, not per
 * instance).
 *
 * @remarks One document holds every instance's slice, written only with its etag, so the slices never
 * add up to more than the rate. A refresh divides the rate by the active instances, but takes no more
 * than the others leave free: a newcomer starts at 0 and grows as the others shrink at their next
 * renewal. A slice not renewed within `leaseMs` is dropped by whoever writes next; an instance whose own
 * slice lapsed (no store) sends nothing until it renews, so a cut-off instance cannot overspend.
 */
export class RateBudget {
  private readonly o: Required<RateBudgetOptions>;
  private current = 0;
  private validUntil = 0;
  private lastDemand = -Infinity;
  private lastRefresh = -Infinity;
  private refreshing: Promise<void> | undefined;
  private stopTimer: (() => void) | undefined;
  private readonly listeners: Array<(share: number) => void> = [];

  constructor(options: RateBudgetOptions) {
    this.o = { leaseMs: 10_000, renewMs: 1_000, idleAfterMs: 5_000, minRefreshMs: 200, ...options };
    if (this.o.renewMs * 3 > this.o.leaseMs) throw new Error('rate budget leaseMs must be ≥ 3× renewMs');
  }

  /** The rate this instance may use now (0 while it holds no slice). */
  get share(): number {
    return this.current;
  }

  onShare(listener: (share: number) => void): void {
    this.listeners.push(listener);
  }

  /** A send wants a token: marks the instance active and, holding nothing, asks for a slice soon. */
  demand(): void {
    const now = this.o.timers.now();
    this.lastDemand = now;
    if (this.current > 0 || now - this.lastRefresh < this.o.minRefreshMs) return;
    void this.refresh();
  }

  start(): void {
    if (this.stopTimer) return;
    this.stopTimer = this.o.timers.every(this.o.renewMs, () => void this.refresh());
    void this.refresh();
  }

  /** Stops renewing and hands the slice back, so the others need not wait for it to expire. */
  async stop(): Promise<void> {
    this.stopTimer?.();
    this.stopTimer = undefined;
    await this.refreshing;
    await this.write(() => undefined).catch((err: unknown) => this.warn('release', err));
    this.apply(0, 0);
  }

  /** One read-divide-write of the budget document; concurrent calls share it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.renew()
      .catch((err: unknown) => this.warn('renew', err))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async renew(): Promise<void> {
    this.lastRefresh = this.o.timers.now();
    const active = this.o.timers.now() - this.lastDemand < this.o.idleAfterMs;
    const now = this.o.clock.now().getTime();
    // Lapsed locally (renewals failed): stop sending before the others hand the slice out again.
    if (now >= this.validUntil) this.apply(0, 0);
    const written = await this.write((others) => {
      const activeCount = Object.values(others).filter((s) => s.active).length + 1;
      const free = this.o.ratePerSecond - Object.values(others).reduce((sum, s) => sum + s.share, 0);
      const share = active ? floor3(Math.max(0, Math.min(this.o.ratePerSecond / activeCount, free))) : 0;
      return { share, active, expiresAt: new Date(now + this.o.leaseMs).toISOString() };
    });
    // Valid until a little before the others may drop it: clocks differ and the write took time.
    if (written) this.apply(written.share, now + this.o.leaseMs - this.o.renewMs);
  }

  /** Writes this instance's slice (`undefined`: removes it), given the live slices of the others. */
  private async write(
    slice: (others: Record<string, BudgetSlice>) => BudgetSlice | undefined,
  ): Promise<BudgetSlice | undefined> {
    const { store } = this.o;
    for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
      const doc = await store.get<BudgetDoc>(containers.jobs, PK, ID);
      const others = this.liveOthers(doc);
      const mine = slice(others);
      const data: BudgetDoc = { slices: mine ? { ...others, [this.o.instanceId]: mine } : others };
      try {
        if (doc) await store.replace(containers.jobs, { pk: PK, id: ID, data }, doc.etag);
        else await store.create(containers.jobs, { pk: PK, id: ID, data });
        return mine;
      } catch (err) {
        if (!(err instanceof ConcurrencyError || err instanceof ConflictError)) throw err;
      }
    }
    throw new Error('rate budget: too many concurrent writers');
  }

  private liveOthers(doc: StoredDocument<BudgetDoc> | undefined): Record<string, BudgetSlice> {
    const now = this.o.clock.now().toISOString();
    const live: Record<string, BudgetSlice> = {};
    for (const [id, s] of Object.entries(doc?.data.slices ?? {}))
      if (id !== this.o.instanceId && s.expiresAt > now) live[id] = s;
    return live;
  }

  private apply(share: number, validUntil: number): void {
    this.validUntil = validUntil;
    if (share === this.current) return;
    this.current = share;
    for (const listener of this.listeners) listener(share);
  }

  private warn(what: string, err: unknown): void {
    this.o.logger.warn(
      { err: err instanceof Error ? err.message : String(err) },
      `rate budget: ${what} failed`,
    );
  }
}

/** Rounded down, so that three thirds never add up to a hair over the rate. */
const floor3 = (n: number): number => Math.floor(n * 1000) / 1000;
