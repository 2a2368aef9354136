/**
 * Delivery benchmark: one broadcast through the real outbox worker to a Teams-like fake connector.
 *
 *   npm run bench:delivery -- [--store sqlite|cosmos|both] [--recipients 12000] [--rate 50]
 *                             [--fail 0.01] [--lease-ms 20000] [--kills 1] [--no-bare] [--no-clean] [--no-kill]
 *                             [--worker-flags "--max-semi-space-size=4" | none]
 *
 * For each store: a clean run (wall time against the floor N / rate, lost, duplicates) and a run
 * killed with SIGKILL halfway (or `--kills K` times, evenly spread) and restarted (lost, duplicates). The worker runs in a child process
 * (the "bot process"), so its peak RSS is its own. That process gets `npm start`'s Node flags (the deployed
 * heap budget), unless `--worker-flags` gives others (`none`: V8's defaults for this machine).
 */
import { seedConversations } from './seed-conversations';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DocumentStore } from '../src/storage/document-store.port';
import { CosmosDocumentStore } from '../src/storage/cosmos-store';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { testConnectionPolicy } from '../test/support/cosmos-server';
import { FakeConnector } from '../test/support/fake-connector';
import { recipientId, type WorkerReport, type WorkerTask } from './delivery-worker';
import { copiesPerConversation, lostAndDuplicates } from './delivery-tally';
import { startFlags } from '../test/support/start-flags';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(option('recipients', '12000'));
const RATE = Number(option('rate', '50'));
const FAIL = Number(option('fail', '0.01'));
const LEASE_MS = Number(option('lease-ms', '20000'));
const KILLS = Number(option('kills', '1'));
/** Node/V8 options for the bot process only (issue #17 measures heap settings with it). */
const WORKER_FLAGS = option('worker-flags', startFlags().join(' '))
  .split(' ')
  .filter((word) => word && word !== 'none');
const STORES = option('store', 'both') === 'both' ? ['sqlite', 'cosmos'] : [option('store', 'both')];

interface Row {
  store: string;
  scenario: string;
  wallS: number;
  ratio: number;
  lost: number;
  duplicates: number;
  throttled: number;
  faults: number;
  peakRssMb: number;
  /** Heap used / reserved / outside the heap at the peak sample, MB. */
  peakParts?: string;
  enqueueMs?: number;
  recordMsAvg?: number;
  firstSendS?: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const floorS = N / RATE;

function startWorker(task: WorkerTask): { child: ChildProcess; done: Promise<WorkerReport | undefined> } {
  const child = fork(join(__dirname, 'delivery-worker.ts'), [], {
    execArgv: [...WORKER_FLAGS, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<WorkerReport | undefined>((resolve, reject) => {
    child.on(
      'message',
      (m: { type: string; report?: WorkerReport }) => m.type === 'done' && resolve(m.report),
    );
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(undefined) : code !== 0 && reject(new Error(`worker exited ${code}`)),
    );
  });
  child.send(task);
  // A run that cannot finish must fail loudly, not hang the benchmark.
  const limit = setTimeout(() => child.kill('SIGKILL'), floorS * 3_000 + 120_000);
  void done.finally(() => clearTimeout(limit)).catch(() => undefined);
  return { child, done };
}

interface CosmosProcess {
  endpoint: string;
  key: string;
  child: ChildProcess;
}

function startCosmosProcess(): Promise<CosmosProcess> {
  const child = fork(join(__dirname, 'cosmos-server-process.ts'), [], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve) =>
    child.once('message', (m: { endpoint: string; key: string }) => resolve({ ...m, child })),
  );
}

async function seed(store: DocumentStore, url: string): Promise<void> {
  await seedConversations(store, url, N, recipientId);
}

function tally(connector: FakeConnector): Pick<Row, 'lost' | 'duplicates' | 'throttled' | 'faults'> {
  const { lost, duplicates } = lostAndDuplicates(copiesPerConversation(connector.deliveredCounts(), N));
  const faults = connector.requests.filter((r) => r.status >= 500).length;
  return { lost, duplicates, throttled: connector.throttled().length, faults };
}

function firstSendAt(connector: FakeConnector): number | undefined {
  const first = connector.messages()[0];
  return first ? performance.timeOrigin + first.at : undefined;
}

const header = [
  '| store | scenario | wall (s) | × floor | lost | duplicates | 429s | 5xx | peak RSS (MB) | at peak: heap used / reserved / outside (MB) | enqueue (ms) | first send (s) | record after send (ms, avg) |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
];

function format(r: Row): string {
  const cells = [
    r.store,
    r.scenario,
    r.wallS.toFixed(1),
    r.ratio.toFixed(3),
    r.lost,
    r.duplicates,
    r.throttled,
    r.faults,
    r.peakRssMb.toFixed(0),
    r.peakParts ?? '',
    r.enqueueMs ?? '',
    r.firstSendS?.toFixed(2) ?? '',
    r.recordMsAvg?.toFixed(2) ?? '',
  ];
  return `| ${cells.join(' | ')} |`;
}

function row(
  store: string,
  scenario: string,
  report: WorkerReport,
  startedAt: number,
  connector: FakeConnector,
): Row {
  const wallS = (report.finishedAt - startedAt) / 1000;
  const stats = report.stats ?? {};
  const result: Row = {
    store,
    scenario,
    wallS,
    ratio: wallS / floorS,
    ...tally(connector),
    peakRssMb: report.peakRssMb,
    peakParts: report.memory
      ? [report.memory.heapUsedMb, report.memory.heapTotalMb, report.memory.outsideMb]
          .map((v) => v.toFixed(0))
          .join(' / ')
      : undefined,
    enqueueMs: report.enqueueMs,
    recordMsAvg: stats.sent ? stats.recordMsTotal / stats.sent : undefined,
    firstSendS:
      firstSendAt(connector) !== undefined
        ? ((firstSendAt(connector) as number) - startedAt) / 1000
        : undefined,
  };
  log(`  ${format(result)}`);
  return result;
}

/** A fresh, seeded store per scenario: each broadcast starts from the same state. */
async function prepareStore(
  kind: string,
  dir: string,
  scenario: string,
  cosmos: CosmosProcess | undefined,
  url: string,
) {
  let store: DocumentStore;
  let task: WorkerTask['store'];
  if (kind === 'sqlite') {
    task = { kind: 'sqlite', file: join(dir, `${scenario}.db`) };
    store = new SqliteDocumentStore(task.file);
  } else {
    const c = cosmos as CosmosProcess;
    task = { kind: 'cosmos', endpoint: c.endpoint, key: c.key, database: `bench-${scenario}` };
    const cs = new CosmosDocumentStore({ ...task, connectionPolicy: testConnectionPolicy });
    await cs.init();
    store = cs;
  }
  await seed(store, url);
  await store.close();
  return {
    store: task,
    connectorUrl: url,
    recipients: N,
    rate: RATE,
    leaseMs: LEASE_MS,
    sendTimeoutMs: LEASE_MS / 2,
  };
}

async function runStore(kind: string, connector: FakeConnector, rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'delivery-bench-'));
  // The Cosmos test server scans every document of a container for each query, and slows down more
  // than linearly with size: each scenario gets its own database so both start equal.
  const cosmos = kind === 'cosmos' ? await startCosmosProcess() : undefined;

