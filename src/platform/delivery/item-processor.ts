import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DeliveryOptions } from './delivery-options';
import type { OutboundActivity } from './delivery.port';
import { monotonicNow } from './monotonic';
import type { Claimed, OutboxClaimer } from './outbox-claimer';
import type { ItemDoc, OutboxRepository } from './outbox.repository';
import { EPOCH, type OutboxItem } from './outbox.types';
import type { PersonReach } from './person-reach';
import type { ReferenceCache } from './reference-cache';
import type { SendCalendarGate } from './send-calendar-gate';
import type { SendGate } from './send-gate';
import { backoffMs, classify } from './send-policy';
import { emptyStats } from './worker-stats';

type Outcome = Partial<OutboxItem>;

/**
 * What the worker does with an item once processed: nothing more (its outcome is stored, or it went
 * back to the store), or queue it again here (a 429: it keeps its place and its lease).
 */
export type ProcessOutcome = 'done' | 'requeue';

export interface ItemProcessorDeps {
  repo: OutboxRepository;
  claimer: OutboxClaimer;
  gate: SendGate;
  refs: ReferenceCache;
  clock: Clock;
  logger: Logger;
  options: DeliveryOptions;
  /** Gets a conversation for a person with none stored; without it such a person is `NO_REFERENCE`. */
  reach?: PersonReach;
  /** The organisation's sending window and per-person caps for normal messages. */
  calendar: SendCalendarGate;
}

/** Sends (or edits) one claimed item and records what happened; never throws. */
export class ItemProcessor {
  readonly stats = emptyStats();
  private readonly activities = new Map<string, OutboundActivity>();
  /** Items whose recipient this worker reached but has not yet sent to (kept across a requeue). */
  private readonly reachedBy = new Map<string, 'createConversation' | 'install'>();
  private readonly repo: OutboxRepository;
  private readonly claimer: OutboxClaimer;
  private readonly gate: SendGate;
  private readonly refs: ReferenceCache;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly options: DeliveryOptions;
  private readonly reach?: PersonReach;
  private readonly calendar: SendCalendarGate;

  constructor(deps: ItemProcessorDeps) {
    ({
      repo: this.repo,
      claimer: this.claimer,
      gate: this.gate,
      refs: this.refs,
      clock: this.clock,
      logger: this.logger,
      options: this.options,
      calendar: this.calendar,
    } = deps);
    this.reach = deps.reach;
  }

  async process(item: Claimed): Promise<ProcessOutcome> {
    try {
      if (item.doc.data.kind === 'update') await this.processUpdate(item);
      else await this.processSend(item);
      return 'done';
    } catch (err) {
      return this.failed(item, err).catch((e: unknown) => {
        this.logger.error({ err: e, ...logRef(item) }, 'delivery.record_failed');
        return 'done' as const;
      });
    }
  }

