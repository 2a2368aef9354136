import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { TurnContext, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { registerAdvies } from './features/advies';
import { registerContact } from './features/contact';
import { registerHelp, registerHelpFallback } from './features/help';
import { registerKennisatelier } from './features/kennisatelier';
import { registerKernteam } from './features/kernteam';
import { registerNetworks } from './features/networks';
import { registerPolls } from './features/polls';
import { registerRoles } from './features/roles';
import { registerSturingsgesprek } from './features/sturingsgesprek';
import { rememberConversation } from './platform/bot/conversation-tracking';
import { activityTypeForLog, createUserRateLimit, edgeRefusal } from './platform/bot/edge-guard';
import { refuseOverlongText } from './platform/bot/message-length';
import { ReusingTeamsAdapter } from './platform/bot/reusing-teams-adapter';
import { localeOf } from './platform/bot/turn';
import type { AppDeps } from './platform/deps';
import { intlTag } from './platform/i18n/locale';
import type { Config } from './config';

/** Bot Framework authentication settings; with no app id botbuilder accepts unauthenticated local traffic. */
export function authOptions(config: Config): ConfigurationBotFrameworkAuthenticationOptions {
  const { appId, appPassword, appType, tenantId } = config.auth;
  return appId
    ? {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: appPassword,
        MicrosoftAppType: appType,
        MicrosoftAppTenantId: tenantId,
      }
    : {};
}

export function createAdapter(config: Config): TeamsAdapter {
  return new ReusingTeamsAdapter(authOptions(config));
}

/** Conversation tenant as Teams sends it (conversation.tenantId, or channelData.tenant.id). */
function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return context.activity.conversation?.tenantId ?? channelData?.tenant?.id;
}

/**
 * Builds the teams-ai Application: tenant guard, conversation tracking, error boundary, then the
 * features in a fixed order, and the catch-all help handler last (it must see only what nobody took).
 */
export function createApp(deps: AppDeps, adapter: TeamsAdapter): Application<TurnState> {
  const log = deps.logger.child({ component: 'app' });
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.auth.appId ?? '',
    // No route keeps flow progress in teams-ai's turn state (flows keep it in their own documents), so
    // it is not stored: that saved two reads of the store on every turn. A flow that needs it passes
    // `new BotStateStorage(deps.store)` (src/storage/bot-state-storage.ts) here.
    storage: undefined,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
  });

  const allowedTenant = deps.config.auth.tenantId;
  const withinRate = createUserRateLimit(deps);
  // Registered separately: app.turn([...]) with an array has a bug in teams-ai 1.x (STACK-NOTES).
  app.turn('beforeTurn', async (context) => {
    const refused = edgeRefusal(context);
    if (refused) {
      // Nothing about the sender: on such a channel the client chose it.
      log.warn(
        { reason: refused, activityType: activityTypeForLog(context) },
        'activity refused at the edge',
      );
      return false;
    }
    const tenant = tenantOf(context);
    if (allowedTenant && tenant?.toLowerCase() !== allowedTenant.toLowerCase()) {
      log.warn({ activityId: context.activity.id, tenant }, 'activity from another tenant ignored');
      return false;
    }
    const override = deps.config.uiLocaleOverride;
    if (override) context.activity.locale = intlTag(override);
    if (!(await withinRate(context))) return false;
    // Before any route's pattern sees the text (finding 5: no pattern may run on unbounded input).
    if (await refuseOverlongText(context, deps)) return false;
    await rememberConversation(context, deps);
    const from = context.activity.from;
    if (from?.aadObjectId) deps.people.remember(from.aadObjectId, from.name);
    return true;
  });

  app.error(async (context, error) => {
    const err = error as Error & { code?: string };
    log.error(
      {
        err: { name: err.name, code: err.code, stack: err.stack },
        activityId: context.activity.id,
        conversationType: context.activity.conversation?.conversationType,
      },
      'unhandled error in turn',
    );
    const text = deps.i18n.t(localeOf(context, deps), 'common.error.unexpected');
    if (context.activity.type === 'invoke') {
      await context.sendActivity({
        type: 'invokeResponse',
        value: {
          status: 200,
          body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
        },
      });
    } else {
      await context.sendActivity(text);
    }
  });

  registerHelp(app, deps);
  registerKennisatelier(app, deps);
  registerPolls(app, deps);
  registerSturingsgesprek(app, deps);
  registerNetworks(app, deps);
  registerRoles(app, deps);
  registerKernteam(app, deps);
  registerAdvies(app, deps);
  // Last before the fallback: a medewerker's free text in an open contact case is relayed, so every other command must match first.
  registerContact(app, deps);
  registerHelpFallback(app, deps);
  return app;
}
