import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { ZodType, ZodTypeDef } from 'zod';
import type { TurnState } from '@microsoft/teams-ai';
import { actorOf, answerCard, errorCard } from '../../platform/bot/turn';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import { AppError, commonErrors, isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import type { NetworksModule } from './networks.module';

/** Bot-edge helpers shared by the networks handlers. */

export function isPersonal(context: TurnContext): boolean {
  const c = context.activity.conversation;
  return c?.conversationType === 'personal' || (!c?.conversationType && !c?.isGroup);
}

/** The Teams channel an activity came from (a channel post's conversation id carries `;messageid=`). */
export function channelIdOf(context: TurnContext): string | undefined {
  if (isPersonal(context)) return undefined;
  const channelData = context.activity.channelData as { channel?: { id?: string } } | undefined;
  return channelData?.channel?.id ?? context.activity.conversation?.id?.split(';')[0];
}

export async function replyCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

type CardWork<T> = (actor: Actor, data: T, context: TurnContext) => Promise<AdaptiveCard>;

export interface ExecuteOptions {
  /** Membership and coordinator views never appear in a channel or group chat. */
  personalOnly?: boolean;
}

/**
 * Registers an Action.Execute verb: validates the data (bad → error card, nothing changes), refuses
 * outside the 1:1 chat when asked, and turns expected failures into a card in the user's language.
 */
export function execute<T>(app: PanelApp, m: NetworksModule, verb: string, schema: ZodType<T, ZodTypeDef, unknown>, work: CardWork<T>, options: ExecuteOptions = {}): void {
  const deps = m.deps;
  app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state: TurnState, raw: unknown) => {
    const actor = actorOf(context, deps);
    if (options.personalOnly && !isPersonal(context)) return errorCard(deps, actor.locale, new AppError('networks.personalOnly', 'networks.error.personalOnly'));
    const parsed = schema.safeParse(raw ?? {});
    if (!parsed.success) {
      deps.logger.info({ verb, issues: parsed.error.issues.length }, 'invalid card payload');
      return errorCard(deps, actor.locale, commonErrors.invalidInput());
    }
    return answerCard(deps, actor.locale, () => work(actor, parsed.data, context));
  });
}

/** A message command answered with a card, in the 1:1 chat only. */
export function command(app: PanelApp, m: NetworksModule, pattern: RegExp, work: (actor: Actor, context: TurnContext) => Promise<AdaptiveCard>): void {
  const deps = m.deps;
  app.message(pattern, async (context: TurnContext) => {
    const actor = actorOf(context, deps);
    if (!isPersonal(context)) {
      await context.sendActivity(deps.i18n.t(actor.locale, 'networks.error.personalOnly'));
      return;
    }
    try {
      await replyCard(context, await work(actor, context));
    } catch (err) {
      if (!isAppError(err)) throw err;
      await replyCard(context, errorCard(deps, actor.locale, err));
    }
  });
}
