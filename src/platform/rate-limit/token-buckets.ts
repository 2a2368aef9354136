/** What a person's bucket says about one more turn. */
export type BucketVerdict = { allowed: true } | { allowed: false; notify: boolean };

interface Bucket {
  tokens: number;
  at: number;
  noticeAt?: number;
}

/**
 * One token bucket per key (a person): `burst` turns at once, then `perSecond` on average. A refusal
 * says to notify at most once per `noticeWindowMs`, so a script gets one notice, not one per request.
 * In memory, per instance: with several instances a person may get a little more.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly options: { burst: number; perSecond: number; noticeWindowMs?: number },
    private readonly now: () => number,
  ) {}

  take(key: string): BucketVerdict {
    const now = this.now();
    const bucket = this.refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const window = this.options.noticeWindowMs ?? 60_000;
    const notify = bucket.noticeAt === undefined || now - bucket.noticeAt >= window;
    if (notify) bucket.noticeAt = now;
    return { allowed: false, notify };
  }

  private refilled(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 50_000) this.forgetFull(now);
      bucket = { tokens: this.options.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const earned = (Math.max(0, now - bucket.at) / 1000) * this.options.perSecond;
    bucket.tokens = Math.min(this.options.burst, bucket.tokens + earned);
    bucket.at = now;
    return bucket;
  }

  /** A bucket that would be full again carries no state worth keeping. */
  private forgetFull(now: number): void {
    const fullAfterMs = (this.options.burst / this.options.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at >= fullAfterMs) this.buckets.delete(key);
  }
}
