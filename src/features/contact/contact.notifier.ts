import { CardText } from '../../platform/card-text';
import type { AdaptiveCard } from '../../platform/cards';
import { cardActivity, textActivity } from '../../platform/cards';
import { userKey } from '../../platform/delivery/delivery.port';
import type { AppDeps } from '../../platform/deps';
import { localeFrom } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale } from '../../platform/org/organisation';

/** Renders a message in the recipient's language. */
export type Render<T> = (text: CardText) => T;

/**
 * Every proactive message of this feature. Anything about a case goes through `sendNow`/`updateNow`
 * (never stored), because it may carry relay text, a name, or link a person to a case. Only the
 * content-free alert to the programmateam goes through the outbox. Failures are logged without the
 * recipient: who is in a case is private.
 */
export class ContactNotifier {
  constructor(
    private readonly deps: Pick<AppDeps, 'delivery' | 'conversations' | 'org' | 'i18n'>,
    private readonly logger: Logger,
  ) {}

  private async localeOf(aadObjectId: string): Promise<Locale> {
    return localeFrom(await this.deps.conversations.localeOf(userKey(aadObjectId)), this.deps.org);
  }

  private text(locale: Locale): CardText {
    return CardText.for(this.deps, locale);
  }

  /** Sends a card to one person's 1:1 chat; undefined when it could not be delivered. */
  async sendCard(
    aadObjectId: string,
    render: Render<AdaptiveCard>,
    caseId: string,
  ): Promise<{ activityId: string; locale: Locale } | undefined> {
    const locale = await this.localeOf(aadObjectId);
    try {
      const activityId = await this.deps.delivery.sendNow(
        userKey(aadObjectId),
        cardActivity(render(this.text(locale))),
        'urgent',
      );
      return { activityId, locale };
    } catch (err) {
      this.logger.warn(
        { caseId, reason: (err as { reason?: string }).reason ?? 'error' },
        'contact.send_failed',
      );
      return undefined;
    }
  }

  async sendText(aadObjectId: string, render: Render<string>, caseId: string): Promise<boolean> {
    const locale = await this.localeOf(aadObjectId);
    try {
      await this.deps.delivery.sendNow(
        userKey(aadObjectId),
        textActivity(render(this.text(locale))),
        'urgent',
      );
      return true;
    } catch (err) {
      this.logger.warn(
        { caseId, reason: (err as { reason?: string }).reason ?? 'error' },
        'contact.send_failed',
      );
      return false;
    }
  }

  /** Replaces a card sent earlier, in the language it was sent in. */
  async updateCard(
    aadObjectId: string,
    activityId: string,
    locale: Locale,
    render: Render<AdaptiveCard>,
    caseId: string,
  ): Promise<void> {
    const activity = cardActivity(render(this.text(locale)));
    try {
      await this.deps.delivery.updateNow(userKey(aadObjectId), activityId, activity);
    } catch (err) {
      this.logger.warn(
        { caseId, reason: (err as { reason?: string }).reason ?? 'error' },
        'contact.update_failed',
      );
    }
  }

  /** A content-free alert (no code, no topic) to everyone in the programmateam, through the outbox. */
  async alertProgrammateam(broadcastId: string, render: Render<string>): Promise<void> {
    const people = this.deps.org.peopleWithRole('programmateam');
    const byLocale = new Map<Locale, string>();
    const recipients = await Promise.all(
      people.map(async (p) => {
        const locale = await this.localeOf(p.aadObjectId);
        if (!byLocale.has(locale)) byLocale.set(locale, render(this.text(locale)));
        return { key: userKey(p.aadObjectId), activity: textActivity(byLocale.get(locale) as string) };
      }),
    );
    if (recipients.length)
      // Someone is waiting for a kernteamlid: part of the contact flow, so never held.
      await this.deps.delivery.enqueue({
        broadcastId,
        purpose: 'contact.waitAlert',
        urgency: 'urgent',
        recipients,
      });
  }
}
