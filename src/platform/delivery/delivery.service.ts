import type { Clock } from '../clock';
import type {
  BroadcastRequest,
  BroadcastStatus,
  Delivery,
  DeliveryRecipient,
  OutboundActivity,
  Reachability,
  RecipientKey,
  NotReached,
  SentMessage,
  Urgency,
} from './delivery.port';
import type { DirectSender } from './direct-sender';
import type { ItemDoc, OutboxRepository } from './outbox.repository';
import { EPOCH, inactiveReason, updateItemId, type OutboxItem } from './outbox.types';
import { SendError } from './proactive-sender.port';
import type { SendCalendarGate } from './send-calendar-gate';

const PARALLEL_WRITES = 16;

/** The outbox side of {@link Delivery}: writes work down for the worker; sends only via {@link DirectSender}. */
export class DeliveryService implements Delivery {
  constructor(
    private readonly repo: OutboxRepository,
    private readonly direct: DirectSender,
    private readonly clock: Clock,
    private readonly workAdded: () => void,
    private readonly calendar: SendCalendarGate,
    /** Whether the engine can install the app for people (Graph configured): shown in the status. */
    private readonly graphEnabled = false,
  ) {}

  async enqueue(request: BroadcastRequest): Promise<BroadcastStatus> {
    if (!request.broadcastId) throw new Error('broadcastId is required');
    const recipients = uniqueByKey(request.recipients);
    const now = this.clock.now();
    const asked = request.notBefore && request.notBefore > now ? request.notBefore : now;
    // A normal broadcast waits for the sending window; the worker checks again (and counts) at send time.
    const start = this.calendar.earliest(request.urgency, asked);
    const keepUntil = request.keepUntil?.toISOString();
    const existing = await this.repo.getBroadcast(request.broadcastId);
    // Its items are gone by design: a repeated enqueue must not send everything again.
    if (existing?.data.keepUntil && !existing.data.enqueuing && existing.data.keepUntil < now.toISOString()) {
      return (await this.status(request.broadcastId)) as BroadcastStatus;
    }
    const acts = await this.repo.saveActivities(
      request.broadcastId,
      recipients.map((r) => r.activity),
    );
    const items: OutboxItem[] = recipients.map((r) => ({
      kind: 'send',
      key: r.key,
      status: 'queued',
      act: acts.get(r.activity),
      attempts: 0,
      nextAttemptAt: start.toISOString(),
      leaseUntil: EPOCH,
      keepUntil,
      urgency: request.urgency,
    }));
    const record = {
      broadcastId: request.broadcastId,
      purpose: request.purpose,
      createdBy: request.createdBy,
      total: recipients.length,
      createdAt: now.toISOString(),
      notBefore: request.notBefore?.toISOString(),
      active: true,
      generation: 1,
      keepUntil,
    };
    // The record goes first, marked `enqueuing`, so the worker sends while the rest is written and
    // does not retire the broadcast in between. Enqueueing the same id again completes a crashed one.
    if (!existing) await this.repo.activate({ ...record, enqueuing: true });
    const created = await this.repo.createItems(request.broadcastId, items, (i) => i.key, this.workAdded);
    if (!existing || existing.data.enqueuing || created > 0) {
      await this.repo.activate(record);
      this.workAdded();
    }
    return (await this.status(request.broadcastId)) as BroadcastStatus;
  }

  async enqueueUpdate(
    broadcastId: string,
    updateId: string,
    activityFor: (key: RecipientKey) => OutboundActivity | undefined,
    options: { keepUntil?: Date } = {},
  ): Promise<void> {
    const broadcast = await this.repo.getBroadcast(broadcastId);
    if (!broadcast) throw new Error(`Unknown broadcast ${broadcastId}`);
    const keepUntil = options.keepUntil?.toISOString() ?? broadcast.data.keepUntil;
    const sends = await this.repo.itemsOfKind(broadcastId, 'send');
    const wanted = new Map<ItemDoc, OutboundActivity>();
    for (const doc of sends) {
      const activity = activityFor(doc.data.key);
      if (activity && doc.data.status !== 'inactive') wanted.set(doc, activity);
    }
    const acts = await this.repo.saveActivities(broadcastId, [...wanted.values()]);
    const edits: OutboxItem[] = [];
    await inParallel([...wanted], async ([doc, activity]) => {
      const act = acts.get(activity) as string;
      if (await this.pointAt(doc, act, keepUntil))
        edits.push(editItem(doc.data.key, updateId, this.clock.now(), keepUntil));
    });
    await this.repo.createItems(broadcastId, edits, (i) => updateItemId(updateId, i.key));
    await this.reactivate(broadcastId, keepUntil);
  }

  async retryFailed(broadcastId: string): Promise<number> {
    const failed = await this.repo.itemsWithStatus(broadcastId, 'send', 'failed');
    let requeued = 0;
    const nextAttemptAt = this.clock.now().toISOString();
    await inParallel(failed, async (doc) => {
      const data: OutboxItem = {
        ...doc.data,
        status: 'queued',
        attempts: 0,
        nextAttemptAt,
        doneAt: undefined,
      };
      if (await this.repo.replaceItem(doc, data)) requeued += 1;
    });
    if (requeued) await this.reactivate(broadcastId);
    return requeued;
  }

