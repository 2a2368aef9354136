import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { botChatLink, canWriteLater } from '../../platform/bot/reach-on-the-spot';
import { isPersonal, onCardAction, onCommand, replyCard } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderAtelierList } from './cards/atelier-list.card';
import { renderCreatePrompt } from './cards/atelier-message.card';
import { renderPersonalView } from './cards/atelier.card';
import { errors } from './kennisatelier.errors';
import type { KennisatelierDeps, KennisatelierModule } from './kennisatelier.module';
import { newAtelierForm } from './kennisatelier.organiser.handlers';
import { atelierRefSchema } from './kennisatelier.schemas';
import type { AtelierView } from './kennisatelier.types';
import { kennisatelierVerbs as verbs } from './kennisatelier.verbs';

/** Medewerker routes: the list, one's own view of an atelier, sign up and cancel. */
export function registerAtelierHandlers(
  app: PanelApp,
  deps: KennisatelierDeps,
  module: KennisatelierModule,
): void {
  const { signup } = module;
  const personal = (actor: Actor, view: AtelierView) =>
    renderPersonalView(CardText.for(deps, actor.locale), deps.clock.now(), view);

  onCardAction(app, deps, verbs.view, atelierRefSchema, async (actor, { atelierId }) =>
    personal(actor, await signup.view(actor, atelierId)),
  );
  onCardAction(app, deps, verbs.signUp, atelierRefSchema, async (actor, { atelierId }, context) => {
    const view = await signup.signUp(actor, atelierId, context.activity.from?.name);
    // Someone who signs up from a channel and cannot get messages must not be promised a reminder.
    if (!(await canWriteLater(deps, actor, context))) {
      view.notice = view.notice === 'waitlisted' ? 'waitlistedUnreachable' : 'signedUpUnreachable';
      view.openChatUrl = botChatLink(deps.config.auth.appId);
    }
    return personal(actor, view);
  });
  onCardAction(app, deps, verbs.withdraw, atelierRefSchema, async (actor, { atelierId }) =>
    personal(actor, await signup.withdraw(actor, atelierId)),
  );

  onCardAction(app, deps, verbs.list, z.unknown(), async (actor, _input, context) => {
    const { items, canCreate } = await signup.list(actor, !isPersonal(context));
    return renderAtelierList(CardText.for(deps, actor.locale), items, canCreate);
  });

  // In a personal chat each atelier comes as its own card with the person's status; in a channel,
  // where others read along, one overview without anyone's status.
  onCommand(
    app,
    deps,
    /^\s*(ateliers?|kennisateliers?|workshops?|laboratori|laboratorio)\s*$/i,
    async (actor, context) => {
      const inPersonal = isPersonal(context);
      const text = CardText.for(deps, actor.locale);
      const { items, canCreate } = await signup.list(actor, !inPersonal);
      if (!inPersonal || !items.length) return renderAtelierList(text, items, canCreate && inPersonal);
      for (const item of items)
        await replyCard(context, personal(actor, await signup.viewOf(actor, item.atelier)));
      if (canCreate) return renderCreatePrompt(text);
    },
  );

  const newAtelierCommand =
    /^\s*(nieuw(e)? (kennis)?atelier|new (knowledge )?workshop|nuovo laboratorio)\s*$/i;
  onCommand(app, deps, newAtelierCommand, async (actor) => newAtelierForm(deps, module, actor), {
    personalOnly: errors.personalOnly,
  });
}
