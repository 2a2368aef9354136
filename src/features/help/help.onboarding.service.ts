import { CardText } from '../../platform/card-text';
import { cardActivity } from '../../platform/cards';
import { userKey, type RecipientKey } from '../../platform/delivery/delivery.port';
import type { HelpDeps } from './help.module';
import { renderWelcomeCard } from './cards/help.card';

/**
 * New colleagues (the organisation's onboarding group, optional): after every role refresh, members who
 * were never welcomed get the welcome card through the outbox, which installs the app for them when
 * needed. The welcome marker is claimed first, so the install event Teams sends afterwards (or a second
 * instance, or the next refresh) does not welcome them again.
 */
export class OnboardingWelcome {
  /** Already handled in this process: the next refresh does not ask the store again. */
  private readonly seen = new Set<string>();

  constructor(private readonly deps: HelpDeps) {}

  async welcomeNew(): Promise<number> {
    const fresh = this.deps.org.onboardingMembers().filter((id) => !this.seen.has(id));
    const recipients: RecipientKey[] = [];
    for (const id of fresh) {
      if (await this.deps.conversations.claimWelcome(userKey(id))) recipients.push(userKey(id));
      this.seen.add(id);
    }
    if (!recipients.length) return 0;
    const text = CardText.for(this.deps, this.deps.org.defaultLocale);
    const activity = cardActivity(renderWelcomeCard(text));
    await this.deps.delivery.enqueue({
      broadcastId: `help:onboarding:${this.deps.clock.now().toISOString()}`,
      purpose: 'help.onboarding',
      urgency: 'normal',
      recipients: recipients.map((key) => ({ key, activity })),
    });
    this.deps.logger.info({ welcomed: recipients.length }, 'onboarding: new colleagues welcomed');
    return recipients.length;
  }
}
