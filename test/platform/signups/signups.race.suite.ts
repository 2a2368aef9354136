import { ManualClock } from '../../../src/platform/clock';
import { SignupService } from '../../../src/platform/signups/signups.service';
import type { DocumentStore } from '../../../src/storage/document-store.port';

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
      signups = new SignupService(store, new ManualClock('2026-11-23T09:00:00Z'));
    });
    afterEach(async () => cleanup());

    // One instance queues its own writes; several instances (app servers on one store) race on the etag.
    it.each([1, 5])(
      '200 simultaneous sign-ups for 20 seats through %i instance(s): 20 attending, 180 waitlisted in order',
      async (instances) => {
        const clock = new ManualClock('2026-11-23T09:00:00Z');
        const services = Array.from({ length: instances }, () => new SignupService(store, clock));
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
      const other = new SignupService(store, new ManualClock('2026-11-23T09:00:00Z'));
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
  });
}
