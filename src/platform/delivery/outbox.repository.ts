import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import {
  containers,
  type DocumentStore,
  type NewDocument,
  type StoredDocument,
} from '../../storage/document-store.port';
import { isConcurrencyError, isConflictError, isNotFoundError } from '../../storage/store-errors';
import type { ItemStatus, OutboundActivity } from './delivery.port';
import {
  activityDocId,
  EPOCH,
  inactiveReason,
  type ActivityDoc,
  type BroadcastDoc,
  type OutboxItem,
  type StoredReachCounts,
} from './outbox.types';

const FIRST_CHUNK = 100;
const PARALLEL_CREATES = 16;
const WRITE_CHUNK = 1000;
const BROADCAST_PK = 'broadcast';
/** How long after `keepUntil` a short-lived item stays, so late status reads and updates still find it. */
const KEEP_GRACE_SECONDS = 86_400;

export type ItemDoc = StoredDocument<OutboxItem>;

/** Typed access to the `outbox` and `broadcasts` containers; no delivery decisions here. */
export class OutboxRepository {
  constructor(
    private readonly store: DocumentStore,
    private readonly retentionSeconds: number,
    private readonly clock: Clock,
  ) {}

  /**
   * Items live for the retention after their last write, unless the broadcast asked for `keepUntil`:
   * then a settled item goes a day after that. A queued one keeps the full retention, so an outage
   * of the worker cannot make an unsent message vanish.
   */
  itemTtl(item: OutboxItem): number {
    if (!item.keepUntil || item.status === 'queued') return this.retentionSeconds;
    return this.secondsUntil(item.keepUntil) + KEEP_GRACE_SECONDS;
  }

  /** The record outlives its items: it is what a status read finds once they are gone. */
  private broadcastTtl(data: BroadcastDoc): number {
    return data.keepUntil
      ? Math.max(this.retentionSeconds, this.secondsUntil(data.keepUntil) + KEEP_GRACE_SECONDS)
      : this.retentionSeconds;
  }

  private secondsUntil(iso: string): number {
    return Math.max(0, Math.ceil((Date.parse(iso) - this.clock.now().getTime()) / 1000));
  }

  /** Stores each distinct activity once and returns the id to reference it by. */
  async saveActivities(
    broadcastId: string,
    activities: OutboundActivity[],
  ): Promise<Map<OutboundActivity, string>> {
    const ids = new Map<OutboundActivity, string>();
    const docs = new Map<string, NewDocument<ActivityDoc>>();
    for (const activity of activities) {
      if (ids.has(activity)) continue;
      const id = activityDocId(
        createHash('sha256').update(JSON.stringify(activity)).digest('hex').slice(0, 32),
      );
      ids.set(activity, id);
      // Outlives the items that point at it, which are rewritten (and so kept) for longer.
      docs.set(id, { pk: broadcastId, id, data: { activity }, ttlSeconds: this.retentionSeconds * 2 });
    }
    await this.createMany([...docs.values()]);
    return ids;
  }

  async activity(broadcastId: string, id: string): Promise<OutboundActivity | undefined> {
    return (await this.store.get<ActivityDoc>(containers.outbox, broadcastId, id))?.data.activity;
  }

  /** Batched creates; `landed` runs after each batch (the worker can start on the first one). */
  async createItems(
    broadcastId: string,
    items: OutboxItem[],
    ids: (item: OutboxItem) => string,
    landed: () => void = () => undefined,
  ): Promise<number> {
    const docs = items.map((data) => ({
      pk: broadcastId,
      id: ids(data),
      data,
      ttlSeconds: this.itemTtl(data),
    }));
    return this.createMany(docs, landed);
  }

  getItem(broadcastId: string, id: string): Promise<ItemDoc | undefined> {
    return this.store.get<OutboxItem>(containers.outbox, broadcastId, id);
  }

  /** Replaces with the etag check; undefined when someone else changed or removed it first. */
  async replaceItem(doc: ItemDoc, data: OutboxItem): Promise<ItemDoc | undefined> {
    try {
      return await this.store.replace(
        containers.outbox,
        { pk: doc.pk, id: doc.id, data, ttlSeconds: this.itemTtl(data) },
        doc.etag,
      );
    } catch (err) {
      if (isConcurrencyError(err) || isNotFoundError(err)) return undefined;
      throw err;
    }
  }

  /**
   * Queued items whose time has come and whose lease (if any) ran out. No ORDER BY on purpose: items
   * of one broadcast share a due time, and id order is what both stores read cheapest.
   */
  dueItems(broadcastId: string, now: string, limit: number): Promise<ItemDoc[]> {
    return this.store.query<OutboxItem>(containers.outbox, {
      pk: broadcastId,
      where: [
        { field: 'status', op: '=', value: 'queued' },
        { field: 'nextAttemptAt', op: '<=', value: now },
        { field: 'leaseUntil', op: '<=', value: now },
      ],
      limit,
    });
  }

  itemsOfKind(broadcastId: string, kind: OutboxItem['kind']): Promise<ItemDoc[]> {
    return this.store.query<OutboxItem>(containers.outbox, {
      pk: broadcastId,
      where: [{ field: 'kind', op: '=', value: kind }],
    });
  }

  itemsWithStatus(broadcastId: string, kind: OutboxItem['kind'], status: ItemStatus): Promise<ItemDoc[]> {
    return this.store.query<OutboxItem>(containers.outbox, {
      pk: broadcastId,
      where: [
        { field: 'kind', op: '=', value: kind },
        { field: 'status', op: '=', value: status },
      ],
    });
  }

