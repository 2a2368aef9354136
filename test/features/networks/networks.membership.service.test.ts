import { AppError } from '../../../src/platform/errors';
import { containers } from '../../../src/storage/document-store.port';
import { employee, networksFixture, people, type NetworksFixture } from './networks.fixture';

const expectAppError = async (p: Promise<unknown>, key: string) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).messageKey).toBe(key);
};

describe('MembershipService', () => {
  let f: NetworksFixture;
  beforeEach(async () => {
    f = await networksFixture();
  });
  afterEach(async () => f.close());

  it("joins privately and idempotently: one member document, visible only in the joiner's own overview", async () => {
    const aylin = f.actor(employee(1));
    expect((await f.m.membership.join(aylin, 'r-pride', 'Aylin')).changed).toBe(true);
    expect((await f.m.membership.join(aylin, 'r-pride', 'Aylin')).changed).toBe(false);
    expect(await f.store.count(containers.networks, { pk: 'r-pride' })).toBe(1);

    const mine = await f.m.membership.overview(aylin);
    expect(mine.find((o) => o.network.id === 'r-pride')?.member).toBe(true);
    expect(mine.find((o) => o.network.id === 'jong-r')?.member).toBe(false);
    const someoneElse = await f.m.membership.overview(f.actor(employee(2)));
    expect(someoneElse.every((o) => !o.member)).toBe(true);
  });

  it('counts one join when the same click arrives many times at once', async () => {
    const actor = f.actor(employee(3));
    const results = await Promise.all(Array.from({ length: 10 }, () => f.m.membership.join(actor, 'jong-r')));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(await f.store.count(containers.networks, { pk: 'jong-r' })).toBe(1);
  });

  it('leaves: the member document is gone, a second leave changes nothing', async () => {
    const actor = f.actor(employee(4));
    await f.m.membership.join(actor, 'r-pride');
    expect((await f.m.membership.leave(actor, 'r-pride')).changed).toBe(true);
    expect((await f.m.membership.leave(actor, 'r-pride')).changed).toBe(false);
    expect(await f.store.count(containers.networks, { pk: 'r-pride' })).toBe(0);
  });

  it('refuses unknown networks and snoozing by non-members, changing nothing', async () => {
    await expectAppError(
      f.m.membership.join(f.actor(employee(5)), 'bestaat-niet'),
      'networks.error.unknownNetwork',
    );
    await expectAppError(f.m.membership.snooze(f.actor(employee(5)), 'r-pride'), 'networks.error.notMember');
    expect(await f.store.count(containers.networks)).toBe(0);
  });

  it('snoozes for 30 days: left out of announcements, not of panel-wide network broadcasts', async () => {
    const a = f.actor(employee(6));
    const b = f.actor(employee(7));
    await f.m.membership.join(a, 'r-pride');
    await f.m.membership.join(b, 'r-pride');
    const { until } = await f.m.membership.snooze(a, 'r-pride');
    expect(until).toBe('2026-12-23T09:00:00.000Z');
    expect(await f.m.membership.recipientIds(['r-pride'], 'announcement')).toEqual([b.aadObjectId]);
    expect((await f.m.membership.recipientIds(['r-pride'], 'broadcast')).sort()).toEqual(
      [a.aadObjectId, b.aadObjectId].sort(),
    );

    f.clock.advance(30 * 86_400_000 + 1);
    expect((await f.m.membership.recipientIds(['r-pride'], 'announcement')).sort()).toEqual(
      [a.aadObjectId, b.aadObjectId].sort(),
    );
  });

  it('de-duplicates members across networks for a broadcast', async () => {
    const a = f.actor(employee(8));
    await f.m.membership.join(a, 'r-pride');
    await f.m.membership.join(a, 'jong-r');
    await f.m.membership.join(f.actor(employee(9)), 'jong-r');
    expect(await f.m.membership.recipientIds(['r-pride', 'jong-r', 'r-pride'], 'broadcast')).toHaveLength(2);
  });

  it("shows the member list to that network's coordinators only, sorted and paged", async () => {
    for (let n = 1; n <= 120; n++)
      await f.m.membership.join(f.actor(employee(100 + n)), 'r-pride', `Lid ${String(n).padStart(3, '0')}`);
    await f.m.membership.join(f.actor(employee(999)), 'neurodiversiteit', 'Iemand Anders');

    const lotte = f.actor(people.lotte);
    const first = await f.m.membership.members(lotte, 'r-pride');
    expect(first).toMatchObject({ total: 120, page: 1, pages: 3 });
    expect(first.members[0]?.name).toBe('Lid 001');
    expect(first.members).toHaveLength(50);
    const last = await f.m.membership.members(lotte, 'r-pride', 3);
    expect(last.members.map((x) => x.name)).toContain('Lid 120');
    expect(last.members).toHaveLength(20);

    await expectAppError(f.m.membership.members(lotte, 'neurodiversiteit'), 'networks.error.notCoordinator');
    await expectAppError(
      f.m.membership.members(f.actor(people.sem), 'r-pride'),
      'networks.error.notCoordinator',
    );
    await expectAppError(
      f.m.membership.members(f.actor(employee(101)), 'r-pride'),
      'networks.error.notCoordinator',
    );
    await expectAppError(
      f.m.membership.audienceSize(f.actor(people.sem), 'r-pride'),
      'networks.error.notCoordinator',
    );
  });
});
