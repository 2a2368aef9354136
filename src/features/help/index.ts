import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { registerHelpFallbackHandlers, registerHelpHandlers } from './help.handlers';
import { OnboardingWelcome } from './help.onboarding.service';

/** Help and welcome: registered first; the catch-all part is registered last by app.ts. */
export function registerHelp(app: PanelApp, deps: AppDeps): void {
  registerHelpHandlers(app, deps);
  const onboarding = new OnboardingWelcome(deps);
  deps.roles.onRefreshed(() => onboarding.welcomeNew());
}

/** Whatever no feature took: unknown verbs get a clear card, unknown text the help card. */
export function registerHelpFallback(app: PanelApp, deps: AppDeps): void {
  registerHelpFallbackHandlers(app, deps);
}
