import { AppError } from '../../../src/platform/errors';
import { SignupService } from '../../../src/platform/signups';
import { meetupListId } from '../../../src/features/networks/networks.announcement.repository';
import {
  announcementFormSchema,
  correctionFormSchema,
} from '../../../src/features/networks/networks.schemas';
import { cardText } from '../../support/cards';
import { employee, networksFixture, people, rPrideChannel, type NetworksFixture } from './networks.fixture';

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => (e instanceof AppError ? e.messageKey : e),
  );
const meetupForm = (extra: Record<string, unknown> = {}) =>
  announcementFormSchema.parse({
    kind: 'meetup',
    networkId: 'r-pride',
    text: 'Samen eten',
    title: 'Pride-diner',
    date: '2026-12-04',
    time: '18:00',
    place: 'Timmerhuis',
    capacity: '2',
    rsvp: 'true',
    toMembers: 'true',
    toChannel: 'false',
    ...extra,
  });
const cardOf = (body: Record<string, unknown> | undefined) =>
  (body?.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content;

describe('MeetupService (RSVP on the shared sign-up model)', () => {
  let f: NetworksFixture;
  let ids: string[];
  const lotte = () => f.actor(people.lotte);

  beforeEach(async () => {
    f = await networksFixture();
    ids = [];
    for (let n = 1; n <= 5; n++) {
      ids.push(employee(n));
      await f.m.membership.join(f.actor(employee(n)), 'r-pride', `Lid ${n}`);
      await f.installed(employee(n));
    }
  });
  afterEach(async () => f.close());

  async function sentMeetup(extra: Record<string, unknown> = {}) {
    const draft = await f.m.announcements.saveDraft(lotte(), meetupForm(extra));
    await f.m.announcements.send(lotte(), draft.id);
    return draft.id;
  }

  it('gives the seats to the first sign-ups and waitlists the rest, even when all click at once', async () => {
    const id = await sentMeetup();
    const results = await Promise.all(ids.map((aad) => f.m.meetups.signUp(f.actor(aad), id, {})));
    expect(results.filter((r) => r.status.state === 'attending')).toHaveLength(2);
    expect(
      results
        .filter((r) => r.status.state === 'waitlisted')
        .map((r) => (r.status as { position: number }).position)
        .sort(),
    ).toEqual([1, 2, 3]);
    const roster = await new SignupService(f.store, f.clock).roster(meetupListId(id));
    expect(roster.attending).toHaveLength(2);
    expect(roster.waitlist).toHaveLength(3);

    const again = await f.m.meetups.signUp(f.actor(ids[0]!), id, {});
    expect(again.changed).toBe(false);
  });

  it('promotes the head of the waitlist on a cancellation and tells them through delivery', async () => {
    const id = await sentMeetup();
    for (const aad of ids.slice(0, 3)) await f.m.meetups.signUp(f.actor(aad), id, {});
    await f.drain();
    const before = f.connector.messages(f.conversationOf(ids[2]!)).length;

    const result = await f.m.meetups.cancel(f.actor(ids[0]!), id, {});
    expect(result.status.state).toBe('none');
    await f.drain();
    const after = f.connector.messages(f.conversationOf(ids[2]!));
    expect(after).toHaveLength(before + 1);
    expect(cardText(cardOf(after.at(-1)?.body))).toContain('Er is een plek vrijgekomen');
    expect((await new SignupService(f.store, f.clock).status(meetupListId(id), ids[2]!)).state).toBe(
      'attending',
    );
  });

  it("lets only members sign up, or anyone in the network's own channel when it was posted there", async () => {
    const outsider = f.actor(employee(77));
    const id = await sentMeetup();
    expect(await errorOf(f.m.meetups.signUp(outsider, id, {}))).toBe('networks.error.notMember');
    expect(await errorOf(f.m.meetups.signUp(outsider, id, { channelId: rPrideChannel }))).toBe(
      'networks.error.notMember',
    );

    await f.close();
    f = await networksFixture();
    await f.channelInstalled(rPrideChannel);
    await f.m.membership.join(f.actor(employee(1)), 'r-pride');
    const posted = await sentMeetup({ toChannel: 'true' });
    expect(
      (
        await f.m.meetups.signUp(outsider, posted, {
          channelId: rPrideChannel,
          displayName: 'Buiten Staander',
        })
      ).status.state,
    ).toBe('attending');
    expect(
      await errorOf(
        f.m.meetups.signUp(f.actor(employee(78)), posted, { channelId: '19:other@thread.tacv2' }),
      ),
    ).toBe('networks.error.notMember');
  });

  it('shows who signed up to the coordinator only', async () => {
    const id = await sentMeetup();
    await f.m.meetups.signUp(f.actor(ids[0]!), id, { displayName: 'Lid 1' });
    await f.m.meetups.signUp(f.actor(ids[1]!), id, { displayName: 'Lid 2' });
    await f.m.meetups.signUp(f.actor(ids[2]!), id, { displayName: 'Lid 3' });
    const status = await f.m.admin.status(lotte(), id);
    expect(status.rsvp).toEqual({ capacity: 2, attending: ['Lid 1', 'Lid 2'], waitlist: ['Lid 3'] });
    expect(await errorOf(f.m.admin.status(f.actor(people.sem), id))).toBe('networks.error.notCoordinator');
    expect(await errorOf(f.m.admin.status(f.actor(ids[0]!), id))).toBe('networks.error.notCoordinator');
  });

  it('closes sign-ups when the meetup starts or is retracted', async () => {
    const id = await sentMeetup();
    f.clock.set('2026-12-04T17:00:00Z'); // 18:00 in Amsterdam
    expect(await errorOf(f.m.meetups.signUp(f.actor(ids[0]!), id, {}))).toBe('signups.error.deadlinePassed');
    f.clock.set('2026-11-23T10:00:00Z');
    await f.m.admin.retract(lotte(), id);
    expect(await errorOf(f.m.meetups.signUp(f.actor(ids[0]!), id, {}))).toBe('networks.error.retracted');
  });

  it('a correction that adds seats promotes from the waitlist', async () => {
    const id = await sentMeetup();
    for (const aad of ids.slice(0, 4)) await f.m.meetups.signUp(f.actor(aad), id, {});
    const fix = correctionFormSchema.parse({
      announcementId: id,
      baseRevision: '1',
      kind: 'meetup',
      text: 'Samen eten',
      title: 'Pride-diner',
      date: '2026-12-04',
      time: '18:00',
      place: 'Timmerhuis',
      capacity: '3',
      rsvp: 'true',
    });
    await f.m.admin.correct(lotte(), fix);
    const roster = await new SignupService(f.store, f.clock).roster(meetupListId(id));
    expect(roster.attending).toEqual([ids[0], ids[1], ids[2]]);
    expect(roster.waitlist).toEqual([ids[3]]);
  });
});
