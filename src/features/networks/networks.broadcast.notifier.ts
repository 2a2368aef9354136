import type { NetworkBroadcastJob } from '../../platform/contracts/network-broadcast.job';
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
export function networkBroadcastHandler(d: {
  membership: MembershipService;
  audience: AnnouncementAudience;
  delivery: Delivery;
  org: Organisation;
  logger: Logger;
}) {
  return async (payload: NetworkBroadcastJob): Promise<void> => {
    const job = payload;
    const known = job.networkIds.filter((id) => d.org.data.networks.some((n) => n.id === id));
    if (known.length < job.networkIds.length) d.logger.warn({ broadcastId: job.broadcastId, unknown: job.networkIds.length - known.length }, 'unknown networks in broadcast job');
    const keys = (await d.membership.recipientIds(known, 'broadcast')).map(userKey);
    if (keys.length === 0) {
      d.logger.info({ broadcastId: job.broadcastId, networks: known.length }, 'network broadcast has no recipients');
      return;
    }
    const locales = await d.audience.localesOf(keys);
    const fallback = d.org.data.organisation.defaultLocale;
    await d.delivery.enqueue({
      broadcastId: job.broadcastId,
      purpose: job.purpose,
      recipients: keys.map((key) => ({ key, activity: job.cardByLocale[locales.get(key) ?? fallback] })),
      notBefore: job.notBefore ? new Date(job.notBefore) : undefined,
      // Nobody updates these copies later, and who got them is the networks' membership: keep that
      // as briefly as the engine allows (a day after each is settled).
      keepUntil: new Date(0),
    });
    d.logger.info({ broadcastId: job.broadcastId, networks: known.length, recipients: keys.length }, 'network broadcast enqueued');
  };
}
