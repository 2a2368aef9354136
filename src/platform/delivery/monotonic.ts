import { performance } from 'node:perf_hooks';

/** Rate limits run on real, monotonic time, even when a test drives the business clock by hand. */
export const monotonicNow = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A poll loop's pause: `ms`, or less when `wake` is called (new work arrived, or stopping). */
export function pause(ms: number): { done: Promise<void>; wake: () => void } {
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
