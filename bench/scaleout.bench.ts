/**
 * Scale-out benchmark: one broadcast to N recipients sent by 1, 2 and 3 whole bot processes
 * (`src/index.ts`) on one Cosmos test server, against the fake connector enforcing the app's rate.
 *
 *   npm run bench:scaleout -- [--recipients 12000] [--rate 50] [--instances 1,2,3] [--budget on|off]
 *
 * `--budget off` gives every instance the whole rate (no shared budget), for comparison.
 *
 * Every instance is configured with the app's rate (DELIVERY_RATE_PER_SECOND = --rate): the shared
 * budget (src/platform/delivery/rate-budget.ts) divides it, nobody hands out shares. The floor is
 * N / rate. Wall time runs from the enqueue (the organiser pressing send, bots already running) to the
 * last message the connector accepted. Peak RSS is each bot process's VmHWM.
 */
import { seedConversations } from './seed-conversations';
import { alwaysOpen } from '../test/support/open-calendar';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../src/platform/clock';
import { ConversationDirectory } from '../src/platform/conversations';
import { createDelivery, userKey, type OutboundActivity } from '../src/platform/delivery';
import { silentLogger } from '../src/platform/logger';
import { CosmosDocumentStore } from '../src/storage/cosmos-store';
import { containers } from '../src/storage/document-store.port';
import { BotCluster } from '../test/support/bot-cluster';
import { testConnectionPolicy } from '../test/support/cosmos-server';
import { FakeConnector } from '../test/support/fake-connector';
import { copiesPerConversation, lostAndDuplicates } from './delivery-tally';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(option('recipients', '12000'));
const RATE = Number(option('rate', '50'));
const COUNTS = option('instances', '1,2,3').split(',').map(Number);
const BUDGET = option('budget', 'on');
const floorS = N / RATE;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Row {
  instances: number;
  wallS: number;
  lost: number;
  duplicates: number;
  throttled: number;
  sentBy: number[];
  rssMb: number[];
}

function startCosmosProcess(): Promise<{ endpoint: string; key: string; child: ChildProcess }> {
  const child = fork(join(__dirname, 'cosmos-server-process.ts'), [], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve) =>
    child.once('message', (m: { endpoint: string; key: string }) => resolve({ ...m, child })),
  );
}

function card(): OutboundActivity {
  const text = 'Kennisatelier: inclusief leidinggeven. Donderdag 3 december, 15:00–16:30. '.repeat(12);
  const content = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] };
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }],
  };
}

async function seed(store: CosmosDocumentStore, url: string): Promise<void> {
  await seedConversations(store, url, N, (n) => `scaleout-user-${n}`);
}

