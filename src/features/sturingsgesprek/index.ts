import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';

/** Registers the sturingsgesprek feature's routes, help entries, message catalogues and jobs. */
export function registerSturingsgesprek(_app: PanelApp, _deps: AppDeps): void {
  // Filled in by the feature's own change.
}
