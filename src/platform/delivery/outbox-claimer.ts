import { randomUUID } from 'node:crypto';
import type { StoredDocument } from '../../storage/document-store.port';
import type { Clock } from '../clock';
import type { ItemDoc, OutboxRepository } from './outbox.repository';
import { EPOCH, type BroadcastDoc, type OutboxItem } from './outbox.types';

/** An item this worker holds the lease on; `token` proves it is still ours when we write back. */
export interface Claimed {
  doc: ItemDoc;
  token: string;
  /** Local 429 count; it resets on restart, which is fine for a generous bound. */
  throttles: number;
}

const CLAIM_CONCURRENCY = 16;
/** An enqueue of 12,000 takes seconds; one still "running" after this died and was not repeated. */
const STALE_ENQUEUE_MS = 15 * 60_000;

/**
 * Finds due items in active broadcasts and leases them with an etag-checked replace, so two
 * instances never both hold one item. Broadcasts take turns, so a big one does not starve a small one.
 */
export class OutboxClaimer {
  private turn = 0;
  /** Active broadcasts that had nothing due at the last look: candidates to retire. */
  private quiet: StoredDocument<BroadcastDoc>[] = [];

  constructor(
    private readonly repo: OutboxRepository,
    private readonly clock: Clock,
    private readonly leaseMs: number,
  ) {}

  /** Claims up to `limit` due items, handing each leased chunk to `take` as soon as it is ours. */
  async claim(limit: number, take: (items: Claimed[]) => Promise<void>): Promise<number> {
    const broadcasts = await this.repo.activeBroadcasts();
    const nowIso = this.clock.now().toISOString();
    const start = this.turn++ % Math.max(1, broadcasts.length);
    const ordered = [...broadcasts.slice(start), ...broadcasts.slice(0, start)];
    let claimed = 0;
    const quiet: StoredDocument<BroadcastDoc>[] = [];
    for (const broadcast of ordered) {
      if (claimed >= limit) break;
      const due = await this.repo.dueItems(broadcast.id, nowIso, limit - claimed);
      if (!due.length) quiet.push(broadcast);
      for (let i = 0; i < due.length; i += CLAIM_CONCURRENCY) {
        const leased = await Promise.all(due.slice(i, i + CLAIM_CONCURRENCY).map((doc) => this.lease(doc)));
        const ours = leased.filter((c): c is Claimed => c !== undefined);
        claimed += ours.length;
        await take(ours);
      }
    }
    this.quiet = quiet;
    return claimed;
  }

  /** Extends a lease that is running short (a long wait for a rate-limit slot); false if lost. */
  renew(item: Claimed): Promise<boolean> {
    const leaseUntil = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    return this.rewrite(item, (data) => ({ ...data, leaseUntil }));
  }

  /** Hands an unsent item back (on stop, or to wait in the store instead of in memory). */
  async release(item: Claimed, nextAttemptAt?: Date): Promise<void> {
    await this.rewrite(item, (data) => ({
      ...data,
      leaseUntil: EPOCH,
      leaseToken: undefined,
      nextAttemptAt: nextAttemptAt?.toISOString() ?? data.nextAttemptAt,
    }));
  }

  /**
   * Writes to an item we hold. Our own writes may cross (a lease renewal and a send's outcome, or an
   * update swapping its content), so a stale etag is retried on the fresh copy as long as the lease
   * token is still ours; false once someone else has it.
   */
  async rewrite(item: Claimed, change: (data: OutboxItem) => OutboxItem): Promise<boolean> {
    let current: ItemDoc | undefined = item.doc;
    while (current?.data.leaseToken === item.token) {
      const saved = await this.repo.replaceItem(current, change(current.data));
      if (saved) {
        item.doc = saved;
        return true;
      }
      current = await this.repo.getItem(item.doc.pk, item.doc.id);
    }
    return false;
  }

  /**
   * Retires quiet broadcasts that have nothing queued (leased items elsewhere count as queued).
   * `busy` says which broadcasts still have items in this worker's hands.
   */
  async retireQuiet(busy: Set<string>): Promise<string[]> {
    const retired: string[] = [];
    const staleBefore = new Date(this.clock.now().getTime() - STALE_ENQUEUE_MS).toISOString();
    for (const broadcast of this.quiet) {
      if (busy.has(broadcast.id)) continue;
      // Still being written (unless the writer evidently died long ago).
      if (broadcast.data.enqueuing && broadcast.data.createdAt > staleBefore) continue;
      if ((await this.repo.countItems(broadcast.id, 'queued')) > 0) continue;
      const finishedAt = (await this.repo.lastDoneAt(broadcast.id)) ?? this.clock.now().toISOString();
      const [sent, failed, inactive] = await Promise.all(
        (['sent', 'failed', 'inactive'] as const).map((s) => this.repo.countItems(broadcast.id, s, 'send')),
      );
      // Kept beside the counts: the sender's status still says how people were reached once the
      // per-person items are gone (short-lived audiences such as a network's members).
      const reach = sent + inactive > 0 ? await this.repo.reachCounts(broadcast.id, sent) : undefined;
      // The etag from the claim round: if work was added since, this fails and the broadcast stays.
      if (await this.repo.retire(broadcast, finishedAt, { sent, failed, inactive, reach }))
        retired.push(broadcast.id);
    }
    this.quiet = [];
    return retired;
  }

  private async lease(doc: ItemDoc): Promise<Claimed | undefined> {
    const token = randomUUID();
    const leaseUntil = new Date(this.clock.now().getTime() + this.leaseMs).toISOString();
    const saved = await this.repo.replaceItem(doc, { ...doc.data, leaseToken: token, leaseUntil });
    return saved ? { doc: saved, token, throttles: 0 } : undefined;
  }
}
