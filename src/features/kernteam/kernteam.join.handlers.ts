import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderJoinSentCard } from './cards/join-answer.card';
import { renderJoinFormCard } from './cards/join-form.card';
import { renderJoinListCard } from './cards/join-list.card';
import { newFormId } from './kernteam.ids.rules';
import type { KernteamDeps, KernteamModule } from './kernteam.module';
import { emptyPayload, joinAnswerPayload, joinSubmitPayload } from './kernteam.schemas';
import { kernteamVerbs } from './kernteam.verbs';

const personalOnly = { personalOnly: true };

/** Meedoen: anyone asks for a more active role; the programmateam answers. */
export function registerJoinHandlers(app: PanelApp, deps: KernteamDeps, kernteam: KernteamModule): void {
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);
  const form = async (actor: Actor) => renderJoinFormCard(textFor(actor), newFormId());
  const list = async (actor: Actor, notice?: string) => {
    const requests = await kernteam.join.open(actor);
    const kept = new Map(requests.map((r) => [r.userId, r.name] as const));
    const names = await deps.people.namesOf([...kept.keys()], kept);
    return renderJoinListCard(textFor(actor), requests, names, notice);
  };

  onCommand(app, deps, /^\s*(meedoen|join the panel|partecipa)\s*$/i, form, personalOnly);
  onCardAction(app, deps, kernteamVerbs.joinForm, emptyPayload, form, personalOnly);
  onCardAction(
    app,
    deps,
    kernteamVerbs.joinSubmit,
    joinSubmitPayload,
    async (actor, input, context) => {
      const request = await kernteam.join.submit(actor, input, context.activity.from?.name);
      const text = textFor(actor);
      return renderJoinSentCard(text, text.t(`kernteam.join.roles.${request.role}`));
    },
    {
      ...personalOnly,
      onError: async ({ error, actor, raw }) => {
        const formId = joinSubmitPayload.shape.formId.safeParse((raw as { formId?: unknown })?.formId);
        if (!formId.success) return undefined;
        const text = textFor(actor);
        return renderJoinFormCard(text, formId.data, text.t(error.messageKey, error.params));
      },
    },
  );

  onCommand(
    app,
    deps,
    /^\s*(meedoen lijst|join requests|richieste( di)? partecipazione)\s*$/i,
    (actor) => list(actor),
    personalOnly,
  );
  onCardAction(app, deps, kernteamVerbs.joinList, emptyPayload, (actor) => list(actor), personalOnly);
  onCardAction(
    app,
    deps,
    kernteamVerbs.joinAnswer,
    joinAnswerPayload,
    async (actor, input) => {
      const answered = await kernteam.join.answer(actor, input.requestId, input.answer);
      const text = textFor(actor);
      const notice = text.t(`kernteam.join.${answered.status}`, {
        role: text.t(`kernteam.join.roles.${answered.role}`),
      });
      return list(actor, notice);
    },
    personalOnly,
  );
}
