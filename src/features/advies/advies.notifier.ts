import { CardText } from '../../platform/card-text';
import { cardActivity, type AdaptiveCard } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import type { ConversationDirectory } from '../../platform/conversations';
import { userKey, type Delivery, type OutboundActivity } from '../../platform/delivery/delivery.port';
import { localeFrom, type I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale, Organisation } from '../../platform/org/organisation';
import type { SignupStatus } from '../../platform/signups';
import { renderNoticeCard, type NoticeData, type NoticeKind } from './cards/notice.card';
import { renderVolunteerCard, type VolunteerView } from './cards/volunteer.card';

/**
 * Everything this feature sends proactively, as new messages through the outbox, each person in their
 * own language. Broadcast ids derive from the request and the event, so a retried click sends once.
 */
export class AdviesNotifier {
  constructor(
    private readonly delivery: Delivery,
    private readonly conversations: ConversationDirectory,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly i18n: I18n,
    private readonly log: Logger,
  ) {}

  /** A status message (or a message to the panel) about a request. */
  notice(people: readonly string[], kind: NoticeKind, data: NoticeData, eventId: string): Promise<void> {
    return this.send(people, `advies.${kind}`, `advies.${data.request.id}.${kind}.${eventId}`, (text) =>
      renderNoticeCard(text, kind, data),
    );
  }

  /** "Wie doet mee?" to the kernteam (and the W&S panel for a W&S request). */
  askVolunteers(people: readonly string[], view: VolunteerView): Promise<void> {
    return this.send(people, 'advies.volunteers', `advies.${view.request.id}.volunteers`, (text) =>
      renderVolunteerCard(text, view),
    );
  }

  /**
   * Brings every "wie doet mee?" card up to date after a seat is taken: the count, and for each person
   * their own place (a seat, the reserve list, or "all seats taken"). Their copy is replaced in place.
   */
  async refreshVolunteers(
    view: Omit<VolunteerView, 'status' | 'lostRace'>,
    roster: { attending: string[]; waitlist: string[] },
  ): Promise<void> {
    const broadcastId = `advies.${view.request.id}.volunteers`;
    const locales = new Map<string, Locale>();
    for (const { key } of await this.delivery.sentMessages(broadcastId))
      locales.set(key, localeFrom(await this.conversations.localeOf(key), this.org));
    const statusOf = (id: string): SignupStatus => {
      if (roster.attending.includes(id)) return { state: 'attending' };
      const i = roster.waitlist.indexOf(id);
      return i >= 0 ? { state: 'waitlisted', position: i + 1 } : { state: 'none' };
    };
    await this.delivery.enqueueUpdate(
      broadcastId,
      `seats.${view.seats.attending}.${roster.waitlist.length}`,
      (key) => {
        const text = new CardText(this.i18n, this.org, locales.get(key) ?? this.org.defaultLocale);
        const status = statusOf(key.slice('user:'.length));
        return cardActivity(renderVolunteerCard(text, { ...view, status }));
      },
    );
  }

  private async send(
    people: readonly string[],
    purpose: string,
    broadcastId: string,
    render: (text: CardText) => AdaptiveCard,
  ): Promise<void> {
    const unique = [...new Set(people.map((p) => p.toLowerCase()))];
    if (!unique.length) return;
    const rendered = new Map<Locale, OutboundActivity>();
    const recipients = [];
    for (const id of unique) {
      const locale = localeFrom(await this.conversations.localeOf(userKey(id)), this.org);
      let activity = rendered.get(locale);
      if (!activity) {
        activity = cardActivity(render(new CardText(this.i18n, this.org, locale)));
        rendered.set(locale, activity);
      }
      recipients.push({ key: userKey(id), activity });
    }
    // Calls for volunteers, assignments and follow-ups can wait for working hours (docs/calendar.md).
    await this.delivery.enqueue({
      broadcastId,
      purpose,
      urgency: 'normal',
      recipients,
      notBefore: this.clock.now(),
    });
    this.log.info({ broadcastId, purpose, recipients: recipients.length }, 'advies message enqueued');
  }
}
