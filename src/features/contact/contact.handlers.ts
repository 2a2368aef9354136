import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderClosedCard, renderReferralCard } from './cards/closure.card';
import { renderIntroCard, renderRequestFormCard, renderRequestSentCard } from './cards/request.card';
import { contactErrors } from './contact.errors';
import type { ContactDeps, ContactModule } from './contact.module';
import { closingTextKey } from './contact.rules';
import { caseRef, handoverPayload, requestPayload } from './contact.schemas';
import { contactVerbs } from './contact.verbs';

/** Confidential contact only happens in a person's 1:1 chat with the bot, never in a channel or group. */
const personal = { personalOnly: contactErrors.personalOnly };

/** The name a medewerker is known by: the org file if listed, else their Teams display name. Never stored unless they chose "with my name". */
function displayNameOf(context: TurnContext, deps: Pick<ContactDeps, 'org'>, actor: Actor): string {
  return deps.org.person(actor.aadObjectId)?.name ?? context.activity.from?.name ?? '';
}

/** The medewerker's side: the intro card, the request form, stopping, and the handover answer. */
export function registerRequestHandlers(app: PanelApp, deps: ContactDeps, contact: ContactModule): void {
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);
  const intro = async (actor: Actor) =>
    renderIntroCard(textFor(actor), await contact.requests.openCaseCode(actor));

  onCommand(
    app,
    deps,
    /^\s*(vertrouwelijk(\s+contact)?|confidential(\s+contact)?|contact|riservato|contatto(\s+riservato)?)\s*$/i,
    intro,
    personal,
  );
  onCardAction(app, deps, contactVerbs.start, z.unknown(), intro, personal);

  onCardAction(
    app,
    deps,
    contactVerbs.openForm,
    z.unknown(),
    async (actor) => {
      const open = await contact.requests.openCaseCode(actor);
      if (open) return renderIntroCard(textFor(actor), open);
      const kernteamleden = await contact.requests.choosable(actor);
      return renderRequestFormCard(textFor(actor), { formId: randomUUID(), kernteamleden });
    },
    personal,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.request,
    requestPayload,
    async (actor, input, context) => {
      const result = await contact.requests.submit(actor, input, displayNameOf(context, deps, actor));
      return renderRequestSentCard(textFor(actor), result);
    },
    personal,
  );

  onCardAction(
    app,
    deps,
    contactVerbs.stop,
    caseRef,
    async (actor, { caseId }) => {
      const closed = await contact.closure.stopByRequester(actor, caseId);
      return renderClosedCard(
        textFor(actor),
        closed.code,
        closingTextKey(closed, 'medewerker'),
        'medewerker',
      );
    },
    // The button sits on the card with the kernteamlid's last message: that card stays.
    { ...personal, keepCard: 'always' },
  );

  onCardAction(
    app,
    deps,
    contactVerbs.handover,
    handoverPayload,
    async (actor, input, context) => {
      const r = await contact.referrals.answerHandover(
        actor,
        input.caseId,
        input.consent,
        displayNameOf(context, deps, actor),
      );
      return renderReferralCard(textFor(actor), {
        caseId: r.c.caseId,
        code: r.c.code,
        destination: r.destination,
        answer: r.answer,
      });
    },
    personal,
  );
}
