import type { WindowLimit } from './conversation-limiter';

/** Tuning for the outbox worker; every field has a default that fits Teams' published limits. */
export interface DeliveryOptions {
  /**
   * Sends per second for this instance. Teams allows about 50/s per app per tenant: with several
   * instances, give each its share (a 429 slows an instance down anyway).
   */
  ratePerSecond: number;
  /** Tokens the app limiter may save up; small, so a stall never turns into a burst. */
  burst: number;
  /** Teams' per-conversation limits (7/s and 60 per 30 s per bot per thread). */
  perConversation: WindowLimit[];
  /** Attempts for 412/5xx/network errors before an item is failed. */
  maxAttempts: number;
  /** 429s an item may meet before it is failed; Teams asks to keep retrying, so this is generous. */
  maxThrottles: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Retry-After to assume when a 429 comes without one. */
  defaultRetryAfterMs: number;
  /** How long a claim protects an item from other workers. */
  leaseMs: number;
  /** A send that takes longer counts as a network error (it may still land: see docs/delivery.md). */
  sendTimeoutMs: number;
  pollMs: number;
  /** Most items claimed per round (fewer, larger claims keep queries off the store's back). */
  batchSize: number;
  /** Sends in flight at once per worker. */
  concurrency: number;
  /** Outbox items, activities and broadcast records are kept this long for status and later updates. */
  retentionDays: number;
  /** Per-conversation waits longer than this put the item back in the store instead of holding a slot. */
  maxInlineWaitMs: number;
  /** Attempts for `sendNow`/`updateNow`, which retry in memory. */
  directAttempts: number;
  jobLeaseMs: number;
  jobPollMs: number;
  jobMaxAttempts: number;
}

export const defaultDeliveryOptions: DeliveryOptions = {
  ratePerSecond: 30,
  burst: 3,
  perConversation: [
    { max: 7, windowMs: 1_000 },
    { max: 60, windowMs: 30_000 },
  ],
  maxAttempts: 6,
  maxThrottles: 50,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  defaultRetryAfterMs: 2_000,
  leaseMs: 60_000,
  sendTimeoutMs: 20_000,
  pollMs: 1_000,
  batchSize: 250,
  concurrency: 16,
  retentionDays: 30,
  maxInlineWaitMs: 2_000,
  directAttempts: 4,
  jobLeaseMs: 5 * 60_000,
  jobPollMs: 5_000,
  jobMaxAttempts: 5,
};

export function resolveDeliveryOptions(partial: Partial<DeliveryOptions> = {}): DeliveryOptions {
  const options = { ...defaultDeliveryOptions, ...partial };
  if (partial.burst === undefined) options.burst = Math.max(1, Math.ceil(options.ratePerSecond / 10));
  if (!(options.ratePerSecond > 0)) throw new Error('delivery ratePerSecond must be positive');
  if (options.sendTimeoutMs * 2 > options.leaseMs)
    throw new Error('delivery leaseMs must be at least twice sendTimeoutMs');
  return options;
}
