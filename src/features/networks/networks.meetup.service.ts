import type { Clock } from '../../platform/clock';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import { meetupListId, type AnnouncementRepository } from './networks.announcement.repository';
import { networksErrors } from './networks.errors';
import type { MeetupNotifier } from './networks.meetup.notifier';
import type { MembershipService } from './networks.membership.service';
import type { AnnouncementDoc, RsvpContext, RsvpResult } from './networks.types';

/** Attendee names are kept until well after the meetup, then expire. */
const NAME_TTL_AFTER_MEETUP_S = 90 * 86_400;

/** Meetup RSVP on the shared sign-up model (platform/signups): seats, waitlist, promotion. */
export class MeetupService {
  constructor(
    private readonly repo: AnnouncementRepository,
    private readonly membership: MembershipService,
    private readonly signups: SignupService,
    private readonly notifier: MeetupNotifier,
    private readonly org: Organisation,
    private readonly clock: Clock,
  ) {}

  async signUp(actor: Actor, announcementId: string, ctx: RsvpContext): Promise<RsvpResult> {
    const { doc, viaChannel } = await this.allowed(actor, announcementId, ctx);
    const { status, changed } = await this.signups.signUp(meetupListId(doc.id), actor.aadObjectId);
    const name = ctx.displayName?.trim().slice(0, 200) || actor.person?.name;
    if (name && doc.meetup) {
      const ttl = Math.max(0, (Date.parse(doc.meetup.startsAt) - this.clock.now().getTime()) / 1000) + NAME_TTL_AFTER_MEETUP_S;
      await this.repo.rememberAttendee(doc.id, actor.aadObjectId, name, Math.ceil(ttl));
    }
    return { doc, status, changed, viaChannel };
  }

  /** Anyone on the list may take themselves off it, also after leaving the network. */
  async cancel(actor: Actor, announcementId: string, ctx: RsvpContext): Promise<RsvpResult> {
    const { doc, viaChannel } = await this.allowed(actor, announcementId, ctx, true);
    const { changed, promoted } = await this.signups.cancel(meetupListId(doc.id), actor.aadObjectId);
    await this.notifier.promoted(doc, promoted);
    return { doc, status: { state: 'none' }, changed, viaChannel };
  }

  /**
   * Members of the network may sign up; so may anyone in the network's own channel when the meetup
   * was posted there. The card's data is never trusted for this.
   */
  private async allowed(actor: Actor, announcementId: string, ctx: RsvpContext, onListSuffices = false): Promise<{ doc: AnnouncementDoc; viaChannel: boolean }> {
    const doc = await this.repo.get(announcementId);
    if (!doc || doc.status === 'draft') throw networksErrors.announcementNotFound();
    if (doc.status === 'retracted') throw networksErrors.retracted();
    if (!doc.meetup?.rsvp) throw networksErrors.noRsvp();
    const channelId = this.org.network(doc.networkId)?.channelId;
    const viaChannel = doc.toChannel && !!channelId && ctx.channelId === channelId;
    if (viaChannel || (await this.membership.isMember(doc.networkId, actor.aadObjectId))) return { doc, viaChannel };
    if (onListSuffices && (await this.signups.status(meetupListId(doc.id), actor.aadObjectId)).state !== 'none') return { doc, viaChannel };
    throw networksErrors.notMember();
  }
}
