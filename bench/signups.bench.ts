/**
 * Sign-up cost against the size of the list (issue #17): does a sign-up cost the same on a list of
 * 12,000 as on an empty one, on SQLite and on Cosmos (the test server, in a process of its own)?
 *
 *   npm run bench:signups [-- --sizes 0,1000,5000,12000 --sequential 200 --burst 400]
 *
 * Per store and list size: a list is pre-filled with bulk writes (half seated, half waitlisted, in the
 * documents the sign-up service writes; all lists before any is measured, so only the list's own size
 * differs, not the database's), then new people sign up through the real SignupService:
 * `--sequential` one at a time (latency p50/p99, in rounds over the sizes in rotating order) and `--burst` with 8 and with 32 in flight (throughput,
 * one service instance as in one app process). "bytes/sign-up" is what the store adapter is given to write
 * (serialized documents, counted by a wrapper), the stand-in for Cosmos request units.
 * Baseline in the same run: a bare botbuilder echo turn over HTTP with 32 in flight.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../src/platform/clock';
import {
  personId,
  STATE_ID,
  type SignupPersonDoc,
  type SignupStateDoc,
} from '../src/platform/signups/signups.model';
import { SignupService } from '../src/platform/signups/signups.service';
import { CosmosDocumentStore } from '../src/storage/cosmos-store';
import { containers, type DocumentStore, type NewDocument } from '../src/storage/document-store.port';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { testConnectionPolicy } from '../test/support/cosmos-server';
import { FakeConnector } from '../test/support/fake-connector';
import { echoTurnsPerSecond, signUpTurnsPerSecond } from './signup-turns';
import { measurePaired } from './turn-cpu';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '0,1000,5000,12000' },
    sequential: { type: 'string', default: '200' },
    burst: { type: 'string', default: '400' },
    stores: { type: 'string', default: 'sqlite,cosmos' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const sequential = Number(values.sequential);
const burst = Number(values.burst);

const user = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Counts the serialized bytes the service hands the adapter to write. */
function countingStore(inner: DocumentStore): {
  store: DocumentStore;
  bytes: () => number;
  reset: () => void;
} {
  let bytes = 0;
  const size = (doc: NewDocument<unknown>) => Buffer.byteLength(JSON.stringify(doc));
  const store: DocumentStore = {
    get: (c, pk, id) => inner.get(c, pk, id),
    create: (c, doc) => ((bytes += size(doc)), inner.create(c, doc)),
    createMany: (c, docs) => ((bytes += docs.reduce((n, d) => n + size(d), 0)), inner.createMany(c, docs)),
    replace: (c, doc, etag) => ((bytes += size(doc)), inner.replace(c, doc, etag)),
    upsert: (c, doc) => ((bytes += size(doc)), inner.upsert(c, doc)),
    batch: (c, pk, ops) => ((bytes += ops.reduce((n, o) => n + size(o.doc), 0)), inner.batch(c, pk, ops)),
    delete: (c, pk, id, etag) => inner.delete(c, pk, id, etag),
    query: (c, q) => inner.query(c, q),
    count: (c, q) => inner.count(c, q),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return { store, bytes: () => bytes, reset: () => void (bytes = 0) };
}

/** A list of `size` people (half seated, half waiting) written in bulk, as the service stores it. */
async function prefill(store: DocumentStore, listId: string, size: number): Promise<void> {
  const seated = Math.floor(size / 2);
  const at = new Date().toISOString();
  const state: SignupStateDoc = {
    schema: 2,
    listId,
    capacity: seated,
    closed: false,
    seatsTaken: seated,
    waiting: size - seated,
    nextSeq: size + 1,
    updatedAt: at,
  };
  const people = Array.from({ length: size }, (_, i): NewDocument<SignupPersonDoc> => {
    const data: SignupPersonDoc = {
      userId: user(1_000_000 + i),
      state: i < seated ? 'attending' : 'waitlisted',
      seq: i + 1,
      name: `Collega ${i}`,
      signedUpAt: at,
      updatedAt: at,
    };
    return { pk: listId, id: personId(data.userId), data };
  });
  await store.create(containers.signups, { pk: listId, id: STATE_ID, data: state });
  for (let i = 0; i < people.length; i += 5_000)
    await store.createMany(containers.signups, people.slice(i, i + 5_000));
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

interface Row {
  store: string;
  size: number;
  p50: number;
  p99: number;
  at8: number;
  at32: number;
  bytes: number;
}

const ROUNDS = 4;

/** One list under test: its service (one instance, as one app process) and what it has measured. */
function listUnderTest(inner: DocumentStore, size: number) {
  const { store, bytes, reset } = countingStore(inner);
  const listId = `bench-${size}`;
  const signups = new SignupService(store, systemClock);
  let next = 0;
  let signedUp = 0;
  const signUp = () => (signedUp++, signups.signUp(listId, user(++next), `Nieuwe collega ${next}`));
  const latencies: number[] = [];
  let written = 0;
  return {
    size,
    signUp,
    latencies,
    /** `n` sign-ups one at a time: their latencies and the bytes they handed the adapter. */
    async sequentialRound(n: number) {
      reset();
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await signUp();
        latencies.push(performance.now() - t0);
      }
      written += bytes();
    },
    bytesPerSignUp: () => written / latencies.length,
    async throughput(inFlight: number) {
      let left = burst;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (left-- > 0) await signUp();
        }),
      );
      return (burst / (performance.now() - t0)) * 1000;
    },
    /** The list must hold exactly the pre-filled people and everyone who signed up here. */
    async check(name: string) {
      const summary = await signups.summary(listId);
      const onList = summary.attending + summary.waitlisted;
      if (onList !== size + signedUp)
        throw new Error(`${name} ${size}: ${onList} on the list, not ${size + signedUp}`);
    },
  };
}

