import { ManualClock } from '../../../src/platform/clock';
import { isAppError } from '../../../src/platform/errors';
import { I18n } from '../../../src/platform/i18n/i18n';
import { registerSignupMessages, SignupService } from '../../../src/platform/signups';
import { containers, type DocumentStore } from '../../../src/storage/document-store.port';
import { openTestStore, purgeExpired } from '../../support/test-store';

let store: DocumentStore;
let clock: ManualClock;
let signups: SignupService;

beforeEach(async () => {
  store = await openTestStore(':memory:');
  clock = new ManualClock('2026-11-23T09:00:00Z');
  signups = new SignupService(store, clock);
});
afterEach(() => store.close());

async function rejection(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.messageKey;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('SignupService', () => {
  it('seats people until full, then waitlists them with a position', async () => {
    await signups.open('a', { capacity: 2 });
    expect(await signups.signUp('a', 'u1')).toEqual({ status: { state: 'attending' }, changed: true });
    expect(await signups.signUp('a', 'u2')).toEqual({ status: { state: 'attending' }, changed: true });
    expect(await signups.signUp('a', 'u3')).toEqual({
      status: { state: 'waitlisted', position: 1 },
      changed: true,
    });
    expect(await signups.signUp('a', 'u4')).toEqual({
      status: { state: 'waitlisted', position: 2 },
      changed: true,
    });
    expect(await signups.signUp('a', 'u3')).toEqual({
      status: { state: 'waitlisted', position: 1 },
      changed: false,
    });
    expect(await signups.status('a', 'u4')).toEqual({ state: 'waitlisted', position: 2 });
    expect(await signups.status('a', 'nobody')).toEqual({ state: 'none' });
  });

  it('signUpWithCounts answers with the counts the sign-up left, also for a repeated click', async () => {
    await signups.open('c', { capacity: 1 });
    const counts = (attending: number, waitlisted: number) => ({
      capacity: 1,
      attending,
      waitlisted,
      closed: false,
    });
    expect(await signups.signUpWithCounts('c', 'u1')).toEqual({
      status: { state: 'attending' },
      changed: true,
      summary: counts(1, 0),
    });
    expect(await signups.signUpWithCounts('c', 'u2')).toEqual({
      status: { state: 'waitlisted', position: 1 },
      changed: true,
      summary: counts(1, 1),
    });
    expect(await signups.signUpWithCounts('c', 'u1')).toEqual({
      status: { state: 'attending' },
      changed: false,
      summary: counts(1, 1),
    });
    expect(await signups.summary('c')).toEqual(counts(1, 1));
  });

  it('cancelling a seat promotes the first on the waitlist; cancelling a waitlist place promotes nobody', async () => {
    await signups.open('a', { capacity: 1 });
    for (const u of ['u1', 'u2', 'u3', 'u4']) await signups.signUp('a', u);
    expect(await signups.cancel('a', 'u3')).toEqual({ changed: true, promoted: [] });
    expect(await signups.status('a', 'u4')).toEqual({ state: 'waitlisted', position: 2 });
    expect(await signups.cancel('a', 'u1')).toEqual({ changed: true, promoted: ['u2'] });
    expect(await signups.roster('a')).toEqual({ attending: ['u2'], waitlist: ['u4'] });
    expect(await signups.cancel('a', 'u1')).toEqual({ changed: false, promoted: [] });
  });

  it('unlimited capacity never waitlists', async () => {
    await signups.open('a', { capacity: null });
    for (let i = 0; i < 50; i++) await signups.signUp('a', `u${i}`);
    expect(await signups.summary('a')).toEqual({
      capacity: null,
      attending: 50,
      waitlisted: 0,
      closed: false,
    });
  });

  it('raising the capacity promotes from the waitlist in order; lowering it takes no seat away', async () => {
    await signups.open('a', { capacity: 1 });
    for (const u of ['u1', 'u2', 'u3', 'u4']) await signups.signUp('a', u);
    expect(await signups.update('a', { capacity: 3 })).toEqual({ promoted: ['u2', 'u3'] });
    expect(await signups.update('a', { capacity: 1 })).toEqual({ promoted: [] });
    expect(await signups.roster('a')).toEqual({ attending: ['u1', 'u2', 'u3'], waitlist: ['u4'] });
    expect(await signups.update('a', { capacity: null })).toEqual({ promoted: ['u4'] });
  });

  it('raising the capacity by more than one batch holds promotes everyone, in order, in rounds', async () => {
    await signups.open('a', { capacity: 1 });
    const people = Array.from({ length: 251 }, (_, i) => `u${String(i).padStart(3, '0')}`);
    for (const u of people) await signups.signUp('a', u);
    const { promoted } = await signups.update('a', { capacity: 240 });
    expect(promoted).toEqual(people.slice(1, 240));
    expect(await signups.roster('a')).toEqual({
      attending: people.slice(0, 240),
      waitlist: people.slice(240),
    });
    expect(await signups.summary('a')).toMatchObject({ attending: 240, waitlisted: 11 });
    expect(await signups.status('a', 'u245')).toEqual({ state: 'waitlisted', position: 6 });
  }, 30_000);

  it('refuses sign-ups after the deadline but still lets people cancel', async () => {
    await signups.open('a', { capacity: 1, deadline: '2026-11-24T09:00:00.000Z' });
    await signups.signUp('a', 'u1');
    await signups.signUp('a', 'u2');
    clock.set('2026-11-24T09:00:00Z');
    expect(await rejection(signups.signUp('a', 'u3'))).toBe('signups.error.deadlinePassed');
    expect(await signups.signUp('a', 'u1')).toEqual({ status: { state: 'attending' }, changed: false });
    expect(await signups.cancel('a', 'u1')).toEqual({ changed: true, promoted: ['u2'] });
    expect(await signups.roster('a')).toEqual({ attending: ['u2'], waitlist: [] });
  });

  it('a closed list changes for nobody', async () => {
    await signups.open('a', { capacity: 1 });
    await signups.signUp('a', 'u1');
    await signups.signUp('a', 'u2');
    await signups.update('a', { closed: true });
    expect(await rejection(signups.signUp('a', 'u3'))).toBe('signups.error.closed');
    expect(await rejection(signups.cancel('a', 'u1'))).toBe('signups.error.closed');
    expect(await signups.roster('a')).toEqual({ attending: ['u1'], waitlist: ['u2'] });
    expect((await signups.summary('a')).closed).toBe(true);
  });

  it('open is idempotent and keeps the seats; unknown lists are not found', async () => {
    await signups.open('a', { capacity: 5 });
    await signups.signUp('a', 'U1');
    await signups.open('a', { capacity: 1 });
    expect(await signups.summary('a')).toEqual({ capacity: 5, attending: 1, waitlisted: 0, closed: false });
    expect(await signups.status('a', 'u1')).toEqual({ state: 'attending' });
    expect(await rejection(signups.signUp('nope', 'u1'))).toBe('signups.error.notFound');
    expect(await rejection(signups.summary('nope'))).toBe('signups.error.notFound');
    expect(await signups.status('nope', 'u1')).toEqual({ state: 'none' });
  });

  it("keeps each person's name with their place, bounded, and drops it when they leave", async () => {
    await signups.open('a', { capacity: 1 });
    await signups.signUp('a', 'U1', '  Fatima\n  Yilmaz ');
    await signups.signUp('a', 'u2', 'x'.repeat(300));
    await signups.signUp('a', 'u3');
    const roster = await signups.namedRoster('a');
    expect(roster).toMatchObject({ attending: ['u1'], waitlist: ['u2', 'u3'] });
    expect(Object.fromEntries(roster.names)).toEqual({ u1: 'Fatima Yilmaz', u2: 'x'.repeat(80) });
    // A repeated click with the name Teams now has brings it up to date; no second place.
    const again = await signups.signUp('a', 'u3', 'Jeroen de Wit');
    expect(again).toEqual({ status: { state: 'waitlisted', position: 2 }, changed: false });
    expect((await signups.namedRoster('a')).names.get('u3')).toBe('Jeroen de Wit');
    await signups.cancel('a', 'u1');
    const after = await signups.namedRoster('a');
    expect(after).toMatchObject({ attending: ['u2'], waitlist: ['u3'] });
    expect([...after.names.keys()].sort()).toEqual(['u2', 'u3']);
    const stored = await store.query(containers.signups, { pk: 'a' });
    expect(JSON.stringify(stored)).toContain('Jeroen de Wit');
    expect(JSON.stringify(stored)).not.toContain('Fatima');
  });

  it('a list with keepUntil expires with its seats and names; moving it moves the expiry', async () => {
    const timed = await openTestStore(':memory:', () => clock.now().getTime());
    try {
      const lists = new SignupService(timed, clock);
      await lists.open('a', { capacity: null, keepUntil: '2026-12-01T09:00:00.000Z' });
      await lists.signUp('a', 'u1', 'Fatima Yilmaz');
      await lists.update('a', { keepUntil: '2026-12-10T09:00:00.000Z' });
      clock.set('2026-12-05T09:00:00Z');
      // A change that does not name a new expiry keeps the one the list has.
      await lists.signUp('a', 'u2', 'Jeroen de Wit');
      expect((await lists.namedRoster('a')).names.size).toBe(2);
      clock.set('2026-12-10T09:00:01Z');
      expect(await rejection(lists.namedRoster('a'))).toBe('signups.error.notFound');
      expect(await lists.status('a', 'u1')).toEqual({ state: 'none' });
      // The state and both people's documents: every document of the list had the moved expiry.
      expect(await purgeExpired(timed)).toBe(3);
      expect(await timed.query(containers.signups)).toEqual([]);
    } finally {
      await timed.close();
    }
  });

  it('a sign-up reads and writes the same on a list of 3,000 as on an empty one (no query, no big document)', async () => {
    const calls: string[] = [];
    let bytes = 0;
    const counted = new Proxy(store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.push(String(prop));
          if (prop === 'batch') bytes += JSON.stringify(args[2]).length;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
    const lists = new SignupService(counted, clock);
    const cost = async (listId: string, userId: string) => {
      calls.length = 0;
      bytes = 0;
      await lists.signUp(listId, userId, 'Fatima Yilmaz');
      return { calls: [...calls], bytes };
    };
    await lists.open('small', { capacity: 1_500 });
    await lists.open('big', { capacity: 1_500 });
    for (let i = 0; i < 3_000; i++)
      await signups.signUp('big', `u${String(i).padStart(5, '0')}`, `Collega ${i}`);
    const small = await cost('small', 'newcomer-1');
    const big = await cost('big', 'newcomer-1');
    expect(small.calls).toEqual(['get', 'get', 'batch']);
    expect(big.calls).toEqual(small.calls);
    // Only the digits of the counters differ.
    expect(Math.abs(big.bytes - small.bytes)).toBeLessThanOrEqual(12);
    expect(big.bytes).toBeLessThan(600);
    expect(await lists.signUp('big', 'newcomer-2')).toEqual({
      status: { state: 'waitlisted', position: 1_502 },
      changed: true,
    });
  }, 60_000);

  it('has its messages in both languages and may be registered twice', () => {
    const i18n = new I18n();
    registerSignupMessages(i18n);
    registerSignupMessages(i18n);
    expect(i18n.t('nl', 'signups.error.deadlinePassed')).toMatch(/aanmeldtermijn/);
    expect(i18n.t('en', 'signups.error.closed')).toMatch(/no longer possible/);
  });
});
