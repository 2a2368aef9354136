import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import { requireCoordinator } from './networks.access';
import type { AnnouncementAudience } from './networks.announcement-audience.service';
import type { AnnouncementNotifier } from './networks.announcement.notifier';
import {
  meetupListId,
  meetupListSettings,
  type AnnouncementRepository,
} from './networks.announcement.repository';
import { contentFrom } from './networks.announcement.rules';
import { networksErrors } from './networks.errors';
import type { AnnouncementDeliveryPayload, AnnouncementForm } from './networks.schemas';
import type { AnnouncementDoc } from './networks.types';
import { networksJobs } from './networks.verbs';

const announcementDeliveryJobId = (announcementId: string) =>
  `${networksJobs.announcementDelivery}.${announcementId}`;

/**
 * A coordinator's announcement from draft to sent. Every method checks that the actor coordinates
 * the announcement's network (from the organisation file), whatever the card claimed.
 */
export class AnnouncementService {
  constructor(
    private readonly repo: AnnouncementRepository,
    private readonly audience: AnnouncementAudience,
    private readonly copies: AnnouncementNotifier,
    private readonly signups: SignupService,
    private readonly scheduler: Pick<Scheduler, 'schedule'>,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Creates or updates a draft from the form; the preview shows it before anything is sent. */
  async saveDraft(actor: Actor, form: AnnouncementForm): Promise<AnnouncementDoc> {
    const network = requireCoordinator(this.org, actor, form.networkId);
    if (form.toChannel && !network.channelId) throw networksErrors.noChannel();
    const now = this.clock.now();
    const content = contentFrom(form, this.org.timeZone, now);
    const fields = {
      ...content,
      networkId: network.id,
      toMembers: form.toMembers,
      toChannel: form.toChannel,
      updatedAt: now.toISOString(),
    };
    if (form.announcementId) {
      await this.owned(actor, form.announcementId);
      const updated = await this.repo.update(form.announcementId, (doc) => {
        if (doc.status !== 'draft') throw networksErrors.alreadySent();
        const { link: _l, meetup: _m, ...rest } = doc;
        return { ...rest, ...fields };
      });
      if (!updated) throw networksErrors.announcementNotFound();
      return updated;
    }
    const doc: AnnouncementDoc = {
      type: 'announcement',
      id: `nw-${randomUUID()}`,
      ...fields,
      status: 'draft',
      revision: 1,
      createdBy: actor.aadObjectId,
      createdAt: now.toISOString(),
    };
    await this.repo.create(doc);
    return doc;
  }

  /** The announcement, if the actor coordinates its network. */
  async owned(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.repo.get(id);
    if (!doc) throw networksErrors.announcementNotFound();
    requireCoordinator(this.org, actor, doc.networkId);
    return doc;
  }

  async draft(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.owned(actor, id);
    if (doc.status !== 'draft') throw networksErrors.alreadySent();
    return doc;
  }

  /** A sent announcement of this network, to show a member their copy again; undefined otherwise. */
  async sentTo(networkId: string, id: string | undefined): Promise<AnnouncementDoc | undefined> {
    const doc = id ? await this.repo.get(id) : undefined;
    return doc && doc.networkId === networkId && doc.status === 'sent' ? doc : undefined;
  }

  /**
   * Hands the announcement to a durable job that enqueues it ({@link deliver}), then marks it sent:
   * the click answers at once whatever the network's size. A crash in between leaves a draft whose
   * job still sends, and the next click finds it sent (broadcast id = announcement id).
   */
  async send(actor: Actor, id: string): Promise<{ doc: AnnouncementDoc; alreadySent: boolean }> {
    const doc = await this.owned(actor, id);
    if (doc.status === 'retracted') throw networksErrors.retracted();
    if (doc.status === 'sent') return { doc, alreadySent: true };
    const now = this.clock.now();
    if (doc.meetup && doc.meetup.startsAt <= now.toISOString()) throw networksErrors.meetupInPast();
    if (doc.toChannel && !this.audience.channelOf(doc.networkId)) throw networksErrors.noChannel();

    const { members: memberRecipients, total, muted } = await this.audience.count(doc);
    if (total === 0) throw networksErrors.noRecipients();
    if (doc.meetup?.rsvp) await this.signups.open(meetupListId(doc.id), meetupListSettings(doc.meetup));
    const payload: AnnouncementDeliveryPayload = { announcementId: doc.id, sentBy: actor.aadObjectId };
    await this.scheduler.schedule({
      id: announcementDeliveryJobId(doc.id),
      kind: networksJobs.announcementDelivery,
      runAt: now,
      payload,
    });

    let transitioned = false;
    const sent = await this.repo.update(doc.id, (current) => {
      transitioned = current.status === 'draft';
      return transitioned
        ? {
            ...current,
            status: 'sent',
            sentAt: now.toISOString(),
            sentBy: actor.aadObjectId,
            memberRecipients,
            mutedMembers: muted,
            updatedAt: now.toISOString(),
          }
        : undefined;
    });
    if (transitioned)
      this.logger.info({ announcementId: doc.id, recipients: total }, 'network announcement sending');
    return { doc: sent ?? doc, alreadySent: !transitioned };
  }

  /**
   * The delivery job. Sending is durable, not part of the coordinator's click: writing 12,000 outbox
   * items can take longer than Teams waits for a card action (about five seconds) on Cosmos DB, and a
   * job survives a crash and is retried. Enqueueing is idempotent (broadcast id = announcement id).
   */
  async deliver(payload: AnnouncementDeliveryPayload): Promise<void> {
    const doc = await this.repo.get(payload.announcementId);
    // Retracted before it went out: nothing to send. Members are read now, content is the latest.
    if (!doc || doc.status === 'retracted') return;
    if ((await this.copies.send(doc, payload.sentBy, doc.sentAt ?? this.clock.now())) === 0) return;
    // Corrected or retracted while this job was writing: items written after that change carry
    // the content read above, so bring every copy to the current state.
    const latest = await this.repo.get(doc.id);
    if (latest && (latest.revision !== doc.revision || latest.status === 'retracted'))
      await this.copies.sync(latest);
  }

  /** Recent announcements of the actor's own networks. */
  async recent(actor: Actor): Promise<AnnouncementDoc[]> {
    if (actor.coordinatorOf.length === 0) throw networksErrors.notCoordinator();
    return this.repo.recent(actor.coordinatorOf);
  }
}
