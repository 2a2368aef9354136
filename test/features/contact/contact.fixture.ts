import type { z } from 'zod';
import { ManualClock } from '../../../src/platform/clock';
import { ConversationDirectory } from '../../../src/platform/conversations';
import type {
  BroadcastRequest,
  BroadcastStatus,
  Delivery,
  Reachability,
  NotReached,
  OutboundActivity,
  RecipientKey,
  Urgency,
  ScheduledJob,
  Scheduler,
} from '../../../src/platform/delivery/delivery.port';
import { SendError } from '../../../src/platform/delivery/proactive-sender.port';
import { I18n } from '../../../src/platform/i18n/i18n';
import platformEn from '../../../src/platform/i18n/en.json';
import platformIt from '../../../src/platform/i18n/it.json';
import platformNl from '../../../src/platform/i18n/nl.json';
import { silentLogger } from '../../../src/platform/logger';
import { Organisation, type Actor } from '../../../src/platform/org/organisation';
import { PeopleNames } from '../../../src/platform/people/people-names';
import { containers } from '../../../src/storage/document-store.port';
import type { DocumentStore } from '../../../src/storage/document-store.port';
import { createContactModule, type ContactModule } from '../../../src/features/contact/contact.module';
import contactEn from '../../../src/features/contact/i18n/en.json';
import contactIt from '../../../src/features/contact/i18n/it.json';
import contactNl from '../../../src/features/contact/i18n/nl.json';
import { cardText } from '../../support/cards';
import { openTestStore } from '../../support/test-store';

/** Records what would go to Teams; `sendNow` content is kept only here, in the test's memory. */
export class RecordingDelivery implements Delivery {
  sent: Array<{ key: RecipientKey; activity: OutboundActivity; activityId: string }> = [];
  updates: Array<{ key: RecipientKey; activityId: string; activity: OutboundActivity }> = [];
  broadcasts: BroadcastRequest[] = [];
  failing = new Set<RecipientKey>();
  private next = 0;

  /** Everything in the contact flow is urgent (docs/calendar.md): a normal send here fails the test. */
  async sendNow(key: RecipientKey, activity: OutboundActivity, urgency: Urgency): Promise<string> {
    if (urgency !== 'urgent') throw new Error(`contact sent a ${urgency} message`);
    if (this.failing.has(key)) throw new SendError(404, undefined, 'NO_REFERENCE');
    const activityId = `act-${++this.next}`;
    this.sent.push({ key, activity, activityId });
    return activityId;
  }
  async updateNow(key: RecipientKey, activityId: string, activity: OutboundActivity): Promise<void> {
    this.updates.push({ key, activityId, activity });
  }
  async enqueue(request: BroadcastRequest): Promise<BroadcastStatus> {
    if (request.urgency !== 'urgent') throw new Error(`contact enqueued a ${request.urgency} message`);
    if (!this.broadcasts.some((b) => b.broadcastId === request.broadcastId)) this.broadcasts.push(request);
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
  async enqueueUpdate(): Promise<void> {}
  async notReached(): Promise<NotReached[]> {
    return [];
  }

  async forget(): Promise<number> {
    return 0;
  }
  async retryFailed(): Promise<number> {
    return 0;
  }
  async status(): Promise<BroadcastStatus | undefined> {
    return undefined;
  }
  async sentMessages() {
    return [];
  }
  async reachable(key: RecipientKey): Promise<Reachability> {
    return this.failing.has(key)
      ? { state: 'unreachable', reason: 'notConfigured' }
      : { state: 'reachable', via: 'stored' };
  }
  /** Visible text of everything sent to one person (cards and plain text). */
  textFor(aadObjectId: string): string[] {
    return this.sent
      .filter((s) => s.key === `user:${aadObjectId.toLowerCase()}`)
      .map((s) => activityText(s.activity));
  }
}

export const activityText = (a: OutboundActivity) =>
  a.text ?? (a.attachments ?? []).map((x) => cardText(x.content)).join('\n');

export class RecordingScheduler implements Scheduler {
  jobs = new Map<string, ScheduledJob<unknown>>();
  handlers = new Map<string, (payload: unknown, job: ScheduledJob<unknown>) => Promise<void>>();
  on<S extends z.ZodTypeAny>(
    kind: string,
    schema: S,
    handler: (payload: z.output<S>, job: ScheduledJob<z.output<S>>) => Promise<void>,
  ): void {
    this.handlers.set(kind, (payload, job) =>
      handler(schema.parse(payload), job as ScheduledJob<z.output<S>>),
    );
  }
  async schedule<P>(job: ScheduledJob<P>): Promise<void> {
    this.jobs.set(job.id, job);
  }
  async cancel(id: string): Promise<void> {
    this.jobs.delete(id);
  }
}

export const people = {
  noor: '7a11e1b0-0000-4000-8000-000000000003',
  daan: '7a11e1b0-0000-4000-8000-000000000004',
  priya: '7a11e1b0-0000-4000-8000-000000000005',
  sanne: '7a11e1b0-0000-4000-8000-000000000001',
  yusuf: '7a11e1b0-0000-4000-8000-000000000002',
  lotte: '7a11e1b0-0000-4000-8000-000000000008',
  sem: '7a11e1b0-0000-4000-8000-000000000009',
};

export interface Fixture {
  store: DocumentStore;
  clock: ManualClock;
  org: Organisation;
  i18n: I18n;
  delivery: RecordingDelivery;
  scheduler: RecordingScheduler;
  s: ContactModule;
  actor(id: string, locale?: 'nl' | 'en'): Actor;
  /** Every document in the contact container, for "nothing changed" assertions. */
  snapshot(): Promise<string>;
}

export async function contactFixture(): Promise<Fixture> {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const store = await openTestStore(':memory:', () => clock.now().getTime());
  const org = Organisation.load('config/org.demo.json');
  const i18n = new I18n((l) => org.terms(l));
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
  i18n.register({ nl: contactNl, en: contactEn, it: contactIt });
  const delivery = new RecordingDelivery();
  const scheduler = new RecordingScheduler();
  const conversations = new ConversationDirectory(store, () => clock.now());
  // No directory, as in a local run: kernteamleden are named by the organisation file.
  const people = new PeopleNames(org, undefined);
  const logger = silentLogger();
  const deps = { store, clock, org, i18n, delivery, scheduler, conversations, logger, people };
  const s = createContactModule(deps);
  return {
    store,
    clock,
    org,
    i18n,
    delivery,
    scheduler,
    s,
    actor: (id, locale = 'nl') => org.actor(id, locale),
    snapshot: async () =>
      JSON.stringify((await store.query(containers.contact)).map((d) => ({ ...d, etag: undefined }))),
  };
}
