import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderRolesRefreshedCard } from './cards/roles-refreshed.card';
import { canRefreshRoles } from './roles.access';
import type { RolesDeps } from './roles.module';
import { rolesVerbs } from './roles.verbs';

/** `rollen verversen`: read the role groups from Entra ID now instead of at the next scheduled refresh. */
export function registerRolesHandlers(app: PanelApp, deps: RolesDeps): void {
  const refresh = async (actor: Actor) => {
    if (!canRefreshRoles(actor)) throw commonErrors.forbidden();
    return renderRolesRefreshedCard(
      CardText.for(deps, actor.locale),
      await deps.roles.refresh(actor.aadObjectId),
    );
  };
  onCommand(app, deps, /^\s*(rollen verversen|refresh roles|aggiorna ruoli)\s*$/i, refresh, {
    personalOnly: true,
  });
  onCardAction(app, deps, rolesVerbs.refresh, z.object({}).passthrough(), refresh, { personalOnly: true });
}
