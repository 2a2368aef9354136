import type { Pause, Timers } from '../../src/platform/delivery/monotonic';

interface Waiter {
  at: number;
  seq: number;
  fire: () => void;
}

/**
 * Virtual monotonic time for the delivery engine (and the fake connector's limits), so tests never
 * race the real clock. Time stands still, except inside `run(work)`: there it jumps to the next
 * timer whenever the process is quiet, until `work` settles.
 *
 * Quiet means: nothing declared with `track` is in flight (the HTTP sends to the fake connector) and
 * the microtasks have run out. So a send reaches the connector at the virtual instant the limiters
 * let it go, however slow the machine is, and a timeout fires only when everything else waits too.
 */
export class VirtualTimers implements Timers {
  private current = 0;
  private seq = 0;
  private readonly waiters: Waiter[] = [];
  private inFlight = 0;
  private readonly onQuiet: Array<() => void> = [];
  private running = false;

  // Arrow properties: the engine passes these around unbound.
  readonly now = (): number => this.current;
  readonly sleep = (ms: number): Promise<void> => this.pause(ms).done;

  readonly pause = (ms: number): Pause => {
    let resolve = () => undefined as void;
    const done = new Promise<void>((r) => (resolve = r));
    const waiter = this.add(ms, () => resolve());
    return {
      done,
      wake: () => {
        this.remove(waiter);
        resolve();
      },
    };
  };

  readonly every = (ms: number, tick: () => void): (() => void) => {
    let waiter: Waiter;
    const arm = () => {
      waiter = this.add(ms, () => {
        arm();
        tick();
      });
    };
    arm();
    return () => this.remove(waiter);
  };

  /** Real work (an HTTP request): time does not move while it is in flight. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight += 1;
    const settled = () => {
      this.inFlight -= 1;
      if (this.inFlight === 0) for (const resolve of this.onQuiet.splice(0)) resolve();
    };
    return work.then(
      (value) => (settled(), value),
      (err: unknown) => {
        settled();
        throw err;
      },
    );
  }

  /**
   * Awaits `work`, moving time on as described above. Fails (instead of hanging) when nothing is in
   * flight, no timer is pending and `work` still waits: it waits for something only the test can do.
   */
  async run<T>(work: Promise<T>, limitMs = 10 * 60_000): Promise<T> {
    if (this.running) throw new Error('VirtualTimers.run: one at a time (combine the work with Promise.all)');
    this.running = true;
    let settled = false;
    const watched = work.finally(() => (settled = true));
    watched.catch(() => undefined);
    const until = this.current + limitMs;
    try {
      for (;;) {
        await this.quiet();
        if (settled) break;
        const next = this.next();
        if (!next)
          throw new Error(
            'VirtualTimers.run: the work waits, but nothing is in flight and no timer is pending',
          );
        if (next.at > until)
          throw new Error(`VirtualTimers.run: not done after ${limitMs} ms of virtual time`);
        this.remove(next);
        this.current = Math.max(this.current, next.at);
        next.fire();
      }
    } finally {
      this.running = false;
    }
    return watched;
  }

  /** Nothing tracked in flight for two turns of the event loop (so every microtask has run). */
  private async quiet(): Promise<void> {
    for (let turns = 0; turns < 2;) {
      if (this.inFlight > 0) {
        await new Promise<void>((resolve) => this.onQuiet.push(resolve));
        turns = 0;
      } else {
        await new Promise((resolve) => setImmediate(resolve));
        turns = this.inFlight > 0 ? 0 : turns + 1;
      }
    }
  }

  private next(): Waiter | undefined {
    let first: Waiter | undefined;
    for (const w of this.waiters)
      if (!first || w.at < first.at || (w.at === first.at && w.seq < first.seq)) first = w;
    return first;
  }

  private add(ms: number, fire: () => void): Waiter {
    const waiter = { at: this.current + Math.max(0, ms), seq: this.seq++, fire };
    this.waiters.push(waiter);
    return waiter;
  }

  private remove(waiter: Waiter): void {
    const at = this.waiters.indexOf(waiter);
    if (at >= 0) this.waiters.splice(at, 1);
  }
}
