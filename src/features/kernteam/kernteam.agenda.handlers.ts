import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderAgendaCard } from './cards/agenda.card';
import { newFormId } from './kernteam.ids.rules';
import type { KernteamDeps, KernteamModule } from './kernteam.module';
import { agendaAddPayload, emptyPayload } from './kernteam.schemas';
import { kernteamVerbs } from './kernteam.verbs';

const personalOnly = { personalOnly: true };

/** The next kernteam meeting: see its points and add one. */
export function registerAgendaHandlers(app: PanelApp, deps: KernteamDeps, kernteam: KernteamModule): void {
  const view = async (actor: Actor, notice?: string) => {
    const { meeting, points } = await kernteam.agenda.view(actor);
    return renderAgendaCard(CardText.for(deps, actor.locale), {
      meeting,
      points,
      formId: newFormId(),
      notice,
    });
  };
  onCommand(app, deps, /^\s*(agenda|kernteam\s*agenda)\s*$/i, (actor) => view(actor), personalOnly);
  onCardAction(app, deps, kernteamVerbs.agenda, emptyPayload, (actor) => view(actor), personalOnly);
  onCardAction(
    app,
    deps,
    kernteamVerbs.agendaAdd,
    agendaAddPayload,
    async (actor, input, context) => {
      await kernteam.agenda.add(actor, input.formId, input.text, context.activity.from?.name);
      return view(actor, CardText.for(deps, actor.locale).t('kernteam.agenda.added'));
    },
    personalOnly,
  );
}
