import { TurnContext } from 'botbuilder';
import { channelKey, userKey } from '../delivery/delivery.port';
import type { StoredConversationReference } from '../delivery/proactive-sender.port';
import type { AppDeps } from '../deps';

/**
 * Keeps the conversation reference for the person (1:1) or channel of every turn, so proactive
 * messages can reach them later. Only ids and the locale are kept, no names.
 */
export async function rememberConversation(context: TurnContext, deps: Pick<AppDeps, 'conversations'>) {
  const activity = context.activity;
  if (!activity.conversation?.id || !activity.serviceUrl) return;
  const full = TurnContext.getConversationReference(activity);
  const reference: StoredConversationReference = {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversation: {
      id: activity.conversation.id,
      tenantId: activity.conversation.tenantId,
      conversationType: activity.conversation.conversationType,
      isGroup: activity.conversation.isGroup,
    },
    bot: { id: full.bot?.id ?? activity.recipient?.id ?? '' },
    user: activity.from?.aadObjectId
      ? { id: activity.from.id, aadObjectId: activity.from.aadObjectId }
      : undefined,
    locale: activity.locale,
  };
  const type = activity.conversation.conversationType;
  if (type === 'personal' || (!type && !activity.conversation.isGroup)) {
    const aad = activity.from?.aadObjectId;
    if (aad) await deps.conversations.save(userKey(aad), reference, { locale: activity.locale });
  } else {
    const channelData = activity.channelData as
      { channel?: { name?: string }; team?: { name?: string } } | undefined;
    const title =
      [channelData?.team?.name, channelData?.channel?.name].filter(Boolean).join(' › ') ||
      activity.conversation.name;
    await deps.conversations.save(
      channelKey(activity.conversation.id),
      { ...reference, user: undefined },
      { title: title || undefined },
    );
  }
}
