import { CardText } from '../../platform/card-text';
import { cardActivity, type AdaptiveCard } from '../../platform/cards';
import type { ConversationDirectory } from '../../platform/conversations';
import { userKey, type Delivery } from '../../platform/delivery/delivery.port';
import { localeFrom, type I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';

/** Proactive messages of the kernteam feature, always through the outbox. */
export class KernteamNotifier {
  constructor(
    private readonly delivery: Pick<Delivery, 'enqueue'>,
    private readonly i18n: I18n,
    private readonly org: Organisation,
    private readonly conversations: Pick<ConversationDirectory, 'localeOf'>,
  ) {}

  /**
   * One card per person in their language. `broadcastId` is derived from what is sent (the meeting,
   * the answered request), so a retried job or a double click sends once.
   */
  async send(
    broadcastId: string,
    purpose: string,
    userIds: string[],
    render: (text: CardText) => AdaptiveCard,
    summaryKey: string,
  ): Promise<void> {
    if (!userIds.length) return;
    const byLocale = new Map<Locale, ReturnType<typeof cardActivity>>();
    const activityFor = (locale: Locale) => {
      let activity = byLocale.get(locale);
      if (!activity) {
        const text = new CardText(this.i18n, this.org, locale);
        activity = cardActivity(render(text), text.t(summaryKey));
        byLocale.set(locale, activity);
      }
      return activity;
    };
    const recipients = [];
    for (const id of new Set(userIds.map((u) => u.toLowerCase()))) {
      const key = userKey(id);
      const locale = localeFrom(await this.conversations.localeOf(key), this.org);
      recipients.push({ key, activity: activityFor(locale) });
    }
    // The agenda and an answer to a request to join can wait for working hours (docs/calendar.md).
    await this.delivery.enqueue({ broadcastId, purpose, urgency: 'normal', recipients });
  }
}
