/**
 * A year of fictional panel activity (2026) written through the features' own repositories, for the
 * Inzicht tests, the end-to-end test and the example year report. Only the shapes the features store;
 * no names (people are synthetic ids).
 */
import { ContactRepository } from '../../src/features/contact/contact.repository';
import type { ContactCase, ContactChannel } from '../../src/features/contact/contact.types';
import { AtelierRepository, signupListId } from '../../src/features/kennisatelier/kennisatelier.repository';
import { AnnouncementRepository, meetupListId } from '../../src/features/networks/networks.announcement.repository';
import { MembershipRepository } from '../../src/features/networks/networks.membership.repository';
import { PollRepository } from '../../src/features/polls/polls.repository';
import { SturingsgesprekRepository } from '../../src/features/sturingsgesprek/sturingsgesprek.repository';
import type { SheetDoc } from '../../src/features/sturingsgesprek/sturingsgesprek.types';
import { templateById } from '../../src/features/sturingsgesprek/sturingsgesprek.templates.rules';
import type { ManualClock } from '../../src/platform/clock';
import { SignupService } from '../../src/platform/signups';
import type { DocumentStore } from '../../src/storage/document-store.port';

export const person = (n: number) => `5eed0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const people = (from: number, count: number) => Array.from({ length: count }, (_, i) => person(from + i));

/** Closed cases per quarter: [topic, channel, referral] repeated. Q3 has 3 cases: the whole quarter is "<5". */
export const seededCases: Record<string, Array<[string, ContactChannel, string | undefined, number]>> = {
  '2026-Q1': [
    ['uitsluiting', 'chat', 'vertrouwenspersoon', 5],
    ['discriminatie', 'teamsCall', 'hr', 2],
  ],
  '2026-Q2': [
    ['uitsluiting', 'chat', undefined, 6],
    ['micro-agressie', 'chat', 'leidinggevende', 5],
    ['werving-selectie', 'inPerson', 'hr', 1],
  ],
  '2026-Q3': [['anders', 'chat', undefined, 3]],
  '2026-Q4': [['sociale-onveiligheid', 'teamsCall', 'vertrouwenspersoon', 6]],
};

const quarterStart: Record<string, string> = {
  '2026-Q1': '2026-02-10',
  '2026-Q2': '2026-05-12',
  '2026-Q3': '2026-08-18',
  '2026-Q4': '2026-10-06',
};

async function seedContact(store: DocumentStore): Promise<void> {
  const repo = new ContactRepository(store);
  let n = 0;
  for (const [quarter, groups] of Object.entries(seededCases))
    for (const [topic, channel, referral, count] of groups)
      for (let i = 0; i < count; i++) {
        n++;
        const c: ContactCase = {
          caseId: `case-${n}`,
          code: `K${String(n).padStart(4, '0')}`,
          status: 'closed',
          createdAt: quarterStart[quarter] as string,
          closedAt: quarterStart[quarter] as string,
          quarter,
          topic,
          contactChannel: channel,
          referralDestination: referral,
          outcome: referral ? 'referred' : 'listened',
        };
        await repo.createCase(c, 365 * 86_400);
      }
}

/** Ateliers: [id, start, capacity, sign-ups, attended, satisfaction scores]. */
export const seededAteliers: Array<[string, string, number, number, number, number[]]> = [
  ['a1f3c2d4', '2026-02-17T13:00:00Z', 20, 18, 15, [5, 4, 4, 5, 3, 4, 5, 4, 2, 5]],
  ['b2e4d3c5', '2026-05-19T13:00:00Z', 12, 16, 11, [4, 4, 5, 3, 3, 4, 5, 2]],
  ['c3d5e4f6', '2026-09-22T13:00:00Z', 25, 22, 19, [5, 5, 4, 4, 4, 5, 3, 4, 5, 4, 4, 5]],
  ['d4c6f5a7', '2026-10-13T13:00:00Z', 15, 9, 7, [4, 5, 3]],
];

async function seedAteliers(store: DocumentStore, clock: ManualClock, fold: () => Promise<void>): Promise<void> {
  const ateliers = new AtelierRepository(store);
  const signups = new SignupService(store, clock);
  const polls = new PollRepository(store);
  let base = 100;
  for (const [id, startsAt, capacity, count, attended, scores] of seededAteliers) {
    const ends = new Date(Date.parse(startsAt) + 2 * 3_600_000).toISOString();
    // Each atelier as it happened: the day after, attendance marked; the poll closes two weeks later.
    clock.set(new Date(Date.parse(ends) + 86_400_000));
    const who = people(base, count);
    base += 100;
    await signups.open(signupListId(id), { capacity, keepUntil: new Date(Date.parse(ends) + 90 * 86_400_000).toISOString() });
    for (const p of who) await signups.signUp(signupListId(id), p);
    const attendees = who.slice(0, attended);
    await ateliers.create({
      id,
      title: `Kennisatelier ${id}`,
      description: 'Demo',
      startsAt,
      endsAt: ends,
      deadline: startsAt,
      capacity,
      channelIds: [],
      networkIds: [],
      createdBy: person(1),
      createdAt: startsAt,
      updatedAt: ends,
      status: 'published',
      revision: 1,
      listedFrom: null,
      attendance: { markedBy: person(1), markedAt: ends, attendeeIds: attendees, pollAt: ends },
    });
    const pollId = `sat-${id}`;
    const closedAt = new Date(Date.parse(ends) + 14 * 86_400_000).toISOString();
    await polls.createPoll({
      pollId,
      type: 'satisfaction',
      kind: 'rating',
      options: [],
      allowComment: false,
      anonymous: true,
      source: { sourceId: id, title: `Kennisatelier ${id}`, heldAt: startsAt },
      audience: { userIds: attendees, channelKeys: [], networkIds: [] },
      organiserIds: [],
      openedAt: ends,
      closesAt: closedAt,
      status: 'closed',
      closedAt,
    });
    for (const [i, score] of scores.entries())
      await polls.createAnswer(pollId, { pollId, key: `k${String(i).padStart(3, '0')}`, score });
    await fold();
  }
  await polls.createPoll({
    pollId: 'adhoc-1',
    type: 'adhoc',
    kind: 'single',
    question: 'Demo',
    options: ['Ja', 'Nee'],
    allowComment: false,
    anonymous: true,
    audience: { userIds: people(900, 40), channelKeys: [], networkIds: [] },
    organiserIds: [],
    openedAt: '2026-06-01T08:00:00Z',
    closesAt: '2026-06-15T08:00:00Z',
    status: 'closed',
    closedAt: '2026-06-15T08:00:00Z',
  });
  for (let i = 0; i < 26; i++)
    await polls.createAnswer('adhoc-1', { pollId: 'adhoc-1', key: `k${String(i).padStart(3, '0')}`, choices: [i % 3 ? 0 : 1] });
}

export const seededMembers: Record<string, number> = {
  'r-pride': 14,
  neurodiversiteit: 9,
  'jong-r': 3,
  inclusiviteitspanel: 21,
};

async function seedNetworks(store: DocumentStore, clock: ManualClock): Promise<void> {
  const members = new MembershipRepository(store);
  let base = 2000;
  for (const [networkId, count] of Object.entries(seededMembers)) {
    for (const id of people(base, count)) await members.add({ networkId, aadObjectId: id, joinedAt: '2026-03-01T09:00:00Z' });
    base += 100;
  }
  const announcements = new AnnouncementRepository(store);
  const signups = new SignupService(store, clock);
  const sent = async (id: string, networkId: string, sentAt: string, meetupAt?: string, rsvps = 0) => {
    await announcements.create({
      type: 'announcement',
      id,
      networkId,
      kind: meetupAt ? 'meetup' : 'plain',
      text: 'Demo',
      meetup: meetupAt ? { title: 'Meetup', startsAt: meetupAt, place: 'Timmerhuis', capacity: 30, rsvp: true } : undefined,
      toMembers: true,
      toChannel: false,
      status: 'draft',
      revision: 1,
      createdBy: person(1),
      createdAt: sentAt,
      updatedAt: sentAt,
    } as never);
    await announcements.update(id, (d) => ({ ...d, status: 'sent', sentAt, sentBy: person(1) }));
    if (meetupAt) {
      await signups.open(meetupListId(id), { capacity: 30 });
      for (const p of people(3000, rsvps)) await signups.signUp(meetupListId(id), p);
    }
  };
  await sent('ann-1', 'r-pride', '2026-06-02T09:00:00Z', '2026-06-28T16:00:00Z', 11);
  await sent('ann-2', 'inclusiviteitspanel', '2026-09-08T09:00:00Z');
  await sent('ann-3', 'neurodiversiteit', '2026-10-01T09:00:00Z', '2026-10-20T16:00:00Z', 6);
}

/** Two closed rounds: Q1 (6 of 7 submitted) and Q3 (7 of 7). */
async function seedRounds(store: DocumentStore): Promise<void> {
  const repo = new SturingsgesprekRepository(store);
  const template = templateById('kwartaal-1');
  if (!template) throw new Error('template kwartaal-1 missing');
  const clusters = [
    'dienstverlening',
    'maatschappelijke-ontwikkeling',
    'stadsontwikkeling',
    'stadsbeheer',
    'werk-en-inkomen',
    'bestuursdienst',
    'concernstaf',
  ];
  const rounds: Array<[string, string, number]> = [
    ['round-q1', '2026-02-02T08:00:00Z', 6],
    ['round-q3', '2026-08-03T08:00:00Z', 7],
  ];
  for (const [roundId, opensAt, submitted] of rounds) {
    const deadline = new Date(Date.parse(opensAt) + 21 * 86_400_000).toISOString();
    await repo.createRound({
      roundId,
      status: 'closed',
      setId: template.id,
      setName: template.name,
      questions: template.questions,
      periodLabel: roundId,
      opensAt,
      deadline,
      includeDepartments: false,
      reminderDays: [],
      units: clusters.map((c, i) => ({ unitId: c, clusterId: c, name: { nl: c }, ownerId: person(5000 + i) })),
      createdBy: person(1),
      createdAt: opensAt,
      updatedAt: deadline,
      openedAt: opensAt,
      closedAt: deadline,
      revision: 1,
    });
    await repo.createSheets(
      clusters.map((c, i) => ({
        roundId,
        unitId: c,
        state: (i < submitted ? 'submitted' : 'opened') as SheetDoc['state'],
        answers: (i < submitted
            ? {
                'k1-prioriteit': { kind: 'doorbraken', ids: [`db-0${(i % 4) + 1}`, 'db-07'], why: 'Demo' },
                'k1-weerstand': { kind: 'yesNo', yes: i % 3 === 0 },
              }
            : {}) as SheetDoc['answers'],
        revision: 1,
        deputyAssignments: 0,
      })),
    );
  }
}

/**
 * `fold` is the Inzicht fold (features → aggregates); the seed runs it after each atelier at that
 * atelier's time, as the production timer would have, then puts the clock back.
 */
export async function seedPanelYear(store: DocumentStore, clock: ManualClock, fold: () => Promise<void>): Promise<void> {
  const now = clock.now();
  await seedContact(store);
  // Members first: each fold below measures them for its quarter, as the timer would have.
  await seedNetworks(store, clock);
  await seedAteliers(store, clock, fold);
  clock.set(now);
  await seedRounds(store);
}
