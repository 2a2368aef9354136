import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { openCalendarOrgFile } from './open-calendar';
import { startFlags } from './start-flags';

/**
 * Several whole bot processes (`src/index.ts`, as `npm start` runs it) on one Cosmos store, each on
 * its own loopback port: the scale-out test and `npm run bench:scaleout` drive them.
 */
export interface BotClusterOptions {
  instances: number;
  cosmos: { endpoint: string; key: string; database: string };
  /** Extra environment for every instance (rates, poll times, log level). */
  env?: Record<string, string>;
  /** Log messages to collect per instance (needs LOG_LEVEL at or below their level). */
  watch?: string[];
  /** Upper bound for an instance to answer /healthz (a busy 2-core machine loads tsx slowly). */
  startTimeoutMs?: number;
}

export interface BotInstance {
  name: string;
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last lines the process wrote, for a failure message. */
  output(): string;
  /** Log records (pino JSON lines on stdout) whose `msg` is one of `BotClusterOptions.watch`. */
  events: Array<Record<string, unknown>>;
}

const root = join(__dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export class BotCluster {
  private constructor(readonly instances: BotInstance[]) {}

  static async start(options: BotClusterOptions): Promise<BotCluster> {
    const instances = await Promise.all(
      Array.from({ length: options.instances }, (_, i) => startInstance(`bot-${i + 1}`, options)),
    );
    const cluster = new BotCluster(instances);
    try {
      await Promise.all(instances.map((b) => waitHealthy(b, options.startTimeoutMs ?? 90_000)));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  get ports(): number[] {
    return this.instances.map((b) => b.port);
  }

  /** Peak resident memory of an instance so far (Linux: VmHWM), in MB. */
  peakRssMb(index: number): number {
    const pid = this.instances[index].child.pid;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  }

  async kill9(index: number): Promise<void> {
    const b = this.instances[index];
    b.child.kill('SIGKILL');
    await b.exited;
  }

  /** SIGTERM to every instance still running; SIGKILL after `boundMs`. */
  async stop(boundMs = 15_000): Promise<void> {
    await Promise.all(
      this.instances.map(async (b) => {
        if (b.child.exitCode !== null || b.child.signalCode !== null) return;
        b.child.kill('SIGTERM');
        const timer = setTimeout(() => b.child.kill('SIGKILL'), boundMs);
        await b.exited;
        clearTimeout(timer);
      }),
    );
  }
}

async function startInstance(name: string, options: BotClusterOptions): Promise<BotInstance> {
  const port = await freePort();
  // The demo organisation, open at every hour: a broadcast must not wait for the next working morning.
  const orgFile = openCalendarOrgFile(mkdtempSync(join(tmpdir(), `panelbot-${name}-`)));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    LOCAL_NO_AUTH: '1',
    PORT: String(port),
    STORAGE: 'cosmos',
    COSMOS_ENDPOINT: options.cosmos.endpoint,
    COSMOS_KEY: options.cosmos.key,
    COSMOS_DATABASE: options.cosmos.database,
    WEBSITE_INSTANCE_ID: name,
    ORG_CONFIG: orgFile,
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [
      ...startFlags(),
      '--import',
      'tsx',
      '--import',
      join(__dirname, 'tag-outgoing-requests.ts'),
      join(root, 'src', 'index.ts'),
    ],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const events: Array<Record<string, unknown>> = [];
  const watch = new Set(options.watch ?? []);
  if (watch.size && child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const record = JSON.parse(line) as Record<string, unknown>;
      if (watch.has(String(record.msg))) events.push(record);
    });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, port, child, exited, output: () => tail, events };
}

async function waitHealthy(b: BotInstance, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void b.exited.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`${b.name} exited while starting:\n${b.output()}`);
    const ok = await fetch(`http://127.0.0.1:${b.port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${b.name} not healthy after ${timeoutMs} ms:\n${b.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