async function runRow(
  instances: number,
  cosmos: { endpoint: string; key: string },
  connector: FakeConnector,
): Promise<Row> {
  const database = `scaleout-${instances}-${process.pid}`;
  // The Cosmos test server scans whole containers: on a crowded machine a query can pass the 60 s default.
  const connectionPolicy = { ...testConnectionPolicy, requestTimeout: 300_000 };
  const store = new CosmosDocumentStore({ ...cosmos, database, connectionPolicy });
  await store.init();
  await seed(store, connector.url);
  const cluster = await BotCluster.start({
    instances,
    cosmos: { ...cosmos, database },
    env: { DELIVERY_RATE_PER_SECOND: String(RATE), WORKER_POLL_MS: '200', DELIVERY_SHARED_BUDGET: BUDGET },
    startTimeoutMs: 240_000,
  });
  connector.reset();
  log(`[${instances}] ${N} recipients at ${RATE}/s, instances on ports ${cluster.ports.join(', ')}`);
  const engine = createDelivery({
    store,
    sender: {
      send: () => Promise.reject(new Error('the bench process does not send')),
      update: () => Promise.reject(new Error('no')),
    },
    directory: new ConversationDirectory(store, () => systemClock.now()),
    clock: systemClock,
    logger: silentLogger(),
    calendar: alwaysOpen,
  });
  const activity = card();
  const startedAt = Date.now();
  const recipients = Array.from({ length: N }, (_, i) => ({
    key: userKey(`scaleout-user-${i + 1}`),
    activity,
  }));
  await engine.delivery.enqueue({
    broadcastId: `scaleout-${instances}`,
    purpose: 'bench.scaleout',
    urgency: 'normal',
    recipients,
  });
  await connector.waitFor((c) => c.deliveredCounts().size >= N, floorS * 3_000 + 120_000);
  const last = connector.messages().reduce((max, m) => Math.max(max, m.at), 0);
  const wallS = (performance.timeOrigin + last - startedAt) / 1000;
  if (args.includes('--timeline')) log(timeline(connector, startedAt));
  // Anything still in flight (a second copy) lands within a send timeout; the outbox says when all is done.
  await waitFinished(store, `scaleout-${instances}`);
  const rssMb = cluster.instances.map((_, i) => cluster.peakRssMb(i));
  const sentBy = cluster.instances.map(
    (b) => connector.messages().filter((m) => m.instance === b.name && m.status < 300).length,
  );
  await cluster.stop();
  await store.close();
  const { lost, duplicates } = lostAndDuplicates(copiesPerConversation(connector.deliveredCounts(), N));
  return { instances, wallS, lost, duplicates, throttled: connector.throttled().length, sentBy, rssMb };
}

async function waitFinished(store: CosmosDocumentStore, broadcastId: string): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    const record = await store.get<{ active: boolean }>(containers.broadcasts, 'broadcast', broadcastId);
    if (record?.data.active === false) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`  ${broadcastId}: still active after 2 minutes`);
}

/** Messages accepted per second of the run, per instance: where the time went. */
function timeline(connector: FakeConnector, startedAt: number): string {
  const perSecond = new Map<number, Map<string, number>>();
  for (const m of connector.requests) {
    const s = Math.floor((performance.timeOrigin + m.at - startedAt) / 1000);
    const row = perSecond.get(s) ?? new Map<string, number>();
    const key = `${m.instance ?? '?'}${m.status === 429 ? ':429' : ''}`;
    row.set(key, (row.get(key) ?? 0) + 1);
    perSecond.set(s, row);
  }
  return [...perSecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, row]) => `  t=${s}s ${[...row.entries()].map(([k, v]) => `${k}=${v}`).join(' ')}`)
    .join('\n');
}

function format(r: Row): string {
  const ratio = r.wallS / floorS;
  return `| ${r.instances} | ${r.wallS.toFixed(1)} | ${ratio.toFixed(3)} | ${r.lost} | ${r.duplicates} | ${r.throttled} | ${r.sentBy.join(' / ')} | ${r.rssMb.map((m) => m.toFixed(0)).join(' / ')} |`;
}

async function main(): Promise<void> {
  const connector = await FakeConnector.start({
    ratePerSecond: RATE,
    burst: Math.ceil(RATE / 5),
    keepBodies: false,
    retryAfterSeconds: 1,
  });
  const cosmos = await startCosmosProcess();
  const rows: Row[] = [];
  try {
    for (const k of COUNTS) {
      const r = await runRow(k, cosmos, connector);
      log(`  ${format(r)}`);
      rows.push(r);
    }
  } finally {
    cosmos.child.disconnect();
    await connector.stop();
  }
  const lines = [
    `Scale-out: ${N} recipients, shared budget ${BUDGET}, app rate ${RATE}/s shared by the instances, fake connector ${RATE}/s (burst ${Math.ceil(RATE / 5)}), floor ${floorS.toFixed(0)} s`,
    '',
    '| instances | wall (s) | × floor | lost | duplicates | 429s | sent per instance | peak RSS per instance (MB) |',
    '|---:|---:|---:|---:|---:|---:|---|---|',
    ...rows.map(format),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const bad = rows.filter((r) => r.lost > 0 || r.wallS / floorS > 1.1);
  process.exitCode = bad.length ? 1 : 0;
}

void main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