/**
 * Latency in rounds that visit the sizes in a rotating order, so that warm-up and the load of the
 * moment (other processes on the machine) fall on every size alike; then throughput per size.
 */
async function measureStore(name: string, store: DocumentStore): Promise<Row[]> {
  const lists = sizes.map((size) => listUnderTest(store, size));
  for (const list of lists) for (let i = 0; i < 20; i++) await list.signUp(); // warm-up
  for (let round = 0; round < ROUNDS; round++)
    for (let k = 0; k < lists.length; k++)
      await lists[(k + round) % lists.length]!.sequentialRound(Math.ceil(sequential / ROUNDS));
  const rows: Row[] = [];
  for (const list of lists) {
    const at8 = await list.throughput(8);
    const at32 = await list.throughput(32);
    await list.check(name);
    const sorted = [...list.latencies].sort((x, y) => x - y);
    const p50 = percentile(sorted, 0.5);
    const p99 = percentile(sorted, 0.99);
    rows.push({ store: name, size: list.size, p50, p99, at8, at32, bytes: list.bytesPerSignUp() });
  }
  return rows;
}

function startCosmosProcess(): Promise<{ endpoint: string; key: string; child: ChildProcess }> {
  const child = fork(join(__dirname, 'cosmos-server-process.ts'), [], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve) =>
    child.once('message', (m: { endpoint: string; key: string }) => resolve({ ...m, child })),
  );
}

