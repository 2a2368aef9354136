import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderClosedCard } from './cards/closure.card';
import { renderKernteamCaseCard, renderRequesterCaseCard } from './cards/conversation.card';
import {
  renderAvailabilityCard,
  renderCloseFormCard,
  renderGuidanceCard,
  renderMyCasesCard,
  renderReferChooseCard,
  renderReferralSentCard,
} from './cards/kernteam.card';
import { renderStatsCard } from './cards/stats.card';
import { contactErrors } from './contact.errors';
import type { ContactDeps, ContactModule } from './contact.module';
import { closingTextKey } from './contact.rules';
import {
  availabilityPayload,
  caseRef,
  closePayload,
  destinationPayload,
  pickUpPayload,
} from './contact.schemas';
import { contactVerbs } from './contact.verbs';

const personal = { personalOnly: contactErrors.personalOnly };
/** Buttons on a card that shows a relayed message: the answer comes below it, the message stays. */
const besideRelayedText = { ...personal, keepCard: 'always' as const };

/** The kernteamlid's verbs (pick up, view, refer, close, availability) and the programmateam's statistics. */
export function registerKernteamHandlers(app: PanelApp, deps: ContactDeps, contact: ContactModule): void {
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);

  onCardAction(
    app,
    deps,
    contactVerbs.pickUp,
    pickUpPayload,
    async (actor, input) => {
      const c = await contact.cases.pickUp(actor, input.caseId);
      const text = textFor(actor);
      const title = text.t('contact.case.pickedUpTitle', { code: c.code });
      const target = await contact.cases.plainTextTarget(actor);
      return renderKernteamCaseCard(text, {
        c,
        title,
        firstMessage: input.firstMessage,
        withPickUpNotes: true,
        otherCodes: target.kind === 'ask' ? target.codes.filter((code) => code !== c.code) : [],
      });
    },
    { ...personal, keepCard: 'onError' },
  );

  // Either side may reopen its view of the case; anyone else gets "not yours".
  onCardAction(
    app,
    deps,
    contactVerbs.showCase,
    caseRef,
    async (actor, { caseId }) => {
      const view = await contact.cases.view(actor, caseId);
      const text = textFor(actor);
      if (view.side === 'kernteamlid') return renderKernteamCaseCard(text, { c: view.c });
      return renderRequesterCaseCard(text, { c: view.c, kernteamlidName: view.kernteamlidName });
    },
    personal,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.referChoose,
    caseRef,
    async (actor, { caseId }) =>
      renderReferChooseCard(textFor(actor), await contact.referrals.caseForReferral(actor, caseId)),
    besideRelayedText,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.referGuidance,
    destinationPayload,
    async (actor, input) => {
      const { c, destination } = await contact.referrals.guidance(actor, input.caseId, input.destination);
      return renderGuidanceCard(textFor(actor), c, destination);
    },
    personal,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.referSend,
    destinationPayload,
    async (actor, input) => {
      const { c, destination } = await contact.referrals.sendReferral(actor, input.caseId, input.destination);
      return renderReferralSentCard(textFor(actor), c, destination);
    },
    personal,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.closeForm,
    caseRef,
    async (actor, { caseId }) =>
      renderCloseFormCard(textFor(actor), await contact.cases.forKernteamlid(actor, caseId)),
    besideRelayedText,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.close,
    closePayload,
    async (actor, input) => {
      const closed = await contact.closure.closeByKernteamlid(
        actor,
        input.caseId,
        input.outcome,
        input.destination,
      );
      return renderClosedCard(
        textFor(actor),
        closed.code,
        closingTextKey(closed, 'kernteamlid'),
        'kernteamlid',
      );
    },
    personal,
  );

  const showAvailability = async (actor: Actor) =>
    renderAvailabilityCard(textFor(actor), await contact.availability.status(actor));
  const setAvailability = (available: boolean) => async (actor: Actor) => {
    const r = await contact.availability.set(actor, available);
    return renderAvailabilityCard(textFor(actor), r.available, r.waitingOffered);
  };
  onCardAction(app, deps, contactVerbs.availability, z.unknown(), showAvailability, personal);
  onCardAction(
    app,
    deps,
    contactVerbs.setAvailability,
    availabilityPayload,
    (actor, input) => setAvailability(input.available)(actor),
    personal,
  );
  onCommand(
    app,
    deps,
    /^\s*(niet\s+beschikbaar|unavailable|not\s+available|non\s+disponibile)\s*$/i,
    setAvailability(false),
    personal,
  );
  onCommand(app, deps, /^\s*(beschikbaar|available|disponibile)\s*$/i, setAvailability(true), personal);

  const myCases = async (actor: Actor) =>
    renderMyCasesCard(textFor(actor), await contact.cases.myCases(actor));
  onCardAction(app, deps, contactVerbs.myCases, z.unknown(), myCases, personal);
  onCommand(app, deps, /^\s*(mijn\s+zaken|my\s+cases|i\s+miei\s+casi)\s*$/i, myCases, personal);

  const stats = async (actor: Actor) => renderStatsCard(textFor(actor), await contact.stats.quarters(actor));
  onCardAction(app, deps, contactVerbs.stats, z.unknown(), stats, personal);
  onCommand(
    app,
    deps,
    /^\s*(vertrouwelijk\s+statistiek|contact\s+stat(s|istics|istiek)|statistiche\s+riservato)\s*$/i,
    stats,
    personal,
  );
}
