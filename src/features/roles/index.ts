import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import en from './i18n/en.json';
import italian from './i18n/it.json';
import flemish from './i18n/nl-BE.json';
import nl from './i18n/nl.json';
import { canRefreshRoles } from './roles.access';
import { registerRolesHandlers } from './roles.handlers';
import { rolesVerbs } from './roles.verbs';

/** Registers the roles feature: the programmateam refreshes role groups on demand. */
export function registerRoles(app: PanelApp, deps: AppDeps): void {
  deps.i18n.register({ nl, en, it: italian, 'nl-BE': flemish });
  registerRolesHandlers(app, deps);
  deps.help.addAll([
    {
      id: 'roles.refresh',
      order: 90,
      titleKey: 'roles.help.title',
      descriptionKey: 'roles.help.description',
      verb: rolesVerbs.refresh,
      visibleTo: canRefreshRoles,
    },
  ]);
}