  async status(broadcastId: string): Promise<BroadcastStatus | undefined> {
    const doc = await this.repo.getBroadcast(broadcastId);
    if (!doc) return undefined;
    const [queued, sent, failed, inactive] = await Promise.all(
      (['queued', 'sent', 'failed', 'inactive'] as const).map((s) =>
        this.repo.countItems(broadcastId, s, 'send'),
      ),
    );
    const b = doc.data;
    // Short-lived items already removed (see `keepUntil`): the counts written when it finished.
    const retired = queued + sent + failed + inactive === 0 && b.counts;
    const { reach: keptReach, ...kept } = b.counts ?? {};
    const counts = retired
      ? { queued, sent: 0, failed: 0, inactive: 0, ...kept }
      : { queued, sent, failed, inactive };
    const reach = retired
      ? keptReach
      : sent + inactive > 0
        ? await this.repo.reachCounts(broadcastId, sent)
        : undefined;
    return {
      broadcastId,
      purpose: b.purpose,
      createdBy: b.createdBy,
      // The intended number: if an enqueue died half-way and was never repeated, the shortfall shows.
      total: Math.max(b.total, counts.queued + counts.sent + counts.failed + counts.inactive),
      ...counts,
      createdAt: b.createdAt,
      finishedAt: queued === 0 ? b.finishedAt : undefined,
      keepUntil: b.keepUntil,
      ...(reach ? { reach: { ...reach, graph: this.graphEnabled } } : {}),
    };
  }

  async notReached(broadcastId: string): Promise<NotReached[]> {
    const [inactive, failed] = await Promise.all([
      this.repo.itemsWithStatus(broadcastId, 'send', 'inactive'),
      this.repo.itemsWithStatus(broadcastId, 'send', 'failed'),
    ]);
    const graph = this.graphEnabled;
    return [
      ...inactive.map((d) => ({ key: d.data.key, reason: inactiveReason(d.data), graph })),
      ...failed.map((d) => ({ key: d.data.key, reason: 'sendFailed', graph })),
    ];
  }

  async sentMessages(broadcastId: string): Promise<SentMessage[]> {
    const sent = await this.repo.itemsWithStatus(broadcastId, 'send', 'sent');
    return sent.flatMap((d) =>
      d.data.activityId ? [{ key: d.data.key, activityId: d.data.activityId }] : [],
    );
  }

  async sendNow(key: RecipientKey, activity: OutboundActivity, urgency: Urgency): Promise<string> {
    const now = this.clock.now();
    if (await this.calendar.admit(key, urgency, now))
      throw new SendError(undefined, undefined, 'CALENDAR_HELD');
    try {
      return await this.direct.send(key, activity);
    } catch (err) {
      await this.calendar.refund(key, urgency, now);
      throw err;
    }
  }

  updateNow(key: RecipientKey, activityId: string, activity: OutboundActivity): Promise<void> {
    return this.direct.update(key, activityId, activity);
  }

  reachable(key: RecipientKey): Promise<Reachability> {
    return this.direct.reachable(key);
  }

  forget(broadcastId: string): Promise<number> {
    return this.repo.deleteBroadcast(broadcastId);
  }

  /**
   * Points a send item at new content. Returns whether a delivered (or being-delivered) copy must
   * be edited; a copy not yet sent simply goes out with the new content.
   */
  private async pointAt(start: ItemDoc, act: string, keepUntil: string | undefined): Promise<boolean> {
    let doc: ItemDoc | undefined = start;
    while (doc) {
      const d: OutboxItem = doc.data;
      const inFlight = d.status === 'queued' && d.leaseUntil > this.clock.now().toISOString();
      const needsEdit = d.status === 'sent' || inFlight;
      if (d.act === act && d.keepUntil === keepUntil) return needsEdit && d.sentAct !== act;
      if (await this.repo.replaceItem(doc, { ...d, act, keepUntil })) return needsEdit && d.sentAct !== act;
      doc = await this.repo.getItem(start.pk, start.id);
    }
    return false;
  }

  private async reactivate(broadcastId: string, keepUntil?: string): Promise<void> {
    const doc = await this.repo.getBroadcast(broadcastId);
    if (!doc) throw new Error(`Unknown broadcast ${broadcastId}`);
    await this.repo.activate({ ...doc.data, keepUntil: keepUntil ?? doc.data.keepUntil });
    this.workAdded();
  }
}

function uniqueByKey(recipients: DeliveryRecipient[]): DeliveryRecipient[] {
  const seen = new Map<RecipientKey, DeliveryRecipient>();
  for (const r of recipients) if (!seen.has(r.key)) seen.set(r.key, r);
  return [...seen.values()];
}

function editItem(key: RecipientKey, updateId: string, now: Date, keepUntil: string | undefined): OutboxItem {
  const at = now.toISOString();
  return {
    kind: 'update',
    key,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: at,
    leaseUntil: EPOCH,
    updateId,
    keepUntil,
  };
}

async function inParallel<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += PARALLEL_WRITES) {
    await Promise.all(items.slice(i, i + PARALLEL_WRITES).map(task));
  }
}
