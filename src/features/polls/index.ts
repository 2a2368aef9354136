import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';

/** Registers the polls feature's routes, help entries, message catalogues and jobs. */
export function registerPolls(_app: PanelApp, _deps: AppDeps): void {
  // Filled in by the feature's own change.
}
