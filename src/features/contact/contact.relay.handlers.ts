import type { TurnContext } from 'botbuilder';
import type { PanelApp } from '../../platform/bot/panel-app';
import { isPersonal, onCardAction, onCommand } from '../../platform/bot/routes';
import { actorOf } from '../../platform/bot/turn';
import { CardText } from '../../platform/card-text';
import { commonErrors, isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderClosedCard } from './cards/closure.card';
import { renderKernteamCaseCard, renderRequesterCaseCard } from './cards/conversation.card';
import { isKernteamlidOf } from './contact.access';
import { contactErrors } from './contact.errors';
import type { ContactDeps, ContactModule } from './contact.module';
import { closingTextKey } from './contact.rules';
import { MAX_MESSAGE, parseCodedMessage, sendPayload } from './contact.schemas';
import { contactVerbs } from './contact.verbs';

const personal = { personalOnly: contactErrors.personalOnly };

const isText = (context: TurnContext) =>
  context.activity.type === 'message' &&
  typeof context.activity.text === 'string' &&
  context.activity.text.trim() !== '';

/**
 * Relay: the reply box on every relayed card, "#CODE text" typed in the 1:1 chat, and plain text
 * from someone with exactly one open case. With several, plain text is never guessed into a case.
 * Registered after every fixed command. The relayed text is never stored and never logged.
 */
export function registerRelayHandlers(app: PanelApp, deps: ContactDeps, contact: ContactModule): void {
  const sentText = (text: CardText, code: string) => text.t('contact.case.sentText', { code });

  onCardAction(
    app,
    deps,
    contactVerbs.send,
    sendPayload,
    async (actor, input) => {
      const { c } = await contact.cases.relay(actor, input.caseId, input.message, input.replyId);
      const text = CardText.for(deps, actor.locale);
      return isKernteamlidOf(c, actor)
        ? renderKernteamCaseCard(text, { c, incoming: input.quoted, outgoing: input.message })
        : renderRequesterCaseCard(text, {
            c,
            kernteamlidName: await contact.cases.kernteamlidName(c.kernteamlidId),
            incoming: input.quoted,
            outgoing: input.message,
          });
    },
    // The new card echoes the message being answered; an error card must not take its place.
    { ...personal, keepCard: 'onError' },
  );

  // "#K7Q2 hoi": explicit case, from either side. In a channel it is refused, never relayed.
  onCommand(
    app,
    deps,
    async (context) => isText(context) && parseCodedMessage(context.activity.text) !== undefined,
    async (actor, context) => {
      const { code, message } = parseCodedMessage(context.activity.text ?? '') ?? {};
      if (!code) throw commonErrors.invalidInput();
      const text = CardText.for(deps, actor.locale);
      if (!message) return whichCaseText(contact, text, actor);
      if (message.length > MAX_MESSAGE) throw commonErrors.invalidInput();
      const c = await contact.cases.relayByCode(actor, code, message);
      return sentText(text, c.code);
    },
    personal,
  );

  // Free text below: no fixed words; the selectors take only a personal chat with an open case.

  // "stop" from a medewerker with an open case ends it; without one, it is nobody's business here.
  onCommand(
    app,
    deps,
    async (context) =>
      isPersonal(context) &&
      isText(context) &&
      /^\s*stop\s*$/i.test(context.activity.text) &&
      (await contact.cases.hasOwnCase(actorOf(context, deps))),
    async (actor) => {
      const closed = await contact.closure.stopByRequester(actor);
      return renderClosedCard(
        CardText.for(deps, actor.locale),
        closed.code,
        closingTextKey(closed, 'medewerker'),
        'medewerker',
      );
    },
  );

  onCommand(
    app,
    deps,
    async (context) =>
      isPersonal(context) &&
      isText(context) &&
      (await contact.cases.plainTextTarget(actorOf(context, deps))).kind !== 'none',
    async (actor, context) => {
      const text = CardText.for(deps, actor.locale);
      const target = await contact.cases.plainTextTarget(actor);
      if (target.kind !== 'relay') return whichCaseText(contact, text, actor);
      const message = context.activity.text.trim();
      if (message.length > MAX_MESSAGE) throw commonErrors.invalidInput();
      try {
        const { c } = await contact.cases.relay(actor, target.caseId, message);
        return sentText(text, c.code);
      } catch (err) {
        if (isAppError(err) && err.code === contactErrors.notPickedUp.code) {
          return text.t('contact.case.notPickedUp', { code: await contact.cases.codeOf(target.caseId) });
        }
        throw err;
      }
    },
  );
}

async function whichCaseText(contact: ContactModule, text: CardText, actor: Actor): Promise<string> {
  const target = await contact.cases.plainTextTarget(actor);
  if (target.kind === 'ask')
    return text.t('contact.case.whichCase', { example: target.codes[0], codes: target.codes.join(', ') });
  if (target.kind === 'relay') {
    const code = await contact.cases.codeOf(target.caseId);
    return text.t('contact.case.whichCase', { example: code, codes: code });
  }
  return text.t('contact.case.noOpenCases');
}
