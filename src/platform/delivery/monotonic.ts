import { performance } from 'node:perf_hooks';

/** A wait that ends after its time, or earlier when `wake` is called (new work arrived, or stopping). */
export interface Pause {
  done: Promise<void>;
  wake: () => void;
}

/**
 * Monotonic time and timers for the engine: rate limits, waits, send timeouts, poll pauses and lease
 * keep-alives all go through this, so a test can run them on virtual time instead of racing the real
 * clock (test/support/virtual-timers.ts). Leases and due times use the business {@link Clock}.
 */
export interface Timers {
  now(): number;
  sleep(ms: number): Promise<void>;
  pause(ms: number): Pause;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** Rate limits run on real, monotonic time, even when a test drives the business clock by hand. */
export const monotonicNow = (): number => performance.now();

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export function pause(ms: number): Pause {
  let wake = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}

export const realTimers: Timers = {
  now: monotonicNow,
  sleep,
  pause,
  every(ms, tick) {
    const timer = setInterval(tick, ms);
    return () => clearInterval(timer);
  },
};
