import { z } from 'zod';
import { ManualClock } from '../../../src/platform/clock';
import { fromLocal, toLocal } from '../../../src/platform/local-time';

const amsterdam = 'Europe/Amsterdam';
import { defaultDeliveryOptions } from '../../../src/platform/delivery/delivery-options';
import { JobScheduler } from '../../../src/platform/delivery/job-scheduler';
import { silentLogger } from '../../../src/platform/logger';
import { containers } from '../../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';

describe('JobScheduler', () => {
  let clock: ManualClock;
  let store: SqliteDocumentStore;
  const make = () =>
    new JobScheduler({
      store,
      clock,
      logger: silentLogger(),
      options: { ...defaultDeliveryOptions, jobMaxAttempts: 3 },
    });

  beforeEach(() => {
    clock = new ManualClock('2026-11-23T08:00:00Z');
    store = new SqliteDocumentStore(':memory:', () => clock.now().getTime());
  });
  afterEach(() => store.close());

  it('runs a job once when it is due, with its payload', async () => {
    const scheduler = make();
    const runs: Array<{ atelierId: string }> = [];
    scheduler.on('reminder', z.object({ atelierId: z.string() }), async (payload) => void runs.push(payload));
    await scheduler.schedule({
      id: 'r1',
      kind: 'reminder',
      runAt: fromLocal('2026-11-24T09:00', amsterdam),
      payload: { atelierId: 'a1' },
    });

    expect(await scheduler.runDue()).toBe(0);
    clock.set('2026-11-24T07:59:59Z');
    expect(await scheduler.runDue()).toBe(0);
    clock.set('2026-11-24T08:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toEqual([{ atelierId: 'a1' }]);
  });

  it('with several instances on one store, each due job runs exactly once', async () => {
    const ran: string[] = [];
    const instances = [make(), make(), make()];
    for (const s of instances) s.on('poll', z.unknown(), async (_p, job) => void ran.push(job.id));
    for (let i = 0; i < 30; i++)
      await instances[0].schedule({ id: `j${i}`, kind: 'poll', runAt: clock.now(), payload: {} });
    await Promise.all(instances.map((s) => s.runDue()));
    expect(ran.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `j${i}`).sort());
  });

  it('rescheduling moves a job, and cancel removes it', async () => {
    const scheduler = make();
    const ran: string[] = [];
    scheduler.on('round', z.unknown(), async (_p, job) => void ran.push(job.id));
    await scheduler.schedule({
      id: 'x',
      kind: 'round',
      runAt: new Date('2026-11-23T09:00:00Z'),
      payload: {},
    });
    await scheduler.schedule({
      id: 'x',
      kind: 'round',
      runAt: new Date('2026-11-23T10:00:00Z'),
      payload: {},
    });
    await scheduler.schedule({
      id: 'y',
      kind: 'round',
      runAt: new Date('2026-11-23T09:00:00Z'),
      payload: {},
    });
    await scheduler.cancel('y');
    clock.set('2026-11-23T09:30:00Z');
    expect(await scheduler.runDue()).toBe(0);
    clock.set('2026-11-23T10:00:00Z');
    expect(await scheduler.runDue()).toBe(1);
    expect(ran).toEqual(['x']);
  });

  it('retries a failing handler with back-off, then marks the job failed', async () => {
    const scheduler = make();
    let calls = 0;
    scheduler.on('flaky', z.unknown(), async () => {
      calls += 1;
      throw Object.assign(new Error('boom'), { code: 'DOWNSTREAM' });
    });
    await scheduler.schedule({ id: 'f', kind: 'flaky', runAt: clock.now(), payload: {} });
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    for (let i = 0; i < 5; i++) {
      clock.advance(60 * 60_000);
      await scheduler.runDue();
    }
    expect(calls).toBe(3);
    const doc = await store.get<{ status: string; lastError: string }>(containers.jobs, 'job', 'f');
    expect(doc?.data).toMatchObject({ status: 'failed', lastError: 'DOWNSTREAM' });
  });

  it('fails a job whose stored payload does not match its schema at once, without running the handler', async () => {
    const scheduler = make();
    let calls = 0;
    scheduler.on('typed', z.object({ roundId: z.string().min(1) }), async () => void (calls += 1));
    await scheduler.schedule({ id: 't', kind: 'typed', runAt: clock.now(), payload: { roundId: 42 } });
    expect(await scheduler.runDue()).toBe(1);
    clock.advance(24 * 60 * 60_000);
    expect(await scheduler.runDue()).toBe(0);
    expect(calls).toBe(0);
    const doc = await store.get<{ status: string; lastError: string; attempts: number }>(
      containers.jobs,
      'job',
      't',
    );
    expect(doc?.data).toMatchObject({ status: 'failed', lastError: 'JOB.BAD_PAYLOAD', attempts: 1 });
  });

  it('leaves jobs of kinds it has no handler for to instances that do', async () => {
    const old = make();
    await old.schedule({ id: 'n', kind: 'new-kind', runAt: clock.now(), payload: {} });
    old.on('other', z.unknown(), async () => undefined);
    expect(await old.runDue()).toBe(0);
    const current = make();
    current.on('new-kind', z.unknown(), async () => undefined);
    expect(await current.runDue()).toBe(1);
  });

  it('converts Amsterdam wall-clock time to UTC across daylight saving time', () => {
    expect(fromLocal('2026-11-24T09:00', amsterdam).toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(fromLocal('2026-07-01T09:00', amsterdam).toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(toLocal(new Date('2026-03-29T01:30:00Z'), amsterdam)).toBe('2026-03-29T03:30:00.000+02:00');
    expect(() => fromLocal('not a time', amsterdam)).toThrow();
  });
});
