import { createHash } from 'node:crypto';
import { CardText } from '../../platform/card-text';
import { cardActivity } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import { userKey, type Delivery } from '../../platform/delivery/delivery.port';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { renderAnnouncementCard } from './cards/announcement.card';
import type { AnnouncementAudience } from './networks.announcement-audience.service';
import type { AnnouncementDoc } from './networks.types';

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
    private readonly i18n: I18n,
    private readonly org: Organisation,
    private readonly clock: Clock,
  ) {}

  async promoted(doc: AnnouncementDoc, aadObjectIds: string[]): Promise<void> {
    if (!doc.meetup || aadObjectIds.length === 0) return;
    const digest = createHash('sha256')
      .update(`${this.clock.now().toISOString()}|${aadObjectIds.join(',')}`)
      .digest('hex')
      .slice(0, 16);
    const keys = aadObjectIds.map(userKey);
    const locales = await this.audience.localesOf(keys);
    const fallback = this.org.defaultLocale;
    const copy = (locale: Locale) => {
      const text = new CardText(this.i18n, this.org, locale);
      return cardActivity(
        renderAnnouncementCard(text, doc, 'channel', {
          note: text.t('networks.card.promoted'),
          rsvp: { state: 'attending' },
        }),
      );
    };
    const byLocale = new Map(this.org.languages.map((l) => [l, copy(l)]));
    await this.delivery.enqueue({
      broadcastId: `${doc.id}:promoted:${digest}`,
      purpose: 'networks.meetupPromoted',
      // A seat from the waitlist: the meetup may be soon, so it is not held (docs/calendar.md).
      urgency: 'urgent',
      recipients: keys.map((key) => ({
        key,
        activity: byLocale.get(locales.get(key) ?? fallback) ?? copy(fallback),
      })),
      keepUntil: this.clock.now(),
    });
  }
}
