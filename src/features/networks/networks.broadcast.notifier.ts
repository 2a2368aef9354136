import type { NetworkBroadcastJob } from '../../platform/contracts/network-broadcast.job';
import type { OutboundActivity } from '../../platform/delivery/delivery.port';
import type { Locale } from '../../platform/i18n/locale';
import { userKey, type Delivery } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { AnnouncementAudience } from './networks.announcement-audience.service';
import type { MembershipService } from './networks.membership.service';

/**
 * Handles `networks.broadcastToMembers` for other features (kennisatelier, polls): they say which
 * networks, we resolve the members (each person once across networks) and hand one broadcast to
 * delivery. Membership never leaves this feature; the log holds counts only.
 *
 * Snooze is NOT applied here: "Sluimeren" pauses coordinators' announcements of that network, not
 * panel-wide messages (an atelier's early access, a poll) that reach people because they are members.
 */
export class NetworkBroadcastNotifier {
  constructor(
    private readonly membership: MembershipService,
    private readonly audience: AnnouncementAudience,
    private readonly delivery: Delivery,
    private readonly org: Organisation,
    private readonly logger: Logger,
  ) {}

  async broadcast(job: NetworkBroadcastJob): Promise<void> {
    const known = job.networkIds.filter((id) => !!this.org.network(id));
    if (known.length < job.networkIds.length) {
      this.logger.warn(
        { broadcastId: job.broadcastId, unknown: job.networkIds.length - known.length },
        'unknown networks in broadcast job',
      );
    }
    const keys = (await this.membership.recipientIds(known, 'broadcast')).map(userKey);
    if (keys.length === 0) {
      this.logger.info(
        { broadcastId: job.broadcastId, networks: known.length },
        'network broadcast has no recipients',
      );
      return;
    }
    const locales = await this.audience.localesOf(keys);
    const fallback = this.org.defaultLocale;
    await this.delivery.enqueue({
      broadcastId: job.broadcastId,
      purpose: job.purpose,
      // Ateliers and polls for a network's members: announcements, never urgent.
      urgency: 'normal',
      recipients: keys.map((key) => ({
        key,
        activity: job.cardByLocale[locales.get(key) ?? fallback] ?? firstCard(job.cardByLocale, fallback),
      })),
      notBefore: job.notBefore ? new Date(job.notBefore) : undefined,
      // Nobody updates these copies later, and who got them is the networks' membership: keep that
      // as briefly as the engine allows (a day after each is settled).
      keepUntil: new Date(0),
    });
    this.logger.info(
      { broadcastId: job.broadcastId, networks: known.length, recipients: keys.length },
      'network broadcast enqueued',
    );
  }
}

/** A job scheduled before the organisation offered this language: its default's card, or any. */
function firstCard(cards: NetworkBroadcastJob['cardByLocale'], fallback: Locale): OutboundActivity {
  return (cards[fallback] ?? Object.values(cards)[0]) as OutboundActivity;
}