  private async processSend(item: Claimed): Promise<void> {
    const { data, pk } = item.doc;
    const record = await this.refs.get(data.key);
    const activity = data.act ? await this.activity(pk, data.act) : undefined;
    if (!activity) return void (await this.finish(item, 'failed', { lastError: 'NO_ACTIVITY' }));
    if (record && !record.active) {
      const unreachable = data.key.startsWith('user:') ? 'appRemoved' : undefined;
      return void (await this.finish(item, 'inactive', { lastError: 'INACTIVE', unreachable }));
    }
    // Outside the sending window a normal item goes back to the store until it opens (no app install at night).
    const opensAt = this.calendar.earliest(data.urgency, this.clock.now());
    if (opensAt > this.clock.now()) return this.claimer.release(item, opensAt);
    let reference = record?.reference;
    // Reached on an earlier try of this item (the send then met a 429 or a 5xx): still that way.
    let via: OutboxItem['via'] = this.reachedBy.get(itemKey(item)) ?? 'stored';
    if (!reference) {
      if (!this.reach || !data.key.startsWith('user:')) {
        return void (await this.finish(item, 'inactive', { lastError: 'NO_REFERENCE' }));
      }
      // Throws for what may pass (Graph throttled beyond its retries, connector 429/5xx): handled as a failed send.
      const reached = await this.reach.reach(data.key);
      if (!reached.ok) {
        this.stats.unreachable += 1;
        const { reason, detail } = reached;
        this.logger.info({ ...logRef(item), reason, detail }, 'delivery.recipient_unreachable');
        return void (await this.finish(item, 'inactive', {
          lastError: `UNREACHABLE:${reason}`,
          unreachable: reason,
        }));
      }
      this.refs.forget(data.key);
      reference = reached.reference;
      via = reached.via;
      if (this.reachedBy.size > 10_000) this.reachedBy.clear();
      this.reachedBy.set(itemKey(item), via);
      if (via === 'install') this.stats.installed += 1;
      else this.stats.opened += 1;
    }
    // Counted before the app token is taken: a store round trip between the token and the request would
    // let sends reach Teams in bunches (a slow write holds some, a fast one not), and bunches draw 429s.
    const admittedAt = this.clock.now();
    const retryAt = await this.calendar.admit(data.key, data.urgency, admittedAt);
    if (retryAt) return this.claimer.release(item, retryAt);
    if (!(await this.readyToSend(item))) return this.calendar.refund(data.key, data.urgency, admittedAt);
    const { activityId } = await this.gate.send(reference, activity).catch(async (err: unknown) => {
      await this.calendar.refund(data.key, data.urgency, admittedAt);
      throw err;
    });
    // Real time on purpose (not Timers): it measures the store's side of the duplicate window.
    const answeredAt = monotonicNow();
    this.reachedBy.delete(itemKey(item));
    const outcome: Outcome = {
      activityId,
      sentAct: data.act,
      lastError: undefined,
      via,
      unreachable: undefined,
    };
    if (await this.finish(item, 'sent', outcome)) {
      this.stats.sent += 1;
      this.noteRecordTime(monotonicNow() - answeredAt);
    }
  }

  /** Brings a delivered copy up to the content its send item now points at. */
  private async processUpdate(item: Claimed): Promise<void> {
    const { data, pk } = item.doc;
    const target = await this.repo.getItem(pk, data.key);
    const t = target?.data;
    if (!target || !t) return void (await this.finish(item, 'failed', { lastError: 'NO_TARGET' }));
    if (t.status === 'queued') {
      // Being sent right now (maybe with the old content): look again when that is settled.
      if (t.leaseUntil > this.clock.now().toISOString()) return this.claimer.release(item, this.later(2_000));
      return void (await this.finish(item, 'sent', { lastError: 'SUPERSEDED' }));
    }
    if (t.status !== 'sent' || !t.activityId)
      return void (await this.finish(item, t.status === 'inactive' ? 'inactive' : 'failed', {
        lastError: `TARGET_${t.status.toUpperCase()}`,
      }));
    if (t.sentAct === t.act || !t.act)
      return void (await this.finish(item, 'sent', { lastError: 'UNCHANGED' }));
    const record = await this.refs.get(data.key);
    if (!record?.active) return void (await this.finish(item, 'inactive', { lastError: 'INACTIVE' }));
    const activity = await this.activity(pk, t.act);
    if (!activity) return void (await this.finish(item, 'failed', { lastError: 'NO_ACTIVITY' }));
    if (!(await this.readyToSend(item))) return;
    await this.gate.update(record.reference, t.activityId, activity);
    await this.markShown(target, t.act);
    if (await this.finish(item, 'sent', { lastError: undefined })) this.stats.updated += 1;
  }

  /** Waits for the limiters, then makes sure the lease will outlast the send. */
  private async readyToSend(item: Claimed): Promise<boolean> {
    const wait = this.gate.conversationWait(item.doc.data.key);
    if (wait > this.options.maxInlineWaitMs) {
      await this.claimer.release(item, this.later(wait));
      return false;
    }
    await this.gate.ready(item.doc.data.key);
    const left = new Date(item.doc.data.leaseUntil).getTime() - this.clock.now().getTime();
    if (left > this.options.sendTimeoutMs * 1.25) return true;
    if (await this.claimer.renew(item)) return true;
    this.stats.leaseLost += 1;
    this.logger.warn(logRef(item), 'delivery.lease_lost_before_send');
    return false;
  }

