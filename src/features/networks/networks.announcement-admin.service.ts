import type { Clock } from '../../platform/clock';
import type { Delivery } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import type { SignupService } from '../../platform/signups';
import type { AnnouncementNotifier } from './networks.announcement.notifier';
import {
  meetupListId,
  meetupListSettings,
  type AnnouncementRepository,
} from './networks.announcement.repository';
import { changeableUntil, contentFrom, sameContent } from './networks.announcement.rules';
import type { AnnouncementService } from './networks.announcement.service';
import { networksErrors } from './networks.errors';
import type { MeetupNotifier } from './networks.meetup.notifier';
import type { CorrectionForm } from './networks.schemas';
import type { AnnouncementDoc, AnnouncementStatusView } from './networks.types';

/** After sending: status, resend to failed, retract, correct. Coordinators of the network only. */
export class AnnouncementAdminService {
  constructor(
    private readonly announcements: AnnouncementService,
    private readonly repo: AnnouncementRepository,
    private readonly copies: AnnouncementNotifier,
    private readonly meetupNotifier: MeetupNotifier,
    private readonly signups: SignupService,
    private readonly delivery: Delivery,
    private readonly org: Organisation,
    private readonly people: PeopleNames,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async status(actor: Actor, id: string): Promise<AnnouncementStatusView> {
    const doc = await this.announcements.owned(actor, id);
    if (doc.status === 'draft') return { doc };
    const delivery = await this.delivery.status(doc.id);
    const until = changeableUntil(this.org, doc);
    const changeWindow = {
      changeableUntil: until,
      changeable: doc.status === 'sent' && until > this.clock.now(),
    };
    if (!doc.meetup?.rsvp) return { doc, delivery, ...changeWindow };
    // Names kept with the seats (also of colleagues who signed up from the channel), then the usual sources.
    const roster = await this.signups.namedRoster(meetupListId(doc.id));
    const names = await this.people.namesOf([...roster.attending, ...roster.waitlist], roster.names);
    const named = (ids: string[]) => ids.map((id) => names.get(id));
    return {
      doc,
      delivery,
      ...changeWindow,
      rsvp: {
        capacity: doc.meetup.capacity,
        attending: named(roster.attending),
        waitlist: named(roster.waitlist),
      },
    };
  }

  /** Sends again to the recipients whose delivery failed; inactive ones are left alone. */
  async retryFailed(actor: Actor, id: string): Promise<number> {
    const doc = await this.changeable(actor, id);
    const count = await this.delivery.retryFailed(doc.id);
    this.logger.info({ announcementId: doc.id, count }, 'network announcement resent to failed');
    return count;
  }

  /**
   * Replaces every copy with "ingetrokken" and closes sign-ups. Idempotent: a repeated retraction
   * re-issues the same update (update id 'retract'), which the delivery engine de-duplicates.
   */
  async retract(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.announcements.owned(actor, id);
    if (doc.status === 'draft') throw networksErrors.notSent();
    if (changeableUntil(this.org, doc) <= this.clock.now()) throw networksErrors.changeWindowClosed();
    const now = this.clock.now().toISOString();
    const retracted =
      (await this.repo.update(id, (c) =>
        c.status === 'sent' ? { ...c, status: 'retracted', retractedAt: now, updatedAt: now } : undefined,
      )) ?? doc;
    if (retracted.meetup?.rsvp) await this.signups.update(meetupListId(id), { closed: true });
    await this.copies.sync(retracted);
    this.logger.info({ announcementId: id }, 'network announcement retracted');
    return retracted;
  }

  /**
   * Applies a correction to every copy (update id = the new revision). `baseRevision` is the version
   * the form was opened on: a replayed click with the same content re-issues the same update; a
   * correction on top of someone else's newer one is refused.
   */
  async correct(actor: Actor, form: CorrectionForm): Promise<AnnouncementDoc> {
    const doc = await this.changeable(actor, form.announcementId);
    if (form.kind !== doc.kind) throw networksErrors.kindFixed();
    const now = this.clock.now();
    const content = contentFrom(form, this.org.timeZone, now);
    const corrected = await this.repo.update(doc.id, (c) => {
      if (c.status !== 'sent')
        throw c.status === 'retracted' ? networksErrors.retracted() : networksErrors.notSent();
      if (c.revision !== form.baseRevision) {
        if (c.revision === form.baseRevision + 1 && sameContent(c, content)) return undefined;
        throw networksErrors.changedMeanwhile();
      }
      const { link: _l, meetup: _m, ...rest } = c;
      return { ...rest, ...content, revision: c.revision + 1, updatedAt: now.toISOString() };
    });
    if (!corrected) throw networksErrors.announcementNotFound();
    await this.syncSignups(doc, corrected);
    await this.copies.sync(corrected);
    this.logger.info(
      { announcementId: doc.id, revision: corrected.revision },
      'network announcement corrected',
    );
    return corrected;
  }

  /** A sent announcement still within its change window (after it, delivery no longer knows the copies). */
  async changeable(actor: Actor, id: string): Promise<AnnouncementDoc> {
    const doc = await this.announcements.owned(actor, id);
    if (doc.status === 'draft') throw networksErrors.notSent();
    if (doc.status === 'retracted') throw networksErrors.retracted();
    if (changeableUntil(this.org, doc) <= this.clock.now()) throw networksErrors.changeWindowClosed();
    return doc;
  }

  /** Capacity, time or RSVP changed: the shared sign-up list follows; freed seats are announced. */
  private async syncSignups(before: AnnouncementDoc, after: AnnouncementDoc): Promise<void> {
    const list = meetupListId(after.id);
    if (after.meetup?.rsvp) {
      const settings = meetupListSettings(after.meetup);
      await this.signups.open(list, settings);
      const { promoted } = await this.signups.update(list, { ...settings, closed: false });
      await this.meetupNotifier.promoted(after, promoted);
    } else if (before.meetup?.rsvp) {
      await this.signups.update(list, { closed: true });
    }
  }
}
