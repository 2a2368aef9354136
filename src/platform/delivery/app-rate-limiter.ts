import { monotonicNow, sleep } from './monotonic';

export interface AppRateLimiterOptions {
  ratePerSecond: number;
  burst: number;
  /** Never slow down below this, however many 429s arrive. */
  minRatePerSecond?: number;
  /** Share of the configured rate won back per second of successful sends after a slow-down. */
  recoveryPerSecond?: number;
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  /** Called on every token asked for: the shared budget (rate-budget.ts) learns that this instance sends. */
  onDemand?: () => void;
}

/** How long a sender waits before asking again while this instance holds no share of the rate. */
const NO_SHARE_WAIT_MS = 100;

/**
 * One token bucket for everything this instance sends to Teams.
 *
 * @remarks A 429 means the app as a whole is over Teams' quota (other instances share it), so it
 * pauses every sender until Retry-After has passed and halves the rate; the rate then creeps back
 * (additive increase) while sends succeed. That converges when several instances share one quota.
 */
export class AppRateLimiter {
  private base: number;
  private readonly configured: number;
  private readonly configuredBurst: number;
  private burst: number;
  private readonly min: number;
  private readonly recovery: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly onDemand: () => void;
  private current: number;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private lastDecreaseAt = -Infinity;
  private throttleCount = 0;

  constructor(options: AppRateLimiterOptions) {
    this.base = options.ratePerSecond;
    this.current = options.ratePerSecond;
    this.configured = options.ratePerSecond;
    this.configuredBurst = Math.max(1, options.burst);
    this.burst = this.configuredBurst;
    this.min = options.minRatePerSecond ?? Math.max(0.5, options.ratePerSecond / 20);
    this.recovery = options.recoveryPerSecond ?? 0.05;
    this.now = options.now ?? monotonicNow;
    this.wait = options.wait ?? sleep;
    this.onDemand = options.onDemand ?? (() => undefined);
    this.tokens = 1;
    this.last = this.now();
  }

  get ratePerSecond(): number {
    return this.current;
  }

  get throttles(): number {
    return this.throttleCount;
  }

  async acquire(): Promise<void> {
    for (;;) {
      const waitMs = this.tryTake();
      if (waitMs <= 0) return;
      await this.wait(waitMs);
    }
  }

  /** Takes a token now (returns 0) or says how long to wait before asking again. */
  tryTake(): number {
    this.onDemand();
    const now = this.now();
    if (this.current <= 0) return NO_SHARE_WAIT_MS;
    if (now < this.pausedUntil) return this.pausedUntil - now;
    this.refill(now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.current));
  }

  throttled(retryAfterMs: number): void {
    const now = this.now();
    this.throttleCount += 1;
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.tokens = 0;
    this.last = this.pausedUntil;
    // Requests in flight together tend to get their 429s together: count them as one signal.
    if (now - this.lastDecreaseAt >= retryAfterMs) {
      this.current = Math.max(Math.min(this.min, this.base), this.current / 2);
      this.lastDecreaseAt = now;
    }
  }

  succeeded(): void {
    if (this.current >= this.base) return;
    this.current = Math.min(this.base, this.current + (this.base * this.recovery) / this.current);
  }

  /**
   * This instance's share of the app rate changed (rate-budget.ts); 0 holds every sender. A slow-down
   * after 429s carries over in proportion.
   */
  setShare(ratePerSecond: number): void {
    this.refill(this.now());
    const ratio = this.base > 0 ? this.current / this.base : 1;
    this.base = Math.max(0, ratePerSecond);
    this.current = this.base * ratio;
    // A smaller share saves up fewer tokens: three instances' bursts together stay one app's burst.
    this.burst = Math.max(1, Math.round((this.configuredBurst * this.base) / this.configured));
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.current) / 1000);
    this.last = now;
  }
}
