import { randomUUID } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Delivery, Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import type { AnnouncementAudience } from './networks.announcement-audience.service';
import { contentFrom } from './networks.announcement.rules';
import { announcementDeliveryJob, announcementDeliveryJobId, type AnnouncementDeliveryPayload } from './networks.jobs';
import { meetupListId, type AnnouncementDoc, type AnnouncementRepository } from './networks.announcement.repository';
import type { CardEnv } from './cards/announcement.card';
import type { MembershipService } from './networks.membership.service';
import { networksErrors, requireCoordinator } from './networks.errors';
import type { AnnouncementForm } from './networks.schemas';

export interface AnnouncementDeps {
  repo: AnnouncementRepository;
  membership: MembershipService;
  audience: AnnouncementAudience;
  signups: SignupService;
  delivery: Delivery;
  scheduler: Pick<Scheduler, 'schedule'>;
  org: Organisation;
  clock: Clock;
  logger: Logger;
  env: CardEnv;
}

/**
 * A coordinator's announcement from draft to sent. Every method checks that the actor coordinates
 * the announcement's network (from the organisation file), whatever the card claimed.
 */
export class AnnouncementService {
  constructor(private readonly d: AnnouncementDeps) {}

  /** Creates or updates a draft from the form; the preview shows it before anything is sent. */
  async saveDraft(actor: Actor, form: AnnouncementForm): Promise<AnnouncementDoc> {
    const network = requireCoordinator(this.d.org, actor, form.networkId);
    if (form.toChannel && !network.channelId) throw networksErrors.noChannel();
    const now = this.d.clock.now();
    const content = contentFrom(form, this.d.org.data.organisation.timeZone, now);
    const fields = { ...content, networkId: network.id, toMembers: form.toMembers, toChannel: form.toChannel, updatedAt: now.toISOString() };
    if (form.announcementId) {
      await this.owned(actor, form.announcementId);
      const updated = await this.d.repo.update(form.announcementId, (doc) => {
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
    await this.d.repo.create(doc);
    return doc;
  }

  /** The announcement, if the actor coordinates its network. */
  async owned(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.d.repo.get(id);
    if (!doc) throw networksErrors.announcementNotFound();
    requireCoordinator(this.d.org, actor, doc.networkId);
    return doc;
  }

  async draft(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.owned(actor, id);
    if (doc.status !== 'draft') throw networksErrors.alreadySent();
    return doc;
  }

  /**
   * Hands the announcement to a durable job that enqueues it (see announcement-delivery.job.ts), then
   * marks it sent: the click answers at once whatever the network's size. A crash in between leaves
   * a draft whose job still sends, and the next click finds it sent (broadcast id = announcement id).
   */
  async send(actor: Actor, id: string): Promise<{ doc: AnnouncementDoc; alreadySent: boolean }> {
    const doc = await this.owned(actor, id);
    if (doc.status === 'retracted') throw networksErrors.retracted();
    if (doc.status === 'sent') return { doc, alreadySent: true };
    const now = this.d.clock.now();
    if (doc.meetup && doc.meetup.startsAt <= now.toISOString()) throw networksErrors.meetupInPast();
    if (doc.toChannel && !this.d.audience.channelOf(doc.networkId)) throw networksErrors.noChannel();

    const { members: memberRecipients, total } = await this.d.audience.count(doc);
    if (total === 0) throw networksErrors.noRecipients();
    if (doc.meetup?.rsvp) await this.d.signups.open(meetupListId(doc.id), { capacity: doc.meetup.capacity, deadline: doc.meetup.startsAt });
    const payload: AnnouncementDeliveryPayload = { announcementId: doc.id, sentBy: actor.aadObjectId };
    await this.d.scheduler.schedule({ id: announcementDeliveryJobId(doc.id), kind: announcementDeliveryJob, runAt: now, payload });

    let transitioned = false;
    const sent = await this.d.repo.update(doc.id, (current) => {
      transitioned = current.status === 'draft';
      return transitioned
        ? { ...current, status: 'sent', sentAt: now.toISOString(), sentBy: actor.aadObjectId, memberRecipients, updatedAt: now.toISOString() }
        : undefined;
    });
    if (transitioned) this.d.logger.info({ announcementId: doc.id, recipients: total }, 'network announcement sending');
    return { doc: sent ?? doc, alreadySent: !transitioned };
  }

  /** Recent announcements of the actor's own networks. */
  async recent(actor: Actor): Promise<AnnouncementDoc[]> {
    if (actor.coordinatorOf.length === 0) throw networksErrors.notCoordinator();
    return this.d.repo.recent(actor.coordinatorOf);
  }
}
