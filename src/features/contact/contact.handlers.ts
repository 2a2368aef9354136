import { randomUUID } from 'node:crypto';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import type { Actor } from '../../platform/org/organisation';
import { renderClosed, renderReferral } from './cards/closure.card';
import { renderIntro, renderRequestForm, renderRequestSent } from './cards/request.card';
import { closingTextKey } from './contact.closure.service';
import { caseRef, handoverPayload, requestPayload } from './contact.schemas';
import type { ContactServices } from './contact.module';
import { displayNameOf, parseOrThrow, runAction, runCommand } from './contact.common.handlers';
import { contactVerbs } from './contact.verbs';

/** The medewerker's side: the intro card, the request form, stopping, and the handover answer. */
export function registerRequestHandlers(app: PanelApp, deps: AppDeps, s: ContactServices): void {
  const { kit } = s.env;

  const intro = async (actor: Actor) =>
    renderIntro(kit, actor.locale, await s.requests.openCaseCode(actor));

  app.message(/^\s*(vertrouwelijk(\s+contact)?|confidential(\s+contact)?|contact)\s*$/i, (context) => runCommand(context, deps, intro));
  app.adaptiveCards.actionExecute(contactVerbs.start, (context) => runAction(context, deps, intro));

  app.adaptiveCards.actionExecute(contactVerbs.openForm, (context) =>
    runAction(context, deps, async (actor) => {
      const open = await s.requests.openCaseCode(actor);
      if (open) return renderIntro(kit, actor.locale, open);
      return renderRequestForm(kit, actor.locale, { formId: randomUUID(), kernteamleden: await s.requests.choosable(actor) });
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.request, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(requestPayload, data);
      const result = await s.requests.submit(actor, input, displayNameOf(context, deps, actor));
      return renderRequestSent(kit, actor.locale, result);
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.stop, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const ref = parseOrThrow(caseRef, data);
      const closed = await s.closure.stopByRequester(actor, ref.caseId);
      return renderClosed(kit, actor.locale, closed.code, closingTextKey(closed, 'medewerker'));
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.handover, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(handoverPayload, data);
      const r = await s.referrals.answerHandover(actor, input.caseId, input.consent, displayNameOf(context, deps, actor));
      return renderReferral(kit, actor.locale, { caseId: r.c.caseId, code: r.c.code, destination: r.destination, answer: r.answer });
    }),
  );
}
