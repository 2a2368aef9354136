import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import type { Actor } from '../../platform/org/organisation';
import { renderClosed } from './cards/closure.card';
import { renderKernteamCase, renderRequesterCase } from './cards/conversation.card';
import { renderAvailability, renderCloseForm, renderGuidance, renderMyCases, renderReferChoose, renderReferralSent } from './cards/kernteam.card';
import { renderStats } from './cards/stats.card';
import { caseForRequester, isKernteamlidOf } from './contact.access';
import { closingTextKey } from './contact.closure.service';
import { availabilityPayload, caseRef, closePayload, destinationPayload, pickUpPayload } from './contact.schemas';
import type { ContactServices } from './contact.module';
import { parseOrThrow, runAction, runCommand } from './contact.common.handlers';
import { contactVerbs } from './contact.verbs';

/** The kernteamlid's verbs (pick up, view, refer, close, availability) and the programmateam's statistics. */
export function registerKernteamHandlers(app: PanelApp, deps: AppDeps, s: ContactServices): void {
  const { kit } = s.env;
  const ref = (data: unknown) => {
    const parsed = parseOrThrow(caseRef, data);
    return parsed.caseId;
  };

  app.adaptiveCards.actionExecute(contactVerbs.pickUp, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(pickUpPayload, data);
      const c = await s.cases.pickUp(actor, input.caseId);
      const title = kit.i18n.t(actor.locale, 'contact.case.pickedUpTitle', { code: c.code });
      return renderKernteamCase(kit, actor.locale, { c, title, firstMessage: input.firstMessage, withPickUpNotes: true });
    }),
  );

  // Either side may reopen its view of the case; anyone else gets "not yours".
  app.adaptiveCards.actionExecute(contactVerbs.showCase, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const caseId = ref(data);
      const existing = (await s.env.repo.getCase(caseId))?.data;
      if (existing && isKernteamlidOf(existing, actor)) return renderKernteamCase(kit, actor.locale, { c: await s.cases.forKernteamlid(actor, caseId) });
      const c = await caseForRequester(s.env.repo, actor, caseId);
      return renderRequesterCase(kit, actor.locale, { c, kernteamlidName: s.cases.nameOf(c.kernteamlidId ?? '') });
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.referChoose, (context, _state, data) =>
    runAction(context, deps, async (actor) => renderReferChoose(kit, actor.locale, await s.referrals.caseForReferral(actor, ref(data)))),
  );

  app.adaptiveCards.actionExecute(contactVerbs.referGuidance, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(destinationPayload, data);
      const { c, destination } = await s.referrals.guidance(actor, input.caseId, input.destination);
      return renderGuidance(kit, actor.locale, c, destination);
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.referSend, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(destinationPayload, data);
      const { c, destination } = await s.referrals.sendReferral(actor, input.caseId, input.destination);
      return renderReferralSent(kit, actor.locale, c, destination);
    }),
  );

  app.adaptiveCards.actionExecute(contactVerbs.closeForm, (context, _state, data) =>
    runAction(context, deps, async (actor) => renderCloseForm(kit, actor.locale, await s.cases.forKernteamlid(actor, ref(data)))),
  );

  app.adaptiveCards.actionExecute(contactVerbs.close, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(closePayload, data);
      const closed = await s.closure.closeByKernteamlid(actor, input.caseId, input.outcome, input.destination);
      return renderClosed(kit, actor.locale, closed.code, closingTextKey(closed, 'kernteamlid'));
    }),
  );

  const showAvailability = async (actor: Actor) => renderAvailability(kit, actor.locale, await s.availability.status(actor));
  const setAvailability = (available: boolean) => async (actor: Actor) => {
    const r = await s.availability.set(actor, available);
    return renderAvailability(kit, actor.locale, r.available, r.waitingOffered);
  };
  app.adaptiveCards.actionExecute(contactVerbs.availability, (context) => runAction(context, deps, showAvailability));
  app.adaptiveCards.actionExecute(contactVerbs.setAvailability, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(availabilityPayload, data);
      return setAvailability(input.available)(actor);
    }),
  );
  app.message(/^\s*(niet\s+beschikbaar|unavailable|not\s+available)\s*$/i, (context) => runCommand(context, deps, setAvailability(false)));
  app.message(/^\s*(beschikbaar|available)\s*$/i, (context) => runCommand(context, deps, setAvailability(true)));

  const myCases = async (actor: Actor) => renderMyCases(kit, actor.locale, await s.cases.myCases(actor));
  app.adaptiveCards.actionExecute(contactVerbs.myCases, (context) => runAction(context, deps, myCases));
  app.message(/^\s*(mijn\s+zaken|my\s+cases)\s*$/i, (context) => runCommand(context, deps, myCases));

  const stats = async (actor: Actor) => renderStats(kit, actor.locale, await s.stats.quarters(actor));
  app.adaptiveCards.actionExecute(contactVerbs.stats, (context) => runAction(context, deps, stats));
  app.message(/^\s*(vertrouwelijk\s+statistiek|contact\s+stat(s|istics|istiek))\s*$/i, (context) => runCommand(context, deps, stats));
}