  /** Sent copies whose recipient was reached this way. */
  countSentVia(broadcastId: string, via: NonNullable<OutboxItem['via']>): Promise<number> {
    return this.store.count(containers.outbox, {
      pk: broadcastId,
      where: [
        { field: 'kind', op: '=', value: 'send' },
        { field: 'status', op: '=', value: 'sent' },
        { field: 'via', op: '=', value: via },
      ],
    });
  }

  /** How the sent copies found their people and why the inactive ones did not (see `ReachCounts`). */
  async reachCounts(broadcastId: string, sent: number): Promise<StoredReachCounts> {
    const [createConversation, install, inactive] = await Promise.all([
      this.countSentVia(broadcastId, 'createConversation'),
      this.countSentVia(broadcastId, 'install'),
      this.itemsWithStatus(broadcastId, 'send', 'inactive'),
    ]);
    const unreachable: Record<string, number> = {};
    for (const doc of inactive) {
      const reason = inactiveReason(doc.data);
      unreachable[reason] = (unreachable[reason] ?? 0) + 1;
    }
    return { stored: sent - createConversation - install, createConversation, install, unreachable };
  }

  countItems(broadcastId: string, status: ItemStatus, kind?: OutboxItem['kind']): Promise<number> {
    return this.store.count(containers.outbox, {
      pk: broadcastId,
      where: [
        { field: 'status', op: '=', value: status },
        ...(kind ? [{ field: 'kind', op: '=' as const, value: kind }] : []),
      ],
    });
  }

  async lastDoneAt(broadcastId: string): Promise<string | undefined> {
    const [last] = await this.store.query<OutboxItem>(containers.outbox, {
      pk: broadcastId,
      where: [{ field: 'doneAt', op: '>', value: EPOCH }],
      orderBy: [{ field: 'doneAt', direction: 'desc' }],
      limit: 1,
    });
    return last?.data.doneAt;
  }

  getBroadcast(broadcastId: string): Promise<StoredDocument<BroadcastDoc> | undefined> {
    return this.store.get<BroadcastDoc>(containers.broadcasts, BROADCAST_PK, broadcastId);
  }

  activeBroadcasts(limit = 200): Promise<StoredDocument<BroadcastDoc>[]> {
    return this.store.query<BroadcastDoc>(containers.broadcasts, {
      pk: BROADCAST_PK,
      where: [{ field: 'active', op: '=', value: true }],
      limit,
    });
  }

  /** Creates the broadcast record, or marks it active again (new work) with a bumped generation. */
  async activate(data: BroadcastDoc): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const current = await this.getBroadcast(data.broadcastId);
      try {
        if (!current) {
          await this.store.create(containers.broadcasts, {
            pk: BROADCAST_PK,
            id: data.broadcastId,
            data,
            ttlSeconds: this.broadcastTtl(data),
          });
        } else {
          const next: BroadcastDoc = {
            ...current.data,
            active: true,
            enqueuing: data.enqueuing && current.data.enqueuing,
            generation: current.data.generation + 1,
            finishedAt: undefined,
            keepUntil: data.keepUntil ?? current.data.keepUntil,
          };
          await this.store.replace(
            containers.broadcasts,
            { pk: BROADCAST_PK, id: data.broadcastId, data: next, ttlSeconds: this.broadcastTtl(next) },
            current.etag,
          );
        }
        return;
      } catch (err) {
        const lostRace = isConcurrencyError(err) || (err as { code?: string }).code === 'STORE.CONFLICT';
        if (!lostRace) throw err;
      }
    }
    throw new Error(`Could not activate broadcast ${data.broadcastId}`);
  }

  /** Deletes every document of a broadcast (items, edits, activities) and then its record. */
  async deleteBroadcast(broadcastId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const docs = await this.store.query(containers.outbox, { pk: broadcastId, limit: 500 });
      if (!docs.length) break;
      for (const doc of docs) if (await this.store.delete(containers.outbox, doc.pk, doc.id)) deleted++;
    }
    if (await this.store.delete(containers.broadcasts, BROADCAST_PK, broadcastId)) deleted++;
    return deleted;
  }

  /** Retires a broadcast with nothing queued; false when new work arrived since `doc` was read. */
  async retire(
    doc: StoredDocument<BroadcastDoc>,
    finishedAt: string,
    counts: BroadcastDoc['counts'],
  ): Promise<boolean> {
    try {
      const data = { ...doc.data, active: false, finishedAt, counts };
      await this.store.replace(
        containers.broadcasts,
        { pk: doc.pk, id: doc.id, data, ttlSeconds: this.broadcastTtl(data) },
        doc.etag,
      );
      return true;
    } catch (err) {
      if (isConcurrencyError(err) || isNotFoundError(err)) return false;
      throw err;
    }
  }

  private async createMany<T>(docs: NewDocument<T>[], landed: () => void = () => undefined): Promise<number> {
    // The first few go one by one, in parallel: a bulk call has a fixed cost (about a second on
    // Cosmos), and these get the first messages out while the bulk batches are still being written.
    let created = await this.createEach(docs.slice(0, FIRST_CHUNK));
    landed();
    for (let i = FIRST_CHUNK; i < docs.length; i += WRITE_CHUNK) {
      created += (await this.store.createMany(containers.outbox, docs.slice(i, i + WRITE_CHUNK))).created;
      landed();
    }
    return created;
  }

  private async createEach<T>(docs: NewDocument<T>[]): Promise<number> {
    let created = 0;
    for (let i = 0; i < docs.length; i += PARALLEL_CREATES) {
      const results = await Promise.all(
        docs.slice(i, i + PARALLEL_CREATES).map((doc) =>
          this.store.create(containers.outbox, doc).then(
            () => 1,
            (err: unknown) => {
              if (isConflictError(err)) return 0;
              throw err;
            },
          ),
        ),
      );
      created += results.reduce((a, b) => a + b, 0);
    }
    return created;
  }
}
