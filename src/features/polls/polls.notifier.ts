import { cardActivity } from '../../platform/cards';
import { networkBroadcastJobKind, type NetworkBroadcastJob } from '../../platform/contracts/network-broadcast.job';
import { userKey, type DeliveryRecipient, type OutboundActivity, type RecipientKey } from '../../platform/delivery/delivery.port';
import { localeFrom } from '../../platform/i18n/i18n';
import type { Locale } from '../../platform/org/organisation';
import { renderPollCard, type PollCardState } from './cards/poll.card';
import type { PollsContext } from './polls.context';
import type { Poll } from './polls.types';

const purpose = 'polls.poll';

/** One rendering per locale, shared by every recipient with that locale (the card holds nothing personal). */
function activities(ctx: PollsContext, poll: Poll, state: PollCardState): Record<Locale, OutboundActivity> {
  const make = (locale: Locale) => {
    const summary = ctx.i18n.t(locale, poll.type === 'satisfaction' ? 'polls.card.titleSatisfaction' : 'polls.card.titleAdhoc');
    return cardActivity(renderPollCard(ctx, poll, locale, state), summary);
  };
  return { nl: make('nl'), en: make('en') };
}

async function localeOfKey(ctx: PollsContext, key: RecipientKey): Promise<Locale> {
  return localeFrom(await ctx.conversations.localeOf(key), ctx.org.data.organisation.defaultLocale);
}

async function recipients(ctx: PollsContext, keys: RecipientKey[], byLocale: Record<Locale, OutboundActivity>): Promise<DeliveryRecipient[]> {
  const list: DeliveryRecipient[] = [];
  for (const key of keys) list.push({ key, activity: byLocale[await localeOfKey(ctx, key)] });
  return list;
}

/**
 * Sends a newly opened poll: people and channels through the outbox, network members through the
 * networks feature (which alone knows them). Broadcast ids derive from the poll id, so a retried job
 * or a double-clicked form sends once.
 */
export async function sendPoll(ctx: PollsContext, poll: Poll): Promise<void> {
  const byLocale = activities(ctx, poll, {});
  const keys = [...poll.audience.userIds.map(userKey), ...(poll.audience.channelKeys as RecipientKey[])];
  if (keys.length) {
    await ctx.delivery.enqueue({
      broadcastId: `polls:open:${poll.pollId}`,
      purpose,
      createdBy: poll.createdBy,
      recipients: await recipients(ctx, keys, byLocale),
    });
  }
  if (poll.audience.networkIds.length) {
    const payload: NetworkBroadcastJob = {
      broadcastId: `polls:open-networks:${poll.pollId}`,
      networkIds: poll.audience.networkIds,
      purpose,
      cardByLocale: byLocale,
    };
    await ctx.scheduler.schedule({ id: `polls:networks:${poll.pollId}`, kind: networkBroadcastJobKind, runAt: ctx.clock.now(), payload });
  }
}

/** The reminder goes only to named audience members without a participation record. */
export async function sendReminder(ctx: PollsContext, poll: Poll, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const byLocale = activities(ctx, poll, { notice: 'reminder' });
  await ctx.delivery.enqueue({
    broadcastId: `polls:remind:${poll.pollId}`,
    purpose: 'polls.reminder',
    createdBy: poll.createdBy,
    recipients: await recipients(ctx, userIds.map(userKey), byLocale),
  });
}
