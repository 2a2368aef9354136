import { CardText } from '../../platform/card-text';
import type { Delivery } from '../../platform/delivery/delivery.port';
import type { I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { renderAnnouncementCard, renderRetractedCard } from './cards/announcement.card';
import type { AnnouncementAudience, CopyRenderer } from './networks.announcement-audience.service';
import { changeableUntil } from './networks.announcement.rules';
import type { AnnouncementDoc } from './networks.types';

const announcementPurpose = 'networks.announcement';

/**
 * An announcement's copies in members' chats and the network's channel, through delivery: the first
 * send, and every later change (correction, retraction) to all of them.
 */
export class AnnouncementNotifier {
  constructor(
    private readonly delivery: Delivery,
    private readonly audience: AnnouncementAudience,
    private readonly i18n: I18n,
    private readonly org: Organisation,
    private readonly logger: Logger,
  ) {}

  /**
   * Enqueues the first send to the members read now, with the latest content. Idempotent: the
   * broadcast id is the announcement id. Returns the number of recipients (0: nothing enqueued).
   */
  async send(doc: AnnouncementDoc, sentBy: string, sentAt: string | Date): Promise<number> {
    const recipients = await this.audience.recipients(doc, (locale, audience) =>
      renderAnnouncementCard(this.text(locale), doc, audience),
    );
    if (recipients.length === 0) return 0;
    await this.delivery.enqueue({
      broadcastId: doc.id,
      purpose: announcementPurpose,
      urgency: 'normal',
      createdBy: sentBy,
      recipients,
      keepUntil: changeableUntil(this.org, doc, sentAt),
    });
    this.logger.info(
      { announcementId: doc.id, recipients: recipients.length },
      'network announcement enqueued',
    );
    return recipients.length;
  }

  /**
   * Brings every delivered copy to the announcement's current state: its latest revision (update id
   * `rev-<n>`) or "ingetrokken" (update id `retract`). Update ids make a repeat harmless. Before the
   * delivery job has enqueued anything there is nothing to update: that job sends the current state.
   */
  async sync(doc: AnnouncementDoc): Promise<void> {
    if (!(await this.delivery.status(doc.id))) return;
    const retracted = doc.status === 'retracted';
    const render: CopyRenderer = retracted
      ? (locale) => renderRetractedCard(this.text(locale), doc.networkId)
      : (locale, audience) => renderAnnouncementCard(this.text(locale), doc, audience);
    const sent = await this.delivery.sentMessages(doc.id);
    const activityFor = await this.audience.updater(
      doc,
      sent.map((s) => s.key),
      render,
    );
    // A meetup moved later stays correctable (and its copies known) until after the new date.
    const keepUntil = retracted ? undefined : changeableUntil(this.org, doc);
    await this.delivery.enqueueUpdate(doc.id, retracted ? 'retract' : `rev-${doc.revision}`, activityFor, {
      keepUntil,
    });
  }

  private text(locale: Locale): CardText {
    return new CardText(this.i18n, this.org, locale);
  }
}
