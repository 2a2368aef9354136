import { ManualClock } from '../../../src/platform/clock';
import { SignupService, type SignupRetry } from '../../../src/platform/signups/signups.service';
import { containers, type DocumentStore } from '../../../src/storage/document-store.port';
import { prng } from '../../support/card-fuzzer';

/** The back-off's jitter comes from a seeded generator per instance, so a run repeats its choices. */
const seeded = (seed: number): SignupRetry => ({
  random: prng(seed).next,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
});

const user = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The race rule, run against each store: a burst of clicks, then the final state is checked whole. */
export function runSignupRaceSuite(
  name: string,
  open: () => Promise<{ store: DocumentStore; cleanup: () => Promise<void> }>,
) {
  describe(`sign-up races on ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;
    let signups: SignupService;

    beforeEach(async () => {
      ({ store, cleanup } = await open());
      signups = new SignupService(store, new ManualClock('2026-11-23T09:00:00Z'), seeded(1));
    });
    afterEach(async () => cleanup());

    // One instance queues its own writes; several instances (app servers on one store) race on the etag.
    it.each([1, 5])(
      '200 simultaneous sign-ups for 20 seats through %i instance(s): 20 attending, 180 waitlisted in order',
      async (instances) => {
        const clock = new ManualClock('2026-11-23T09:00:00Z');
        const services = Array.from(
          { length: instances },
          (_, i) => new SignupService(store, clock, seeded(i + 2)),
        );
        await signups.open('race', { capacity: 20 });
        const people = Array.from({ length: 200 }, (_, i) => user(i + 1));
        const results = await Promise.all(people.map((p, i) => services[i % instances]!.signUp('race', p)));

        const roster = await signups.roster('race');
        expect(roster.attending).toHaveLength(20);
        expect(roster.waitlist).toHaveLength(180);
        expect(new Set([...roster.attending, ...roster.waitlist]).size).toBe(200);
        expect(await signups.summary('race')).toEqual({
          capacity: 20,
          attending: 20,
          waitlisted: 180,
          closed: false,
        });

        // What each person was told is exactly where they are: a seat, or their place in write order.
        results.forEach((r, i) => {
          expect(r.changed).toBe(true);
          if (r.status.state === 'attending') expect(roster.attending).toContain(people[i]);
          else if (r.status.state === 'waitlisted')
            expect(roster.waitlist[r.status.position - 1]).toBe(people[i]);
          else throw new Error('nobody may end without a status');
        });
        const positions = results
          .flatMap((r) => (r.status.state === 'waitlisted' ? [r.status.position] : []))
          .sort((a, b) => a - b);
        expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
        for (const [i, p] of roster.waitlist.entries())
          expect(await signups.status('race', p)).toEqual({ state: 'waitlisted', position: i + 1 });
      },
      60_000,
    );

    it('double-clicks and retries of the same people do not double-register', async () => {
      await signups.open('dup', { capacity: 3 });
      const people = Array.from({ length: 6 }, (_, i) => user(i + 1));
      const other = new SignupService(store, new ManualClock('2026-11-23T09:00:00Z'), seeded(2));
      const clicks = people.flatMap((p) => [p, p, p.toUpperCase(), p]);
      await Promise.all(clicks.map((p, i) => (i % 2 ? other : signups).signUp('dup', p)));
      const roster = await signups.roster('dup');
      expect(roster.attending).toHaveLength(3);
      expect(roster.waitlist).toHaveLength(3);
      expect(new Set([...roster.attending, ...roster.waitlist]).size).toBe(6);
    }, 30_000);

    it('simultaneous cancellations promote the waitlist in order, each seat once', async () => {
      await signups.open('cx', { capacity: 5 });
      const people = Array.from({ length: 15 }, (_, i) => user(i + 1));
      for (const p of people) await signups.signUp('cx', p);
      const before = await signups.roster('cx');
      const results = await Promise.all(before.attending.map((p) => signups.cancel('cx', p)));
      const promoted = results.flatMap((r) => r.promoted);
      expect(promoted.sort()).toEqual(before.waitlist.slice(0, 5).sort());
      const after = await signups.roster('cx');
      expect(after.attending).toEqual(before.waitlist.slice(0, 5));
      expect(after.waitlist).toEqual(before.waitlist.slice(5));
    }, 30_000);

    it('cancellations, waitlist withdrawals and new sign-ups at once through 4 instances: each seat once, in order', async () => {
      const clock = new ManualClock('2026-11-23T09:00:00Z');
      const services = Array.from({ length: 4 }, (_, i) => new SignupService(store, clock, seeded(10 + i)));
      await signups.open('mix', { capacity: 10 });
      const people = Array.from({ length: 30 }, (_, i) => user(i + 1));
      for (const p of people) await signups.signUp('mix', p);
      const before = await signups.roster('mix');
      const leaving = before.attending.slice(0, 6);
      const leavingWaitlist = [before.waitlist[1]!, before.waitlist[4]!];
      const late = Array.from({ length: 5 }, (_, i) => user(100 + i));
      const results = await Promise.all([
        ...leaving.map((p, i) => services[i % 4]!.cancel('mix', p)),
        ...leavingWaitlist.map((p, i) => services[(i + 1) % 4]!.cancel('mix', p)),
        ...late.map((p, i) => services[(i + 2) % 4]!.signUp('mix', p)),
      ]);
      const promoted = results.flatMap((r) => ('promoted' in r ? r.promoted : []));
      const after = await signups.roster('mix');
      const seats = after.attending.slice(4);
      const at = (p: string) => before.waitlist.indexOf(p);
      // Nobody promoted twice; the seats that stayed taken stayed; the room is full again.
      expect(new Set(promoted).size).toBe(promoted.length);
      expect(after.attending).toHaveLength(10);
      expect(after.attending.slice(0, 4)).toEqual(before.attending.slice(6));
      // Seats went to the head of the waitlist, in its order: everyone still waiting was behind them.
      expect(seats).toEqual([...seats].sort((x, y) => at(x) - at(y)));
      const stillWaiting = before.waitlist.filter((p) => after.waitlist.includes(p));
      expect(Math.max(...seats.map(at))).toBeLessThan(Math.min(...stillWaiting.map(at)));
      // Each original waiter is seated, still waiting in order, or one of the two who left.
      for (const p of before.waitlist)
        expect([seats.includes(p), stillWaiting.includes(p), leavingWaitlist.includes(p)]).toContain(true);
      expect(after.waitlist).toEqual([...stillWaiting, ...after.waitlist.filter((p) => late.includes(p))]);
      expect(new Set(after.waitlist.slice(stillWaiting.length))).toEqual(new Set(late));
      expect(new Set([...seats, ...promoted.filter((p) => !seats.includes(p))])).toEqual(new Set(promoted));
      for (const p of seats) expect(promoted).toContain(p);
      expect(await signups.summary('mix')).toMatchObject({
        attending: 10,
        waitlisted: after.waitlist.length,
      });
    }, 60_000);
  });

  describe(`migration of lists stored as one document, on ${name}`, () => {
    let store: DocumentStore;
    let cleanup: () => Promise<void>;
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => user(from + i));
    const attending = ids(120, 1);
    const waitlist = ids(130, 500);

    beforeEach(async () => {
      ({ store, cleanup } = await open());
      // As the code before issue #17 stored it: everyone in two arrays, names by id, an expiry.
      await store.create(containers.signups, {
        pk: 'old',
        id: 'list',
        data: {
          listId: 'old',
          capacity: 120,
          closed: false,
          attending,
          waitlist,
          names: { [attending[0]!]: 'Fatima Yilmaz', [waitlist[2]!]: 'Jeroen de Wit' },
          updatedAt: '2026-11-20T09:00:00.000Z',
        },
        ttlSeconds: 86_400,
      });
    });
    afterEach(async () => cleanup());

    it('migrates at first use, once, with several instances at once: seats, order, names, expiry', async () => {
      const services = Array.from({ length: 3 }, (_, i) => new SignupService(store, clock, seeded(20 + i)));
      const [s0, s1, s2] = services as [SignupService, SignupService, SignupService];
      const [summary, status, named] = await Promise.all([
        s0.summary('old'),
        s1.status('old', waitlist[2]!),
        s2.namedRoster('old'),
      ]);
      expect(summary).toEqual({ capacity: 120, attending: 120, waitlisted: 130, closed: false });
      expect(status).toEqual({ state: 'waitlisted', position: 3 });
      expect(named.attending).toEqual(attending);
      expect(named.waitlist).toEqual(waitlist);
      expect(Object.fromEntries(named.names)).toEqual({
        [attending[0]!]: 'Fatima Yilmaz',
        [waitlist[2]!]: 'Jeroen de Wit',
      });

      const state = await store.get<Record<string, unknown>>(containers.signups, 'old', 'list');
      expect(state?.data).toMatchObject({ schema: 2, seatsTaken: 120, waiting: 130, nextSeq: 251 });
      expect(state?.data).not.toHaveProperty('attending');
      expect(state?.ttlSeconds).toBeGreaterThan(86_000);
      expect(await store.count(containers.signups, { pk: 'old' })).toBe(1 + 250);
      const person = await store.get(containers.signups, 'old', `p:${waitlist[0]}`);
      expect(person?.ttlSeconds).toBeGreaterThan(86_000);

      // Using it again migrates nothing twice; the list works as any other.
      const etag = state!.etag;
      expect(await s1.summary('old')).toMatchObject({ attending: 120, waitlisted: 130 });
      expect((await store.get(containers.signups, 'old', 'list'))?.etag).toBe(etag);
      expect(await s0.cancel('old', attending[5]!)).toEqual({ changed: true, promoted: [waitlist[0]] });
      expect(await s2.signUp('old', user(9_000))).toEqual({
        status: { state: 'waitlisted', position: 130 },
        changed: true,
      });
      expect(await s1.status('old', waitlist[2]!)).toEqual({ state: 'waitlisted', position: 2 });
    }, 60_000);

    it('an interrupted earlier attempt leaves nobody on the list who is not on the old one', async () => {
      // A person document from an attempt that stopped halfway, for someone who has since cancelled.
      await store.create(containers.signups, {
        pk: 'old',
        id: 'p:gone',
        data: { userId: 'gone', state: 'attending', seq: 7, signedUpAt: '', updatedAt: '' },
      });
      const lists = new SignupService(store, clock, seeded(30));
      expect(await lists.status('old', 'gone')).toEqual({ state: 'none' });
      expect(await lists.summary('old')).toMatchObject({ attending: 120, waitlisted: 130 });
      const roster = await lists.roster('old');
      expect(roster.attending).toEqual(attending);
      expect(roster.waitlist).toEqual(waitlist);
    }, 60_000);
  });
}
