/** Child processes for the end-to-end tests: started in their own process group, logged, stopped for sure. */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname } from 'node:path';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the first match of `re` in its output; rejects when it exits or time runs out. */
  waitForOutput(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  exited(): boolean;
  stop(): Promise<void>;
}

const live = new Set<ManagedProcess>();

/** Last resort when a test run ends abruptly: no Playground or bot is left running behind it. */
process.on('exit', () => {
  for (const p of live) {
    try {
      if (p.child.pid) process.kill(-p.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Stops every process the harness started that is still running (for afterAll after a failed start). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop()));
}

export function spawnNode(
  name: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string },
): ManagedProcess {
  // detached: a process group of its own, so stop() also reaches grandchildren (tsx, the Playground's workers).
  const child = spawn(process.execPath, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  let done = false;
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (opts.logFile) appendFileSync(opts.logFile, chunk);
    listeners.forEach((l) => l());
  };
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    writeFileSync(opts.logFile, '');
  }
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      done = true;
      live.delete(managed);
      listeners.forEach((l) => l());
      resolve();
    }),
  );

  const signal = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };

  const managed: ManagedProcess = {
    name,
    child,
    output: () => out,
    exited: () => done,
    waitForOutput(re, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`${name}: no output matching ${re} within ${timeoutMs} ms.\n${tail(out)}`)),
          timeoutMs,
        );
        const check = () => {
          const m = re.exec(out);
          if (m) finish(undefined, m);
          else if (done)
            finish(new Error(`${name} exited (code ${child.exitCode}) before printing ${re}.\n${tail(out)}`));
        };
        const finish = (err?: Error, m?: RegExpMatchArray) => {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(m!);
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (done) return;
      signal('SIGINT');
      const timer = setTimeout(() => signal('SIGKILL'), 5000);
      await exit;
      clearTimeout(timer);
      signal('SIGKILL'); // anything left in the group
    },
  };
  live.add(managed);
  return managed;
}

export function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls until `url` answers with a status below 500 (or exactly `status`), failing fast if `proc` dies. */
export async function waitForHttp(
  url: string,
  opts: { timeoutMs: number; status?: number; proc?: ManagedProcess },
): Promise<void> {
  const until = Date.now() + opts.timeoutMs;
  let last = 'no answer';
  while (Date.now() < until) {
    if (opts.proc?.exited())
      throw new Error(`${opts.proc.name} exited while waiting for ${url}.\n${tail(opts.proc.output())}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (opts.status ? res.status === opts.status : res.status < 500) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${url} not ready within ${opts.timeoutMs} ms (${last}).${opts.proc ? `\n${tail(opts.proc.output())}` : ''}`,
  );
}
