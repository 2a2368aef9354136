import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { PanelApp } from '../../platform/bot/panel-app';
import { actorOf, answerCard, noticeCard, parsePayload } from '../../platform/bot/turn';
import type { AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import { commonErrors } from '../../platform/errors';
import { renderAtelierList, renderCreatePrompt } from './cards/atelier-list.card';
import { renderPersonalView } from './cards/atelier.card';
import { atelierRefSchema } from './kennisatelier.schemas';
import type { AtelierServices } from './kennisatelier.services';
import type { AtelierView } from './kennisatelier.signup.service';
import { newAtelierForm } from './kennisatelier.organiser.handlers';
import { kennisatelierVerbs as verbs } from './kennisatelier.verbs';

const isPersonal = (context: TurnContext) => (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
const send = (context: TurnContext, card: AdaptiveCard) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

/** Medewerker routes: the list, one's own view of an atelier, sign up and cancel. */
export function registerAtelierHandlers(app: PanelApp, deps: AppDeps, services: AtelierServices): void {
  const personal = (view: AtelierView, locale: 'nl' | 'en') => renderPersonalView(deps, locale, deps.clock.now(), view);

  /** Routes whose payload is just an atelier id. */
  const byId = (verb: string, run: (actor: ReturnType<typeof actorOf>, atelierId: string) => Promise<AdaptiveCard>) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      const actor = actorOf(context, deps);
      return answerCard(deps, actor.locale, async () => {
        const input = parsePayload(atelierRefSchema, data);
        if (!input) throw commonErrors.invalidInput();
        return run(actor, input.atelierId);
      });
    });

  byId(verbs.view, async (actor, id) => personal(await services.signup.view(actor, id), actor.locale));
  byId(verbs.signUp, async (actor, id) => personal(await services.signup.signUp(actor, id), actor.locale));
  byId(verbs.withdraw, async (actor, id) => personal(await services.signup.withdraw(actor, id), actor.locale));

  app.adaptiveCards.actionExecute(verbs.list, async (context) => {
    const actor = actorOf(context, deps);
    const { items, canCreate } = await services.signup.list(actor, !isPersonal(context));
    return renderAtelierList(deps, actor.locale, items, canCreate);
  });

  // In a personal chat each atelier comes as its own card with the person's status; in a channel,
  // where others read along, one overview without anyone's status.
  app.message(/^\s*(ateliers?|kennisateliers?|workshops?)\s*$/i, async (context) => {
    const actor = actorOf(context, deps);
    const { items, canCreate } = await services.signup.list(actor, !isPersonal(context));
    if (!isPersonal(context) || !items.length) {
      await send(context, renderAtelierList(deps, actor.locale, items, canCreate && isPersonal(context)));
      return;
    }
    for (const item of items) await send(context, personal(await services.signup.viewOf(actor, item.atelier), actor.locale));
    if (canCreate) await send(context, renderCreatePrompt(deps, actor.locale));
  });

  app.message(/^\s*(nieuw(e)? (kennis)?atelier|new (knowledge )?workshop)\s*$/i, async (context) => {
    const actor = actorOf(context, deps);
    if (!isPersonal(context)) {
      await send(context, noticeCard(deps.i18n.t(actor.locale, 'kennisatelier.card.createInPersonal')));
      return;
    }
    await send(context, await answerCard(deps, actor.locale, () => newAtelierForm(deps, services, actor)));
  });
}
