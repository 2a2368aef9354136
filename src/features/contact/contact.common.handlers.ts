import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCard } from '../../platform/cards';
import { actorOf, errorCard } from '../../platform/bot/turn';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { contactErrors } from './contact.access';

/** Bot-edge helpers shared by the contact handlers. */

/** Confidential contact only happens in a person's 1:1 chat with the bot, never in a channel or group. */
export function isPersonal(context: TurnContext): boolean {
  const c = context.activity.conversation;
  return c?.conversationType === 'personal' || (!c?.conversationType && !c?.isGroup);
}

/** The name a medewerker is known by: the org file if listed, else their Teams display name. Never stored unless they chose "with my name". */
export function displayNameOf(context: TurnContext, deps: Pick<AppDeps, 'org'>, actor: Actor): string {
  return deps.org.person(actor.aadObjectId)?.name ?? context.activity.from?.name ?? '';
}

export async function replyCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Runs a card action in a 1:1 chat: bad payload or an expected failure becomes an error card in the
 * user's language, and nothing changes.
 */
export async function runAction<T extends AdaptiveCard | string = AdaptiveCard>(
  context: TurnContext,
  deps: AppDeps,
  work: (actor: Actor) => Promise<T>,
): Promise<T | AdaptiveCard> {
  const actor = actorOf(context, deps);
  try {
    if (!isPersonal(context)) throw contactErrors.personalOnly();
    return await work(actor);
  } catch (err) {
    if (isAppError(err)) return errorCard(deps, actor.locale, err);
    throw err;
  }
}

/** Same for typed commands: the answer is a card in the chat. */
export async function runCommand(context: TurnContext, deps: AppDeps, work: (actor: Actor) => Promise<AdaptiveCard | string>): Promise<void> {
  const answer = await runAction(context, deps, work);
  if (typeof answer === 'string') await context.sendActivity(answer);
  else await replyCard(context, answer);
}

export const invalid = () => commonErrors.invalidInput();

/** Validates untrusted card data (transforms allowed); a bad payload is an expected failure that changes nothing. */
export function parseOrThrow<S extends z.ZodTypeAny>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data ?? {});
  if (!result.success) throw invalid();
  return result.data as z.output<S>;
}
