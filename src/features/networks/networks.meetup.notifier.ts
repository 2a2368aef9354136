import { createHash } from 'node:crypto';
import { cardActivity } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import { userKey, type Delivery } from '../../platform/delivery/delivery.port';
import type { Locale, Organisation } from '../../platform/org/organisation';
import type { AnnouncementAudience } from './networks.announcement-audience.service';
import type { AnnouncementDoc } from './networks.announcement.repository';
import { renderAnnouncementCard, type CardEnv } from './cards/announcement.card';

/**
 * Tells people who moved from the waitlist into a seat, through delivery (a proactive message).
 * The broadcast id is fixed by the list change that promoted them: that change happens once (the
 * sign-up model returns `promoted` only from the write that made it), so one message per promotion.
 * The copy has no member buttons: someone who signed up from the channel need not be a member.
 */
export class MeetupNotifier {
  constructor(
    private readonly delivery: Delivery,
    private readonly audience: AnnouncementAudience,
    private readonly env: CardEnv,
    private readonly org: Organisation,
    private readonly clock: Clock,
  ) {}

  async promoted(doc: AnnouncementDoc, aadObjectIds: string[]): Promise<void> {
    if (!doc.meetup || aadObjectIds.length === 0) return;
    const digest = createHash('sha256').update(`${this.clock.now().toISOString()}|${aadObjectIds.join(',')}`).digest('hex').slice(0, 16);
    const keys = aadObjectIds.map(userKey);
    const locales = await this.audience.localesOf(keys);
    const fallback = this.org.data.organisation.defaultLocale;
    const copy = (locale: Locale) =>
      cardActivity(renderAnnouncementCard(this.env, locale, doc, 'channel', { note: this.env.i18n.t(locale, 'networks.card.promoted'), rsvp: { state: 'attending' } }));
    const byLocale = { nl: copy('nl'), en: copy('en') };
    await this.delivery.enqueue({
      broadcastId: `${doc.id}:promoted:${digest}`,
      purpose: 'networks.meetupPromoted',
      recipients: keys.map((key) => ({ key, activity: byLocale[locales.get(key) ?? fallback] })),
      keepUntil: this.clock.now(),
    });
  }
}
