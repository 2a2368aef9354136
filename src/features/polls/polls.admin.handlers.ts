import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { actorOf, answerCard, noticeCard } from '../../platform/bot/turn';
import type { AdaptiveCard } from '../../platform/cards';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import { formatWhen } from '../../platform/i18n/format';
import type { Actor } from '../../platform/org/organisation';
import { renderCreateCard, renderListCard } from './cards/create.card';
import { canCreatePolls, reachableNetworks } from './polls.access';
import type { PollsContext } from './polls.context';
import { createAdhocPoll, reachableChannels } from './polls.open.service';
import { visiblePolls } from './polls.results.service';
import { createPayload, parseInput, type CreatePayload } from './polls.schemas';
import { pollsVerbs } from './polls.verbs';

/** `peiling` / `peilingen`: creating ad-hoc polls and the organiser's list of polls. */
export function registerPollAdminHandlers(app: PanelApp, deps: AppDeps, ctx: PollsContext): void {
  const createForm = async (actor: Actor, values?: Partial<CreatePayload>, error?: string): Promise<AdaptiveCard> => {
    if (!canCreatePolls(actor)) throw commonErrors.forbidden();
    const channels = await reachableChannels(ctx, actor);
    const networkIds = reachableNetworks(actor, deps.org.data.networks.map((n) => n.id));
    return renderCreateCard(deps, actor.locale, { channels, networkIds, now: deps.clock.now(), values, error });
  };
  const list = async (actor: Actor, notice?: string) =>
    renderListCard(deps, actor.locale, await visiblePolls(ctx, actor), { canCreate: canCreatePolls(actor), notice });
  const reply = async (context: TurnContext, work: (actor: Actor) => Promise<AdaptiveCard>) => {
    const actor = actorOf(context, deps);
    const card = await answerCard(deps, actor.locale, () => work(actor));
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  };

  app.message(/^\s*(peiling|poll)\s*$/i, async (context) => reply(context, (actor) => createForm(actor)));
  app.message(/^\s*(peilingen|polls)\s*$/i, async (context) => reply(context, (actor) => list(actor)));

  app.adaptiveCards.actionExecute(pollsVerbs.createForm, async (context: TurnContext) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, () => createForm(actor));
  });

  app.adaptiveCards.actionExecute(pollsVerbs.list, async (context: TurnContext) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, () => list(actor));
  });

  app.adaptiveCards.actionExecute(pollsVerbs.create, async (context: TurnContext, _state, data) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, async () => {
      if (!canCreatePolls(actor)) throw commonErrors.forbidden();
      const input = parseInput(createPayload, data);
      if (!input) return noticeCard(deps.i18n.t(actor.locale, 'common.error.invalidInput'), '', 'Attention');
      try {
        const poll = await createAdhocPoll(ctx, actor, input);
        const when = formatWhen(poll.closesAt, actor.locale, deps.org.data.organisation.timeZone);
        return list(actor, deps.i18n.t(actor.locale, 'polls.create.sent', { when }));
      } catch (err) {
        // Same form again, with what was typed and the reason, so nothing has to be retyped.
        if (isAppError(err) && err.code !== commonErrors.forbidden.code) return createForm(actor, input, deps.i18n.t(actor.locale, err.messageKey, err.params));
        throw err;
      }
    });
  });
}
