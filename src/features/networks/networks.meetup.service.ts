import type { Downloads } from '../../platform/downloads';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import { meetupListId, type AnnouncementRepository } from './networks.announcement.repository';
import { networksErrors } from './networks.errors';
import type { MeetupNotifier } from './networks.meetup.notifier';
import type { MembershipService } from './networks.membership.service';
import type { AnnouncementDoc, RsvpContext, RsvpResult } from './networks.types';
import { networksFiles } from './networks.verbs';

/** Meetup RSVP on the shared sign-up model (platform/signups): seats, waitlist, promotion. */
export class MeetupService {
  constructor(
    private readonly repo: AnnouncementRepository,
    private readonly membership: MembershipService,
    private readonly signups: SignupService,
    private readonly notifier: MeetupNotifier,
    private readonly org: Organisation,
    private readonly downloads: Downloads,
  ) {}

  /**
   * The person's display name (Teams' `from.name` in this turn) is kept with their seat, so the
   * coordinators' list names colleagues outside the organisation file; it goes with the seat, or
   * with the list 90 days after the meetup.
   */
  async signUp(actor: Actor, announcementId: string, ctx: RsvpContext): Promise<RsvpResult> {
    const { doc, viaChannel } = await this.allowed(actor, announcementId, ctx);
    const name = ctx.displayName || actor.person?.name;
    const { status, changed } = await this.signups.signUp(meetupListId(doc.id), actor.aadObjectId, name);
    const icsUrl =
      status.state === 'attending'
        ? this.downloads.link(networksFiles.ics, doc.id, actor.aadObjectId)
        : undefined;
    return { doc, status, changed, viaChannel, icsUrl };
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
  private async allowed(
    actor: Actor,
    announcementId: string,
    ctx: RsvpContext,
    onListSuffices = false,
  ): Promise<{ doc: AnnouncementDoc; viaChannel: boolean }> {
    const doc = await this.repo.get(announcementId);
    if (!doc || doc.status === 'draft') throw networksErrors.announcementNotFound();
    if (doc.status === 'retracted') throw networksErrors.retracted();
    if (!doc.meetup?.rsvp) throw networksErrors.noRsvp();
    const channelId = this.org.network(doc.networkId)?.channelId;
    const viaChannel = doc.toChannel && !!channelId && ctx.channelId === channelId;
    if (viaChannel || (await this.membership.isMember(doc.networkId, actor.aadObjectId)))
      return { doc, viaChannel };
    if (
      onListSuffices &&
      (await this.signups.status(meetupListId(doc.id), actor.aadObjectId)).state !== 'none'
    )
      return { doc, viaChannel };
    throw networksErrors.notMember();
  }
}