  private async failed(item: Claimed, err: unknown): Promise<ProcessOutcome> {
    const verdict = classify(err, this.options.defaultRetryAfterMs);
    const log = { ...logRef(item), reason: verdict.reason };
    if (verdict.kind === 'throttled') {
      this.stats.throttled += 1;
      // The gate has already paused every sender; this item simply waits its turn again.
      if (++item.throttles < this.options.maxThrottles) return 'requeue';
      await this.finish(item, 'failed', { lastError: verdict.reason });
    } else if (verdict.kind === 'retry') {
      const attempts = item.doc.data.attempts + 1;
      if (attempts >= this.options.maxAttempts) {
        this.logger.warn(log, 'delivery.failed_after_retries');
        await this.finish(item, 'failed', { attempts, lastError: verdict.reason });
      } else {
        this.stats.retried += 1;
        const delay = backoffMs(attempts, this.options.backoffBaseMs, this.options.backoffMaxMs);
        await this.settle(item, {
          attempts,
          lastError: verdict.reason,
          nextAttemptAt: this.later(delay).toISOString(),
        });
      }
    } else if (verdict.kind === 'inactive') {
      this.logger.info(log, 'delivery.recipient_inactive');
      await this.refs.markInactive(item.doc.data.key);
      await this.finish(item, 'inactive', { lastError: verdict.reason });
    } else {
      this.logger.warn(log, 'delivery.failed');
      await this.finish(item, 'failed', { lastError: verdict.reason });
    }
    return 'done';
  }

  private async finish(
    item: Claimed,
    status: 'sent' | 'failed' | 'inactive',
    outcome: Outcome,
  ): Promise<boolean> {
    if (status === 'failed') this.stats.failed += 1;
    if (status === 'inactive') this.stats.inactive += 1;
    return this.settle(item, { ...outcome, status, doneAt: this.clock.now().toISOString() });
  }

  /**
   * Writes the outcome and drops the lease (merged into the fresh copy if it changed meanwhile). If
   * another worker holds the item now, it may be sent twice: count that.
   */
  private async settle(item: Claimed, outcome: Outcome): Promise<boolean> {
    if (
      await this.claimer.rewrite(item, (data) => ({
        ...data,
        ...outcome,
        leaseUntil: EPOCH,
        leaseToken: undefined,
      }))
    )
      return true;
    this.stats.leaseLost += 1;
    this.logger.warn(logRef(item), 'delivery.lease_lost');
    return false;
  }

  private async markShown(target: ItemDoc, act: string): Promise<void> {
    let current: ItemDoc | undefined = target;
    for (let i = 0; current && i < 10; i++) {
      if (await this.repo.replaceItem(current, { ...current.data, sentAct: act })) return;
      current = await this.repo.getItem(target.pk, target.id);
    }
  }

  private async activity(broadcastId: string, id: string): Promise<OutboundActivity | undefined> {
    const cacheKey = `${broadcastId}/${id}`;
    const cached = this.activities.get(cacheKey);
    if (cached) return cached;
    const activity = await this.repo.activity(broadcastId, id);
    if (activity) {
      if (this.activities.size > 500) this.activities.clear();
      this.activities.set(cacheKey, activity);
    }
    return activity;
  }

  private noteRecordTime(ms: number): void {
    this.stats.recordMsTotal += ms;
    this.stats.recordMsMax = Math.max(this.stats.recordMsMax, ms);
  }

  private later(ms: number): Date {
    return new Date(this.clock.now().getTime() + ms);
  }
}

const itemKey = (item: Claimed) => `${item.doc.pk}/${item.doc.id}`;

/**
 * What a log line may say about an item: its broadcast and kind of recipient, never who. A person's
 * id next to a network's broadcast id would put network membership in the logs; the outbox item
 * itself keeps who failed and why.
 */
function logRef(item: Claimed): { broadcastId: string; kind: string; recipient: string } {
  return {
    broadcastId: item.doc.pk,
    kind: item.doc.data.kind,
    recipient: item.doc.data.key.startsWith('user:') ? 'user' : 'channel',
  };
}
