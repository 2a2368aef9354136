import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { AdaptiveCard } from '../../platform/cards';
import { commonErrors } from '../../platform/errors';
import { formatWhen } from '../../platform/i18n/format';
import type { Actor } from '../../platform/org/organisation';
import { renderCreateCard } from './cards/create.card';
import { renderListCard } from './cards/list.card';
import { canCreatePolls } from './polls.access';
import type { PollsDeps, PollsModule } from './polls.module';
import { createPayload, type CreatePayload } from './polls.schemas';
import { pollsVerbs } from './polls.verbs';

/** `peiling` / `peilingen`: creating ad-hoc polls and the organiser's list of polls. */
export function registerPollAdminHandlers(app: PanelApp, deps: PollsDeps, polls: PollsModule): void {
  const createForm = async (
    actor: Actor,
    values?: Partial<CreatePayload>,
    error?: string,
  ): Promise<AdaptiveCard> => {
    if (!canCreatePolls(actor)) throw commonErrors.forbidden();
    const channels = await polls.open.reachableChannels(actor);
    const networkIds = polls.open.reachableNetworkIds(actor);
    const text = CardText.for(deps, actor.locale);
    return renderCreateCard(text, { channels, networkIds, now: deps.clock.now(), values, error });
  };
  const list = async (actor: Actor, notice?: string) => {
    const visible = await polls.results.visiblePolls(actor);
    return renderListCard(CardText.for(deps, actor.locale), visible, {
      canCreate: canCreatePolls(actor),
      notice,
    });
  };

  onCommand(app, deps, /^\s*(peiling|poll|sondaggio)\s*$/i, async (actor) => createForm(actor));
  onCommand(app, deps, /^\s*(peilingen|polls|sondaggi)\s*$/i, async (actor) => list(actor));

  onCardAction(app, deps, pollsVerbs.createForm, z.unknown(), async (actor) => createForm(actor));
  onCardAction(app, deps, pollsVerbs.list, z.unknown(), async (actor) => list(actor));

  onCardAction(
    app,
    deps,
    pollsVerbs.create,
    createPayload,
    async (actor, input) => {
      const poll = await polls.open.createAdhocPoll(actor, input);
      const text = CardText.for(deps, actor.locale);
      return list(
        actor,
        text.t('polls.create.sent', { when: formatWhen(poll.closesAt, text.locale, text.timeZone) }),
      );
    },
    {
      // Same form again, with what was typed and the reason, so nothing has to be retyped.
      onError: async ({ error: err, actor, input }) => {
        if (!input || err.code === commonErrors.forbidden.code) return undefined;
        return createForm(actor, input, CardText.for(deps, actor.locale).t(err.messageKey, err.params));
      },
    },
  );
}
