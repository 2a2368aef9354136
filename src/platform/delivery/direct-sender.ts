import type { Logger } from '../logger';
import type { DeliveryOptions } from './delivery-options';
import type { OutboundActivity, Reachability, RecipientKey } from './delivery.port';
import type { PersonReach } from './person-reach';
import type { Timers } from './monotonic';
import { SendError, type StoredConversationReference } from './proactive-sender.port';
import type { ReferenceCache } from './reference-cache';
import type { SendGate } from './send-gate';
import { backoffMs, classify } from './send-policy';

export interface DirectSenderDeps {
  gate: SendGate;
  refs: ReferenceCache;
  logger: Logger;
  options: DeliveryOptions;
  timers: Timers;
  /** Makes a conversation with a person who has none stored; absent in engines without a connector. */
  reach?: PersonReach;
}

/**
 * Sends that must never be written down (confidential relay text): same limiters as the outbox,
 * retries in memory, and a {@link SendError} for the caller when it finally fails.
 */
export class DirectSender {
  private readonly gate: SendGate;
  private readonly refs: ReferenceCache;
  private readonly logger: Logger;
  private readonly options: DeliveryOptions;
  private readonly timers: Timers;
  private readonly reach?: PersonReach;

  constructor(deps: DirectSenderDeps) {
    ({
      gate: this.gate,
      refs: this.refs,
      logger: this.logger,
      options: this.options,
      timers: this.timers,
      reach: this.reach,
    } = deps);
  }

  async reachable(key: RecipientKey): Promise<Reachability> {
    const record = await this.refs.get(key);
    if (record) return record.active ? { state: 'reachable', via: 'stored' } : unreachable('appRemoved');
    if (!this.reach) return unreachable('notConfigured');
    try {
      const outcome = await this.reach.reach(key, 'connector');
      if (!outcome.ok) return unreachable(outcome.reason);
      this.refs.forget(key);
      return { state: 'reachable', via: outcome.via };
    } catch (err) {
      // Throttled or an outage: no verdict now; the outbox will try again when it sends.
      this.logger.warn({ code: (err as { code?: string }).code }, 'delivery.reach_unknown');
      return { state: 'unknown' };
    }
  }

  async send(key: RecipientKey, activity: OutboundActivity): Promise<string> {
    return this.withRetries(key, async (ref) => (await this.gate.send(ref, activity)).activityId);
  }

  async update(key: RecipientKey, activityId: string, activity: OutboundActivity): Promise<void> {
    await this.withRetries(key, (ref) => this.gate.update(ref, activityId, activity));
  }

  private async withRetries<T>(
    key: RecipientKey,
    call: (ref: StoredConversationReference) => Promise<T>,
  ): Promise<T> {
    // A relay to someone who never opened the bot (say a kernteamlid): make the conversation first.
    if (!(await this.refs.get(key)) && this.reach) await this.reachable(key);
    const record = await this.refs.get(key);
    if (!record?.active) throw new SendError(404, undefined, record ? 'INACTIVE' : 'NO_REFERENCE');
    for (let attempt = 1; ; attempt++) {
      await this.gate.ready(key);
      try {
        return await call(record.reference);
      } catch (err) {
        const verdict = classify(err, this.options.defaultRetryAfterMs);
        const final = err instanceof SendError ? err : new SendError(undefined, undefined, 'UNEXPECTED');
        if (verdict.kind === 'inactive') {
          await this.refs.markInactive(key);
          throw final;
        }
        if (verdict.kind === 'failed' || attempt >= this.options.directAttempts) {
          // No recipient in the log: direct sends carry confidential contact, and who is in one is private.
          this.logger.warn({ reason: verdict.reason, attempt }, 'delivery.direct_failed');
          throw final;
        }
        // A 429 already paused the gate; other failures back off briefly, the caller is waiting.
        if (verdict.kind === 'retry')
          await this.timers.sleep(backoffMs(attempt, Math.min(500, this.options.backoffBaseMs), 5_000));
      }
    }
  }
}

const unreachable = (reason: string): Reachability => ({ state: 'unreachable', reason });
