import { ManualClock } from '../../../src/platform/clock';
import { AppRateLimiter } from '../../../src/platform/delivery/app-rate-limiter';
import { RateBudget } from '../../../src/platform/delivery/rate-budget';
import { silentLogger } from '../../../src/platform/logger';
import { CosmosDocumentStore } from '../../../src/storage/cosmos-store';
import type { DocumentStore } from '../../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from '../../support/cosmos-server';
import { VirtualTimers } from '../../support/virtual-timers';

const RATE = 50;
const LEASE_MS = 10_000;
const IDLE_MS = 5_000;

let server: CosmosTestServer;
beforeAll(async () => {
  server = await startCosmosServer();
});
afterAll(async () => server.stop());

let n = 0;
const stores: Record<string, () => Promise<DocumentStore>> = {
  sqlite: async () => new SqliteDocumentStore(':memory:'),
  cosmos: async () => {
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: `budget-${process.pid}-${++n}`,
      connectionPolicy: testConnectionPolicy,
    });
    await store.init();
    return store;
  },
};

describe.each(Object.keys(stores))('shared rate budget on %s', (kind) => {
  let store: DocumentStore;
  let clock: ManualClock;
  let timers: VirtualTimers;
  beforeEach(async () => {
    store = await stores[kind]();
    clock = new ManualClock();
    timers = new VirtualTimers();
  });
  afterEach(async () => store.close());

  const instance = (instanceId: string, wrap: (s: DocumentStore) => DocumentStore = (s) => s) =>
    new RateBudget({
      store: wrap(store),
      clock,
      timers,
      logger: silentLogger(),
      instanceId,
      ratePerSecond: RATE,
      leaseMs: LEASE_MS,
      renewMs: 1_000,
      idleAfterMs: IDLE_MS,
    });
  const total = (budgets: RateBudget[]) => budgets.reduce((sum, b) => sum + b.share, 0);
  /** Time passes (both clocks), everyone who is still alive renews one after the other. */
  async function round(alive: RateBudget[], seen: number[], demand = alive): Promise<void> {
    clock.advance(1_000);
    await timers.run(timers.sleep(1_000));
    for (const b of demand) b.demand();
    for (const b of alive) {
      await b.refresh();
      seen.push(total(alive));
    }
  }

  it('divides the rate between three busy instances, never handing out more than the rate', async () => {
    const budgets = ['a', 'b', 'c'].map((id) => instance(id));
    const seen: number[] = [];
    for (let i = 0; i < 4; i += 1) await round(budgets, seen);
    expect(Math.max(...seen)).toBeLessThanOrEqual(RATE);
    for (const b of budgets) expect(b.share).toBeCloseTo(RATE / 3, 2);
    expect(total(budgets)).toBeGreaterThan(RATE - 0.01);
  });

  it('lets a newcomer grow as the others shrink, and refreshes racing each other stay within the rate', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => instance(id));
    const seen: number[] = [];
    await round([a], seen);
    expect(a.share).toBe(RATE);
    await round([a, b], seen);
    await round([a, b], seen);
    expect([a.share, b.share]).toEqual([RATE / 2, RATE / 2]);
    // All three at the same moment: etag conflicts are retried from a fresh read.
    for (let i = 0; i < 3; i += 1) {
      clock.advance(1_000);
      for (const x of [a, b, c]) x.demand();
      await Promise.all([a, b, c].map((x) => x.refresh()));
      seen.push(total([a, b, c]));
    }
    expect(Math.max(...seen)).toBeLessThanOrEqual(RATE);
    for (const x of [a, b, c]) expect(x.share).toBeCloseTo(RATE / 3, 2);
  });

  it('frees the share of an instance that stops renewing once its slice expires', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((id) => instance(id));
    const seen: number[] = [];
    for (let i = 0; i < 3; i += 1) await round([a, b, c], seen);
    // c dies: it no longer renews. Until its slice expires a and b keep to their thirds.
    for (let i = 0; i < LEASE_MS / 1_000 - 1; i += 1) {
      await round([a, b], seen);
      expect(a.share + b.share).toBeLessThanOrEqual(RATE - c.share + 0.01);
    }
    for (let i = 0; i < 3; i += 1) await round([a, b], seen);
    expect([a.share, b.share]).toEqual([RATE / 2, RATE / 2]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(RATE);
  });

  it('an idle instance returns its share; asking again brings it back', async () => {
    const [a, b] = ['a', 'b'].map((id) => instance(id));
    const seen: number[] = [];
    for (let i = 0; i < 2; i += 1) await round([a, b], seen);
    expect(b.share).toBe(RATE / 2);
    // b has nothing to send: after the idle time it holds nothing and a gets the whole rate.
    for (let i = 0; i < IDLE_MS / 1_000 + 2; i += 1) await round([a, b], seen, [a]);
    expect([a.share, b.share]).toEqual([RATE, 0]);
    for (let i = 0; i < 2; i += 1) await round([a, b], seen);
    expect([a.share, b.share]).toEqual([RATE / 2, RATE / 2]);
    expect(Math.max(...seen)).toBeLessThanOrEqual(RATE);
  });

  it('a stopped instance hands its share back at once', async () => {
    const [a, b] = ['a', 'b'].map((id) => instance(id));
    for (let i = 0; i < 2; i += 1) await round([a, b], []);
    await b.stop();
    expect(b.share).toBe(0);
    await round([a], []);
    expect(a.share).toBe(RATE);
  });

  it('an instance cut off from the store stops sending when its own slice lapses', async () => {
    let cut = false;
    const flaky = (s: DocumentStore): DocumentStore =>
      new Proxy(s, {
        get: (target, prop, receiver) =>
          cut && (prop === 'get' || prop === 'replace')
            ? () => Promise.reject(new Error('store unreachable'))
            : Reflect.get(target, prop, receiver),
      });
    const a = instance('a', flaky);
    const b = instance('b');
    for (let i = 0; i < 2; i += 1) await round([a, b], []);
    expect(a.share).toBe(RATE / 2);
    cut = true;
    for (let i = 0; i < LEASE_MS / 1_000; i += 1) await round([a, b], []);
    expect(a.share).toBe(0);
    expect(b.share).toBe(RATE);
  });
});

describe('app limiter with a share of the rate', () => {
  it('holds every sender while the share is 0 and paces at the share once it has one', () => {
    const timers = new VirtualTimers();
    let demands = 0;
    const app = new AppRateLimiter({
      ratePerSecond: 50,
      burst: 5,
      now: timers.now,
      onDemand: () => demands++,
    });
    app.setShare(0);
    expect(app.tryTake()).toBeGreaterThan(0);
    expect(demands).toBe(1);
    app.setShare(10);
    expect(app.ratePerSecond).toBe(10);
    // Burst scales with the share (5 × 10/50 = 1): one token now, the next 100 ms later.
    expect(app.tryTake()).toBe(0);
    expect(app.tryTake()).toBe(100);
    // A slow-down after a 429 carries over when the share changes.
    app.throttled(1_000);
    expect(app.ratePerSecond).toBe(5);
    app.setShare(20);
    expect(app.ratePerSecond).toBe(10);
  });
});
