import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { actorOf, noticeCard } from '../../platform/bot/turn';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { renderHelpCard, renderWelcomeCard } from './help.cards';

const botWasAdded = (context: TurnContext) =>
  (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);

export function registerHelpHandlers(app: PanelApp, deps: AppDeps): void {
  app.adaptiveCards.actionExecute('help.show', async (context) => renderHelpCard(deps, actorOf(context, deps)));

  app.message(/^\s*(help|hulp|menu|\?)\s*$/i, async (context) => {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderHelpCard(deps, actorOf(context, deps)))));
  });

  // Install: in a personal chat the welcome goes to the person; in a team or group chat, to everyone there.
  app.conversationUpdate('membersAdded', async (context) => {
    if (!botWasAdded(context)) return;
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderWelcomeCard(deps, actorOf(context, deps)))));
  });
}

/** Registered after every feature: whatever nobody else handled gets the help card. */
export function registerHelpFallbackHandlers(app: PanelApp, deps: AppDeps): void {
  // Without this, an unknown Action.Execute verb is answered with HTTP 501 (teams-ai default).
  app.adaptiveCards.actionExecute(/.*/, async (context) => {
    const actor = actorOf(context, deps);
    deps.logger.info({ verb: (context.activity.value as { action?: { verb?: string } })?.action?.verb }, 'unknown card action');
    return noticeCard(deps.i18n.t(actor.locale, 'common.error.unknownAction'), '', 'Attention');
  });
  app.activity('message', async (context) => {
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(renderHelpCard(deps, actorOf(context, deps)))));
  });
}
