import { CardText } from '../../platform/card-text';
import { cardActivity } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import {
  networkBroadcastJobKind,
  type NetworkBroadcastJob,
} from '../../platform/contracts/network-broadcast.job';
import type { ConversationDirectory } from '../../platform/conversations';
import {
  userKey,
  type Delivery,
  type DeliveryRecipient,
  type OutboundActivity,
  type RecipientKey,
  type Scheduler,
} from '../../platform/delivery/delivery.port';
import { localeFrom, type I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { renderPollCard, type PollCardState } from './cards/poll.card';
import type { Poll } from './polls.types';

const purpose = 'polls.poll';
export const reminderBroadcastId = (pollId: string) => `polls:remind:${pollId}`;

/** Sends poll cards proactively: through the outbox, and to network members through the networks feature. */
export class PollsNotifier {
  constructor(
    private readonly delivery: Pick<Delivery, 'enqueue' | 'forget'>,
    private readonly scheduler: Pick<Scheduler, 'schedule'>,
    private readonly clock: Clock,
    private readonly i18n: I18n,
    private readonly org: Organisation,
    private readonly conversations: Pick<ConversationDirectory, 'localeOf'>,
  ) {}

  /**
   * Sends a newly opened poll: people and channels through the outbox, network members through the
   * networks feature (which alone knows them). Broadcast ids derive from the poll id, so a retried job
   * or a double-clicked form sends once.
   */
  async sendPoll(poll: Poll): Promise<void> {
    const byLocale = this.activities(poll, {});
    const keys = [...poll.audience.userIds.map(userKey), ...(poll.audience.channelKeys as RecipientKey[])];
    if (keys.length) {
      await this.delivery.enqueue({
        broadcastId: `polls:open:${poll.pollId}`,
        purpose,
        urgency: 'normal',
        createdBy: poll.createdBy,
        recipients: await this.recipients(keys, byLocale),
      });
    }
    if (poll.audience.networkIds.length) {
      const payload: NetworkBroadcastJob = {
        broadcastId: `polls:open-networks:${poll.pollId}`,
        networkIds: poll.audience.networkIds,
        purpose,
        cardByLocale: byLocale,
      };
      const job = {
        id: `polls:networks:${poll.pollId}`,
        kind: networkBroadcastJobKind,
        runAt: this.clock.now(),
        payload,
      };
      await this.scheduler.schedule(job);
    }
  }

  /** The reminder goes only to named audience members without a participation record. */
  async sendReminder(poll: Poll, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    const byLocale = this.activities(poll, { notice: 'reminder' });
    await this.delivery.enqueue({
      broadcastId: reminderBroadcastId(poll.pollId),
      purpose: 'polls.reminder',
      urgency: 'normal',
      createdBy: poll.createdBy,
      recipients: await this.recipients(userIds.map(userKey), byLocale),
    });
  }

  /** Deletes the reminder broadcast with its per-person items (who had not answered); safe to repeat. */
  async forgetReminder(pollId: string): Promise<void> {
    await this.delivery.forget(reminderBroadcastId(pollId));
  }

  /** One rendering per locale, shared by every recipient with that locale (the card holds nothing personal). */
  private activities(poll: Poll, state: PollCardState): Partial<Record<Locale, OutboundActivity>> {
    const make = (locale: Locale) => {
      const text = new CardText(this.i18n, this.org, locale);
      const summary = text.t(
        poll.type === 'satisfaction' ? 'polls.card.titleSatisfaction' : 'polls.card.titleAdhoc',
      );
      return cardActivity(renderPollCard(text, poll, state), summary);
    };
    return Object.fromEntries(this.org.languages.map((l) => [l, make(l)]));
  }

  private async localeOfKey(key: RecipientKey): Promise<Locale> {
    return localeFrom(await this.conversations.localeOf(key), this.org);
  }

  private async recipients(
    keys: RecipientKey[],
    byLocale: Partial<Record<Locale, OutboundActivity>>,
  ): Promise<DeliveryRecipient[]> {
    const list: DeliveryRecipient[] = [];
    for (const key of keys)
      list.push({ key, activity: byLocale[await this.localeOfKey(key)] as OutboundActivity });
    return list;
  }
}