  if (!flag('no-clean')) {
    const base = await prepareStore(kind, dir, 'clean', cosmos, connector.url);
    connector.reset();
    log(`[${kind}] clean run: ${N} recipients at ${RATE}/s`);
    const clean = startWorker({ ...base, mode: 'broadcast', broadcastId: `clean-${kind}` });
    const cleanReport = await clean.done;
    if (cleanReport) rows.push(row(kind, 'clean', cleanReport, cleanReport.startedAt, connector));
    else log(`[${kind}] clean run did not finish in time`);
  }

  if (!flag('no-kill')) {
    const base = await prepareStore(kind, dir, 'kill', cosmos, connector.url);
    connector.reset();
    log(`[${kind}] kill -9 ${KILLS}× (evenly spread over the run), restarting each time`);
    let current = startWorker({ ...base, mode: 'broadcast', broadcastId: `kill-${kind}` });
    const startedAt = Date.now();
    for (let k = 1; k <= KILLS; k++) {
      await connector.waitFor((c) => c.messages().length >= (N * k) / (KILLS + 1), floorS * 4_000);
      // A random moment, not right after a delivery: the trigger itself must not aim at the window.
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      current.child.kill('SIGKILL');
      await current.done;
      current = startWorker({ ...base, mode: 'resume', broadcastId: `kill-${kind}` });
    }
    const report = await current.done;
    if (report) rows.push(row(kind, `kill -9 ×${KILLS} + restart`, report, startedAt, connector));
    else log(`[${kind}] kill run did not finish in time`);
  }
  cosmos?.child.disconnect();
  rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const connector = await FakeConnector.start({
    ratePerSecond: RATE,
    burst: Math.ceil(RATE / 5),
    failureRate: FAIL,
    keepBodies: false,
    retryAfterSeconds: 1,
  });
  const rows: Row[] = [];
  if (!flag('no-bare')) {
    log(`[bare] no store: ${N} sends through the same connector`);
    const bare = startWorker({
      mode: 'bare',
      store: { kind: 'sqlite', file: ':memory:' },
      connectorUrl: connector.url,
      broadcastId: 'bare',
      recipients: N,
      rate: RATE,
      leaseMs: LEASE_MS,
      sendTimeoutMs: LEASE_MS / 2,
    });
    const report = await bare.done;
    if (report) rows.push(row('none', 'bare floor', report, report.startedAt, connector));
  }
  for (const kind of STORES) await runStore(kind, connector, rows);
  await connector.stop();

  console.log(
    `\nDelivery benchmark: ${N} recipients; fake connector allows ${RATE}/s (burst ${Math.ceil(RATE / 5)}), ${FAIL * 100}% 500/503; app limiter ${RATE}/s; lease ${LEASE_MS / 1000}s`,
  );
  console.log(`Floor = ${N} / ${RATE} = ${floorS.toFixed(1)} s`);
  console.log(`Bot process flags: ${WORKER_FLAGS.join(' ') || "(none: V8's defaults for this machine)"}\n`);
  for (const line of [...header, ...rows.map(format)]) console.log(line);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
