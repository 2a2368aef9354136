import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { z } from 'zod';
import type { AdaptiveCard } from '../cards';
import type { AppDeps } from '../deps';
import { commonErrors, isAppError, type AppError, type ErrorFactory } from '../errors';
import type { Actor } from '../org/organisation';
import { actorOf, errorCard } from './turn';
import type { PanelApp } from './panel-app';

/**
 * The one way a feature registers what a person can do: a card action (Action.Execute verb) or a
 * typed command. Every route resolves the actor on the server, validates untrusted input with zod,
 * logs and refuses a bad payload the same way, and turns expected failures into a card in the
 * person's language. Nothing changes on a refusal.
 */

export type RouteDeps = Pick<AppDeps, 'org' | 'i18n' | 'logger'>;

/** A 1:1 chat with the bot. Teams always sets conversationType; a client without it counts as 1:1 only when not a group. */
export function isPersonal(context: TurnContext): boolean {
  const c = context.activity.conversation;
  return c?.conversationType === 'personal' || (!c?.conversationType && !c?.isGroup);
}

export async function replyCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

export interface RouteOptions {
  /** Refuse outside the person's 1:1 chat; a feature may give its own explanation. */
  personalOnly?: boolean | ErrorFactory;
}

export interface CardActionOptions<I> extends RouteOptions {
  /**
   * Answers an expected failure with something better than the plain error card (for example the
   * form again, with the message). `input` is undefined when the payload did not parse; `raw` is what
   * the card sent (untrusted: only for showing a form again). Return undefined for the plain error card.
   */
  onError?: (failure: {
    error: AppError;
    actor: Actor;
    input: I | undefined;
    raw: unknown;
    context: TurnContext;
  }) => Promise<AdaptiveCard | undefined>;
  /**
   * The clicked card shows text the bot keeps nowhere (a relayed message): replacing the card would
   * lose it for good. 'always': every answer (the handler's card or an error card) is sent as a new
   * message below it; 'onError': the handler's card carries the text itself, only error cards go out as
   * new messages. The invoke then answers with one short line, which leaves the clicked card as it was.
   */
  keepCard?: 'always' | 'onError';
}

/** A fixed command (a pattern on the text) or a selector for free text (e.g. a relay in an open case). */
export type CommandSelector = RegExp | ((context: TurnContext) => Promise<boolean>);

export type CardActionHandler<I> = (actor: Actor, input: I, context: TurnContext) => Promise<AdaptiveCard>;
export type CommandHandler = (actor: Actor, context: TurnContext) => Promise<AdaptiveCard | string | void>;

/** Registers an Action.Execute verb; the handler's card answers the invoke (it replaces the card for the clicker, unless `keepCard`). */
export function onCardAction<S extends z.ZodTypeAny>(
  app: PanelApp,
  deps: RouteDeps,
  verb: string,
  schema: S,
  handler: CardActionHandler<z.output<S>>,
  options: CardActionOptions<z.output<S>> = {},
): void {
  const log = deps.logger.child({ component: 'routes' });
  app.adaptiveCards.actionExecute(verb, async (context: TurnContext, _state: unknown, raw: unknown) => {
    const actor = actorOf(context, deps);
    const answer = async (card: AdaptiveCard, failed: boolean): Promise<AdaptiveCard | string> => {
      if (options.keepCard !== 'always' && !(failed && options.keepCard === 'onError')) return card;
      await replyCard(context, card);
      return deps.i18n.t(actor.locale, 'common.answeredBelow');
    };
    let input: z.output<S> | undefined;
    try {
      refuseOutsidePersonal(context, options);
      const parsed = schema.safeParse(raw ?? {});
      if (!parsed.success) {
        log.info({ verb, issues: parsed.error.issues.length }, 'invalid card payload');
        throw commonErrors.invalidInput();
      }
      input = parsed.data as z.output<S>;
      return await answer(await handler(actor, input, context), false);
    } catch (err) {
      if (!isAppError(err)) throw err;
      return answer(
        (await options.onError?.({ error: err, actor, input, raw, context })) ??
          errorCard(deps, actor.locale, err),
        true,
      );
    }
  });
}

/**
 * Registers a typed command; the answer (card or text) is sent as a new message. Refused outside the
 * 1:1 chat with one line of text: in a channel others read along, and a card would be noise.
 */
export function onCommand(
  app: PanelApp,
  deps: RouteDeps,
  selector: CommandSelector,
  handler: CommandHandler,
  options: RouteOptions = {},
): void {
  app.message(selector, async (context: TurnContext) => {
    const actor = actorOf(context, deps);
    let answer: AdaptiveCard | string | void;
    const refused = refusal(context, options);
    try {
      answer = refused ? deps.i18n.t(actor.locale, refused.messageKey) : await handler(actor, context);
    } catch (err) {
      if (!isAppError(err)) throw err;
      answer = errorCard(deps, actor.locale, err);
    }
    if (typeof answer === 'string') await context.sendActivity(answer);
    else if (answer) await replyCard(context, answer);
  });
}

function refuseOutsidePersonal(context: TurnContext, options: RouteOptions): void {
  const error = refusal(context, options);
  if (error) throw error;
}

function refusal(context: TurnContext, options: RouteOptions): AppError | undefined {
  if (!options.personalOnly || isPersonal(context)) return undefined;
  return options.personalOnly === true ? commonErrors.personalOnly() : options.personalOnly();
}
