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
}

/**
 * One token bucket for everything this instance sends to Teams.
 *
 * @remarks A 429 means the app as a whole is over Teams' quota (other instances share it), so it
 * pauses every sender until Retry-After has passed and halves the rate; the rate then creeps back
 * (additive increase) while sends succeed. That converges when several instances share one quota.
 */
export class AppRateLimiter {
  private readonly base: number;
  private readonly burst: number;
  private readonly min: number;
  private readonly recovery: number;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<void>;
  private current: number;
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private lastDecreaseAt = -Infinity;
  private throttleCount = 0;

  constructor(options: AppRateLimiterOptions) {
    this.base = options.ratePerSecond;
    this.current = options.ratePerSecond;
    this.burst = Math.max(1, options.burst);
    this.min = options.minRatePerSecond ?? Math.max(0.5, options.ratePerSecond / 20);
    this.recovery = options.recoveryPerSecond ?? 0.05;
    this.now = options.now ?? monotonicNow;
    this.wait = options.wait ?? sleep;
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
    const now = this.now();
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
      this.current = Math.max(this.min, this.current / 2);
      this.lastDecreaseAt = now;
    }
  }

  succeeded(): void {
    if (this.current >= this.base) return;
    this.current = Math.min(this.base, this.current + (this.base * this.recovery) / this.current);
  }

  private refill(now: number): void {
    if (now <= this.last) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.current) / 1000);
    this.last = now;
  }
}
