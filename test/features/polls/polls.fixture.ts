import { Writable } from 'node:stream';
import type { Config } from '../../../src/config';
import { CardText } from '../../../src/platform/card-text';
import { ManualClock } from '../../../src/platform/clock';
import type { ConversationDirectory } from '../../../src/platform/conversations';
import type {
  BroadcastRequest,
  BroadcastStatus,
  Delivery,
  RecipientKey,
  Scheduler,
  ScheduledJob,
} from '../../../src/platform/delivery/delivery.port';
import { Downloads } from '../../../src/platform/downloads';
import { NetworkMembership } from '../../../src/platform/contracts/network-membership.port';
import { HelpRegistry } from '../../../src/platform/help';
import { I18n } from '../../../src/platform/i18n/i18n';
import platformEn from '../../../src/platform/i18n/en.json';
import platformIt from '../../../src/platform/i18n/it.json';
import platformNl from '../../../src/platform/i18n/nl.json';
import { createLogger } from '../../../src/platform/logger';
import { PeopleNames } from '../../../src/platform/people/people-names';
import { Organisation, type Actor, type Locale } from '../../../src/platform/org/organisation';
import { containers } from '../../../src/storage/document-store.port';
import { answerKeySecret } from '../../../src/features/polls/polls.answer-key.rules';
import { createPollsModule } from '../../../src/features/polls/polls.module';
import pollsEn from '../../../src/features/polls/i18n/en.json';
import pollsIt from '../../../src/features/polls/i18n/it.json';
import pollsNl from '../../../src/features/polls/i18n/nl.json';
import { openTestStore } from '../../support/test-store';

/** Records what would be sent; the real outbox has its own tests. */
export class RecordingDelivery implements Pick<Delivery, 'enqueue' | 'forget'> {
  readonly requests = new Map<string, BroadcastRequest>();
  readonly forgotten: string[] = [];
  async forget(broadcastId: string): Promise<number> {
    this.forgotten.push(broadcastId);
    return 0;
  }
  async enqueue(request: BroadcastRequest): Promise<BroadcastStatus> {
    if (!this.requests.has(request.broadcastId)) this.requests.set(request.broadcastId, request);
    const n = request.recipients.length;
    return {
      broadcastId: request.broadcastId,
      purpose: request.purpose,
      total: n,
      queued: n,
      sent: 0,
      failed: 0,
      inactive: 0,
      createdAt: '',
    };
  }
}

export class RecordingScheduler implements Scheduler {
  readonly jobs = new Map<string, ScheduledJob>();
  on(): void {}
  async schedule<P>(job: ScheduledJob<P>): Promise<void> {
    this.jobs.set(job.id, job as ScheduledJob);
  }
  async cancel(id: string): Promise<void> {
    this.jobs.delete(id);
  }
}

export const people = {
  sanne: '7a11e1b0-0000-4000-8000-000000000001', // programmateam, coordinator of inclusiviteitspanel
  yusuf: '7a11e1b0-0000-4000-8000-000000000002', // programmateam
  noor: '7a11e1b0-0000-4000-8000-000000000003', // kernteamlid
  lotte: '7a11e1b0-0000-4000-8000-000000000008', // coordinator of r-pride
  sem: '7a11e1b0-0000-4000-8000-000000000009', // coordinator of neurodiversiteit
  medewerker: '7a11e1b0-0000-4000-8000-000000000012',
};

/** Twelve attendees: the people from the demo file without a special role, plus a few more. */
export const attendees = [
  '7a11e1b0-0000-4000-8000-000000000003',
  '7a11e1b0-0000-4000-8000-000000000004',
  '7a11e1b0-0000-4000-8000-000000000005',
  '7a11e1b0-0000-4000-8000-000000000008',
  '7a11e1b0-0000-4000-8000-000000000009',
  '7a11e1b0-0000-4000-8000-00000000000a',
  '7a11e1b0-0000-4000-8000-00000000000b',
  '7a11e1b0-0000-4000-8000-00000000000c',
  '7a11e1b0-0000-4000-8000-00000000000d',
  '7a11e1b0-0000-4000-8000-00000000000e',
  '7a11e1b0-0000-4000-8000-00000000000f',
  '7a11e1b0-0000-4000-8000-000000000012',
];

export async function pollsFixture() {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const store = await openTestStore(':memory:', () => clock.now().getTime());
  const org = Organisation.load('config/org.demo.json');
  const i18n = new I18n((l) => org.terms(l));
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
  i18n.register({ nl: pollsNl, en: pollsEn, it: pollsIt });
  const delivery = new RecordingDelivery();
  const scheduler = new RecordingScheduler();
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const locales = new Map<RecipientKey, string>();
  const channels: Array<{ key: RecipientKey; title: string }> = [];
  const linkSigningSecret = 'server-secret-for-tests';
  /** Network members as the networks feature would answer: `networkId` → lower-case ids. */
  const members = new Map<string, Set<string>>();
  const networkMembership = new NetworkMembership();
  networkMembership.provide(async (networkId, id) => members.get(networkId)?.has(id) ?? false);
  const conversations: Pick<ConversationDirectory, 'localeOf' | 'channels'> = {
    localeOf: async (key) => locales.get(key),
    channels: async () =>
      channels.map((c) => ({
        key: c.key,
        title: c.title,
        reference: {} as never,
        active: true,
        updatedAt: '',
      })),
  };
  const polls = createPollsModule({
    config: { linkSigningSecret } as Config,
    logger: createLogger({ level: 'debug' }, sink),
    store,
    clock,
    org,
    i18n,
    help: new HelpRegistry(),
    conversations: conversations as ConversationDirectory,
    delivery: delivery as unknown as Delivery,
    scheduler,
    downloads: new Downloads('https://bot.example', linkSigningSecret, () => clock.now()),
    people: new PeopleNames(org, undefined),
    networkMembership,
  });
  /** What the module derives from the link-signing secret; with it (and the salt) answer ids can be recomputed. */
  const answerSecret = answerKeySecret(linkSigningSecret);
  const text = (locale: Locale) => CardText.for({ i18n, org }, locale);
  const actor = (id: string, locale: 'nl' | 'en' = 'nl'): Actor => org.actor(id, locale);
  /** Every document of the polls container, as an operator with database access would see it. */
  const dump = async () => store.query<Record<string, unknown>>(containers.polls);
  return {
    clock,
    store,
    org,
    i18n,
    delivery,
    scheduler,
    polls,
    answerSecret,
    text,
    actor,
    logLines,
    locales,
    channels,
    members,
    dump,
  };
}

export type PollsFixture = Awaited<ReturnType<typeof pollsFixture>>;

export const satisfactionJob = (
  overrides: Partial<{ attendeeIds: string[]; closesAt: string; sourceId: string }> = {},
) => ({
  sourceId: overrides.sourceId ?? 'atelier-42',
  title: 'Inclusief werven *zonder* [vooroordelen](https://evil.example)',
  heldAt: '2026-11-20T13:00:00Z',
  attendeeIds: overrides.attendeeIds ?? attendees,
  organiserIds: [people.yusuf],
  closesAt: overrides.closesAt ?? '2026-12-07T09:00:00Z',
});
