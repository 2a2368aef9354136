import type { TurnContext } from 'botbuilder';
import { userKey } from '../delivery/delivery.port';
import type { AppDeps } from '../deps';
import type { Actor } from '../org/organisation';
import { isPersonal } from './routes';

/**
 * For a click in a channel: can the bot write to this person later (a reminder, a place off the
 * waitlist)? In the 1:1 chat the answer is yes (the turn just stored it). Elsewhere the bot makes the
 * conversation now if it can; `false` only when it certainly cannot, so the card can say so instead of
 * promising a message that never comes. An open question (Teams throttled) counts as yes: the outbox
 * tries again when it sends.
 */
export async function canWriteLater(
  deps: Pick<AppDeps, 'delivery'>,
  actor: Actor,
  context: TurnContext,
): Promise<boolean> {
  if (isPersonal(context)) return true;
  const reach = await deps.delivery.reachable(userKey(actor.aadObjectId));
  return reach.state !== 'unreachable';
}

/**
 * Teams' link to the person's chat with the bot (`28:` and its Microsoft App Id, which every deployment
 * with authentication has); opening it adds the app where the tenant's policy allows. Undefined locally.
 */
export function botChatLink(appId: string | undefined): string | undefined {
  return appId ? `https://teams.microsoft.com/l/chat/0/0?users=28:${encodeURIComponent(appId)}` : undefined;
}
