import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { AppError } from '../../platform/errors';
import { hasRole, type Actor } from '../../platform/org/organisation';
import { renderDoorbrakenCard } from './cards/doorbraken.card';
import { isManager } from './sturingsgesprek.access';
import { doorbraakLanguages } from './sturingsgesprek.doorbraken.rules';
import type { SturingsgesprekDeps, SturingsgesprekModule } from './sturingsgesprek.module';
import { doorbraakAdd, doorbraakPriority, doorbraakRef, doorbraakRename } from './sturingsgesprek.schemas';
import { t } from './sturingsgesprek.text.format';
import type { DoorbraakEntry } from './sturingsgesprek.types';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/** The doorbraken list in Teams: the DIG office edits it, the gemeentesecretaris reads it. */
export function registerDoorbrakenHandlers(
  app: PanelApp,
  deps: SturingsgesprekDeps,
  s: SturingsgesprekModule,
): void {
  const card = (actor: Actor, items: DoorbraakEntry[], banner?: string) =>
    renderDoorbrakenCard(CardText.for(deps, actor.locale), {
      items,
      languages: doorbraakLanguages(deps.org),
      canEdit: hasRole(actor, 'digOffice'),
      banner: banner ? { text: banner, style: 'good' } : undefined,
    });
  const saved = (actor: Actor, items: DoorbraakEntry[]) =>
    card(actor, items, t(CardText.for(deps, actor.locale), 'card.doorbraken.saved'));
  // A refused or wrong change shows the list as stored with the message on top; others get the error card.
  const onError = async ({ error, actor }: { error: AppError; actor: Actor }) => {
    if (!isManager(actor)) return undefined;
    const w = CardText.for(deps, actor.locale);
    return renderDoorbrakenCard(w, {
      items: await s.doorbraken.list(actor),
      languages: doorbraakLanguages(deps.org),
      canEdit: hasRole(actor, 'digOffice'),
      banner: { text: w.t(error.messageKey, error.params), style: 'attention' },
    });
  };

  onCardAction(app, deps, v.doorbraken, z.unknown(), async (actor) =>
    card(actor, await s.doorbraken.list(actor)),
  );
  onCardAction(
    app,
    deps,
    v.addDoorbraak,
    doorbraakAdd,
    async (actor, p) => saved(actor, await s.doorbraken.add(actor, p.titles, p.prioritised)),
    { onError },
  );
  onCardAction(
    app,
    deps,
    v.renameDoorbraak,
    doorbraakRename,
    async (actor, p) => saved(actor, await s.doorbraken.rename(actor, p.doorbraakId, p.titles)),
    { onError },
  );
  onCardAction(
    app,
    deps,
    v.prioritiseDoorbraak,
    doorbraakPriority,
    async (actor, p) => saved(actor, await s.doorbraken.setPrioritised(actor, p.doorbraakId, p.prioritised)),
    { onError },
  );
  onCardAction(
    app,
    deps,
    v.retireDoorbraak,
    doorbraakRef,
    async (actor, p) => saved(actor, await s.doorbraken.retire(actor, p.doorbraakId)),
    { onError },
  );
}
