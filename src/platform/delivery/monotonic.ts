import { performance } from 'node:perf_hooks';

/** Rate limits run on real, monotonic time, even when a test drives the business clock by hand. */
export const monotonicNow = (): number => performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
