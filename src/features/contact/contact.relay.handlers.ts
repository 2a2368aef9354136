import type { TurnContext } from 'botbuilder';
import type { PanelApp } from '../../platform/bot/panel-app';
import { actorOf } from '../../platform/bot/turn';
import type { AppDeps } from '../../platform/deps';
import { isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderClosed } from './cards/closure.card';
import { renderKernteamCase, renderRequesterCase } from './cards/conversation.card';
import { isKernteamlidOf } from './contact.access';
import { closingTextKey } from './contact.closure.service';
import { codedMessage, MAX_MESSAGE, sendPayload } from './contact.schemas';
import type { ContactServices } from './contact.module';
import { invalid, isPersonal, parseOrThrow, runAction, runCommand } from './contact.common.handlers';
import { contactVerbs } from './contact.verbs';

const isText = (context: TurnContext) => context.activity.type === 'message' && typeof context.activity.text === 'string' && context.activity.text.trim() !== '';

/**
 * Relay: the reply box on every relayed card, "#CODE text" typed in the 1:1 chat, and plain text
 * from a medewerker with an open case. A kernteamlid's plain text is never guessed into a case.
 */
export function registerRelayHandlers(app: PanelApp, deps: AppDeps, s: ContactServices): void {
  const { kit } = s.env;
  const sentText = (actor: Actor, code: string) => kit.i18n.t(actor.locale, 'contact.case.sentText', { code });

  app.adaptiveCards.actionExecute(contactVerbs.send, (context, _state, data) =>
    runAction(context, deps, async (actor) => {
      const input = parseOrThrow(sendPayload, data);
      const { c } = await s.cases.relay(actor, input.caseId, input.message, input.replyId);
      return isKernteamlidOf(c, actor)
        ? renderKernteamCase(kit, actor.locale, { c, incoming: input.quoted, outgoing: input.message })
        : renderRequesterCase(kit, actor.locale, { c, kernteamlidName: s.cases.nameOf(c.kernteamlidId ?? ''), incoming: input.quoted, outgoing: input.message });
    }),
  );

  // "#K7Q2 hoi": explicit case, from either side. In a channel it is refused, never relayed.
  app.message(codedMessage, (context) =>
    runCommand(context, deps, async (actor) => {
      const [, code, text] = codedMessage.exec(context.activity.text ?? '') ?? [];
      if (!code) throw invalid();
      if (!text) return whichCaseText(s, actor);
      if (text.length > MAX_MESSAGE) throw invalid();
      const c = await s.cases.relayByCode(actor, code, text);
      return sentText(actor, c.code);
    }),
  );

  // "stop" from a medewerker with an open case ends it; without one, it is nobody's business here.
  app.message(
    async (context) => isPersonal(context) && isText(context) && /^\s*stop\s*$/i.test(context.activity.text) && !!(await s.env.repo.getLink(actorOf(context, deps).aadObjectId)),
    (context) =>
      runCommand(context, deps, async (actor) => {
        const closed = await s.closure.stopByRequester(actor);
        return renderClosed(kit, actor.locale, closed.code, closingTextKey(closed, 'medewerker'));
      }),
  );

  app.message(
    async (context) => isPersonal(context) && isText(context) && (await s.cases.plainTextTarget(actorOf(context, deps))).kind !== 'none',
    (context) =>
      runCommand(context, deps, async (actor) => {
        const target = await s.cases.plainTextTarget(actor);
        if (target.kind !== 'relay') return whichCaseText(s, actor);
        const text = context.activity.text.trim();
        if (text.length > MAX_MESSAGE) throw invalid();
        try {
          const { c } = await s.cases.relay(actor, target.caseId, text);
          return sentText(actor, c.code);
        } catch (err) {
          if (isAppError(err) && err.messageKey === 'contact.error.notPickedUp') {
            const code = (await s.env.repo.getCase(target.caseId))?.data.code ?? '';
            return kit.i18n.t(actor.locale, 'contact.case.notPickedUp', { code });
          }
          throw err;
        }
      }),
  );
}

async function whichCaseText(s: ContactServices, actor: Actor): Promise<string> {
  const target = await s.cases.plainTextTarget(actor);
  const { i18n } = s.env.kit;
  if (target.kind === 'ask') return i18n.t(actor.locale, 'contact.case.whichCase', { example: target.codes[0], codes: target.codes.join(', ') });
  if (target.kind === 'relay') {
    const code = (await s.env.repo.getCase(target.caseId))?.data.code ?? '';
    return i18n.t(actor.locale, 'contact.case.whichCase', { example: code, codes: code });
  }
  return i18n.t(actor.locale, 'contact.case.noOpenCases');
}
