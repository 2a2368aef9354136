import { randomBytes } from 'node:crypto';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { actorOf, answerCard } from '../../platform/bot/turn';
export { parsePayload } from '../../platform/bot/turn';
import { adaptiveCardContentType, type AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import type { Actor } from '../../platform/org/organisation';
import type { Words } from './sturingsgesprek.text.format';

/** Small helpers shared by the feature's handlers. */

export const wordsFor = (deps: Pick<AppDeps, 'i18n' | 'org'>, actor: Actor): Words => ({ i18n: deps.i18n, org: deps.org, locale: actor.locale });

/**
 * Answers the invoke with the card for the clicker only. The answer card carries `refresh`, and
 * teams-ai would otherwise switch every later response to "update the message for everyone".
 */
export async function replyForClicker(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: adaptiveCardContentType, value: card } },
  });
  return card;
}

/** Runs a card action for the acting person; expected failures become an error card in their language. */
export async function act(
  context: TurnContext,
  deps: AppDeps,
  work: (actor: Actor, words: Words) => Promise<AdaptiveCard>,
): Promise<AdaptiveCard> {
  const actor = actorOf(context, deps);
  return answerCard(deps, actor.locale, () => work(actor, wordsFor(deps, actor)));
}

export const token = () => randomBytes(8).toString('hex');

/** Like parsePayload, for schemas with defaults and transforms (their input type differs from the output). */
