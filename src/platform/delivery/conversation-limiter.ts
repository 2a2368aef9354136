import { monotonicNow } from './monotonic';

/** At most `max` sends in any sliding window of `windowMs`. */
export interface WindowLimit {
  max: number;
  windowMs: number;
}

/**
 * Teams' per-conversation limits, as sliding windows. Slots are handed out in order per conversation,
 * so the answer is simply "your slot is in N ms"; callers wait that long (or defer the item).
 */
export class ConversationLimiter {
  private readonly logs = new Map<string, number[]>();
  private readonly longest: number;
  private reservations = 0;

  constructor(
    private readonly limits: WindowLimit[],
    private readonly now: () => number = monotonicNow,
    /**
     * Extra spacing at window edges: requests reach Teams with a varying delay, so two slots exactly
     * one window apart here can land inside one window there.
     */
    private readonly marginMs = 100,
  ) {
    this.longest = Math.max(0, ...limits.map((l) => l.windowMs));
  }

  /** How long a send to this conversation would wait now, without reserving anything. */
  waitFor(conversation: string): number {
    const now = this.now();
    return this.nextSlot(this.trimmed(conversation, now), now) - now;
  }

  /** Reserves the next free slot for this conversation; returns the wait in ms (0 = now). */
  reserve(conversation: string): number {
    const now = this.now();
    const log = this.trimmed(conversation, now);
    const at = this.nextSlot(log, now);
    log.push(at);
    this.logs.set(conversation, log);
    if (++this.reservations % 1000 === 0) this.sweep(now);
    return at - now;
  }

  get size(): number {
    return this.logs.size;
  }

  private trimmed(conversation: string, now: number): number[] {
    return (this.logs.get(conversation) ?? []).filter((t) => t > now - this.longest);
  }

  private nextSlot(log: number[], now: number): number {
    let at = Math.max(now, log.length ? log[log.length - 1] : now);
    // Moving `at` later only empties windows, so one pass over the limits is enough.
    for (const { max, windowMs } of this.limits) {
      const inWindow = log.filter((t) => t > at - windowMs - this.marginMs);
      if (inWindow.length >= max)
        at = Math.max(at, inWindow[inWindow.length - max] + windowMs + this.marginMs);
    }
    return at;
  }

  private sweep(now: number): void {
    for (const [key, log] of this.logs) {
      if (!log.length || log[log.length - 1] <= now - this.longest) this.logs.delete(key);
    }
  }
}
