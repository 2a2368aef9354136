import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { registerHelpFallbackHandlers, registerHelpHandlers } from './help.handlers';

/** Help and welcome: registered first; the catch-all part is registered last by app.ts. */
export function registerHelp(app: PanelApp, deps: AppDeps): void {
  registerHelpHandlers(app, deps);
}

/** Whatever no feature took: unknown verbs get a clear card, unknown text the help card. */
export function registerHelpFallback(app: PanelApp, deps: AppDeps): void {
  registerHelpFallbackHandlers(app, deps);
}