async function runStore(kind: string, dir: string): Promise<Row[]> {
  const rows: Row[] = [];
  if (kind === 'sqlite') {
    const store = new SqliteDocumentStore(join(dir, 'signups.db'));
    try {
      // Every list is in the database before any is measured: only the list's own size differs.
      for (const size of sizes) await prefill(store, `bench-${size}`, size);
      rows.push(...(await measureStore('SQLite', store)));
    } finally {
      await store.close();
    }
    return rows;
  }
  const cosmos = await startCosmosProcess();
  const store = new CosmosDocumentStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    database: 'bench-signups',
    connectionPolicy: testConnectionPolicy,
  });
  try {
    await store.init();
    for (const size of sizes) await prefill(store, `bench-${size}`, size);
    rows.push(...(await measureStore('Cosmos (test server)', store)));
  } finally {
    await store.close();
    cosmos.child.disconnect();
  }
  return rows;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'panelbot-signups-bench-'));
  const out = (line = '') => process.stdout.write(`${line}\n`);
  try {
    const rows: Row[] = [];
    for (const kind of values.stores.split(',')) rows.push(...(await runStore(kind, dir)));
    const echo = await echoTurnsPerSecond(burst, 32);
    const clicks = await signUpTurnsPerSecond(burst, 32);
    // The same turns by CPU time of the bot process, which other load on the machine barely moves.
    const connector = await FakeConnector.start({ keepBodies: false });
    const paired = await measurePaired({
      turns: burst,
      inFlight: 32,
      blocks: 10,
      connectorUrl: connector.url,
    });
    await connector.stop();

    out(
      `Sign-ups, ${sequential} one at a time, ${burst} with 8 and with 32 in flight; Node ${process.version}`,
    );
    out('| store                | list size | p50 ms | p99 ms | /s @8 | /s @32 | bytes/sign-up |');
    out('|----------------------|----------:|-------:|-------:|------:|-------:|--------------:|');
    for (const r of rows)
      out(
        `| ${r.store.padEnd(20)} | ${String(r.size).padStart(9)} | ${r.p50.toFixed(2).padStart(6)} | ${r.p99
          .toFixed(2)
          .padStart(6)} | ${r.at8.toFixed(0).padStart(5)} | ${r.at32.toFixed(0).padStart(6)} | ${r.bytes
          .toFixed(0)
          .padStart(13)} |`,
      );
    out(`| bare botbuilder echo turn, 32 in flight (HTTP) |  ${echo.toFixed(0)} turns/s |`);
    out(
      `| Panelbot sign-up click (Action.Execute over HTTP, SQLite), 32 in flight | ${clicks.toFixed(0)} turns/s |`,
    );
    out();
    out('Goal ratios:');
    for (const store of [...new Set(rows.map((r) => r.store))]) {
      const mine = rows.filter((r) => r.store === store);
      const first = mine.find((r) => r.size === 0);
      const last = mine.find((r) => r.size === Math.max(...sizes));
      if (first && last) {
        const ratio = last.p50 / first.p50;
        out(
          `  ${store}: p50@${last.size} / p50@0 = ${ratio.toFixed(2)} (goal ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'})`,
        );
      }
    }
    const turnRatio = echo / clicks;
    out(
      `  SQLite: bare echo turns/s @32 ÷ sign-up clicks/s @32, both whole turns over HTTP = ${echo.toFixed(0)} / ${clicks.toFixed(0)}` +
        ` = ${turnRatio.toFixed(2)} (goal ≤ 1.2: ${turnRatio <= 1.2 ? 'met' : 'NOT met'})`,
    );
    const cpuRatio = paired.click.cpuMicrosPerTurn / paired.echo.cpuMicrosPerTurn;
    out(
      `  SQLite: CPU µs of the bot process per turn, sign-up click ÷ bare echo (each bot in its own process,` +
        ` alternating blocks) = ${paired.click.cpuMicrosPerTurn.toFixed(0)} / ${paired.echo.cpuMicrosPerTurn.toFixed(0)}` +
        ` = ${cpuRatio.toFixed(2)} (goal ≤ 1.2: ${cpuRatio <= 1.2 ? 'met' : 'NOT met'})`,
    );
    const sqlite32 = rows.filter((r) => r.store === 'SQLite').map((r) => r.at32);
    if (sqlite32.length) {
      const worst = Math.min(...sqlite32);
      const ratio = echo / worst;
      out(
        `  SQLite: bare echo turns/s @32 ÷ slowest sign-ups/s @32 (any size) = ${echo.toFixed(0)} / ${worst.toFixed(0)}` +
          ` = ${ratio.toFixed(2)} (goal ≤ 1.2: ${ratio <= 1.2 ? 'met' : 'NOT met'})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
