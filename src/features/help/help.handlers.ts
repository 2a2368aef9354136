import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { actorOf, givenLocaleOf, noticeCard } from '../../platform/bot/turn';
import { localeFrom } from '../../platform/i18n/i18n';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand, replyCard } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { userKey } from '../../platform/delivery/delivery.port';
import type { Actor } from '../../platform/org/organisation';
import type { HelpDeps } from './help.module';
import { renderHelpCard, renderWelcomeCard } from './cards/help.card';

const botWasAdded = (context: TurnContext) =>
  (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);

const helpFor = (deps: HelpDeps, actor: Actor) =>
  renderHelpCard(CardText.for(deps, actor.locale), deps.help.entriesFor(actor), actor);

export function registerHelpHandlers(app: PanelApp, deps: HelpDeps): void {
  onCardAction(app, deps, 'help.show', z.unknown(), async (actor) => helpFor(deps, actor));
  onCommand(app, deps, /^\s*(help|hulp|aiuto|menu|\?)\s*$/i, async (actor) => helpFor(deps, actor));

  // Install: in a personal chat the welcome goes to the person; in a team or group chat, to everyone there.
  app.conversationUpdate('membersAdded', async (context) => {
    if (!botWasAdded(context)) return;
    // Once per person: a proactive install, a policy roll-out or a repeated event must not welcome again.
    const aad = context.activity.from?.aadObjectId;
    if (context.activity.conversation?.conversationType === 'personal' && aad) {
      if (!(await deps.conversations.claimWelcome(userKey(aad)))) return;
    }
    // Install events often carry no language: then the one Teams gave with this person's earlier messages.
    const stored = aad ? await deps.conversations.localeOf(userKey(aad)) : undefined;
    const locale = givenLocaleOf(context, deps) ?? (stored ? localeFrom(stored, deps.org) : undefined);
    const text = CardText.for(deps, locale ?? deps.org.defaultLocale);
    await replyCard(context, renderWelcomeCard(text, locale !== undefined));
  });
}

/** A verb as our cards write them (`feature.action`); anything else a client sends is logged as 'other'. */
const verbForLog = (verb: unknown) =>
  typeof verb === 'string' && /^[a-z][A-Za-z]{0,30}(?:\.[A-Za-z][\w-]{0,40}){1,3}$/.test(verb)
    ? verb
    : 'other';

/** Every card action invoke, whatever its verb (null, a number, an object) or action type. */
const anyCardAction = async (context: TurnContext) =>
  context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';

/** Registered after every feature: whatever nobody else handled gets the help card. */
export function registerHelpFallbackHandlers(app: PanelApp, deps: HelpDeps): void {
  // Without this, an unknown or non-string Action.Execute verb is answered with HTTP 501 (teams-ai default).
  app.addRoute(
    anyCardAction,
    async (context) => {
      const actor = actorOf(context, deps);
      const action = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action;
      deps.logger.info({ verb: verbForLog(action?.verb) }, 'unknown card action');
      const card = noticeCard(deps.i18n.t(actor.locale, 'common.error.unknownAction'), '', 'Attention');
      const body = { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body } });
    },
    true,
  );
  app.activity('message', async (context) => {
    await replyCard(context, helpFor(deps, actorOf(context, deps)));
  });
}
