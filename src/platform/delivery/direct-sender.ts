import type { Logger } from '../logger';
import type { DeliveryOptions } from './delivery-options';
import type { OutboundActivity, RecipientKey } from './delivery.port';
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

  constructor(deps: DirectSenderDeps) {
    ({
      gate: this.gate,
      refs: this.refs,
      logger: this.logger,
      options: this.options,
      timers: this.timers,
    } = deps);
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
