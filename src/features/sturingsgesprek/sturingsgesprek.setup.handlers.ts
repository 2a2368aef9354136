import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { renderScheduleCard, renderSetEditor, renderSetsCard } from './cards/setup.card';
import { isManager } from './sturingsgesprek.access';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { SturingsgesprekDeps, SturingsgesprekModule } from './sturingsgesprek.module';
import { newToken, scheduleForm, setCopyPayload, setEditPayload, setRef } from './sturingsgesprek.schemas';
import { t } from './sturingsgesprek.text.format';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/** Question sets (copy a template, edit texts, add/remove questions) and the schedule. */
export function registerSetupHandlers(
  app: PanelApp,
  deps: SturingsgesprekDeps,
  s: SturingsgesprekModule,
): void {
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);

  onCardAction(app, deps, v.sets, z.unknown(), async (actor) =>
    renderSetsCard(textFor(actor), await s.sets.list(actor), newToken()),
  );

  onCardAction(app, deps, v.copySet, setCopyPayload, async (actor, p) => {
    const w = textFor(actor);
    const set = await s.sets.copy(actor, p.sourceId, p.token);
    return renderSetEditor(w, set, { text: t(w, 'card.setEditor.copied'), style: 'good' });
  });

  onCardAction(app, deps, v.editSet, setRef, async (actor, p) =>
    renderSetEditor(textFor(actor), await s.sets.get(actor, p.setId)),
  );

  onCardAction(
    app,
    deps,
    v.saveSet,
    setEditPayload,
    async (actor, p) => {
      const w = textFor(actor);
      const { set, stale } = await s.sets.edit(actor, p);
      return renderSetEditor(
        w,
        set,
        stale
          ? { text: t(w, 'card.setEditor.stale'), style: 'warning' }
          : { text: t(w, 'card.setEditor.saved'), style: 'good' },
      );
    },
    {
      // The set as stored, with what was wrong on top; a missing set or a missing role gets the plain error card.
      onError: async ({ error: err, actor, input: p }) => {
        if (!p || err.code === commonErrors.notFound.code || err.code === errors.managersOnly.code)
          return undefined;
        const w = textFor(actor);
        const stored = await s.sets.get(actor, p.setId);
        return renderSetEditor(w, stored, { text: w.t(err.messageKey, err.params), style: 'attention' });
      },
    },
  );

  onCardAction(app, deps, v.schedule, z.unknown(), async (actor) =>
    renderScheduleCard(textFor(actor), {
      schedule: await s.schedule.get(actor),
      sets: await s.sets.list(actor),
    }),
  );

  // A mistake shows the schedule as stored, with the message on top (for the office only).
  onCardAction(
    app,
    deps,
    v.saveSchedule,
    scheduleForm,
    async (actor, p) => {
      const w = textFor(actor);
      const sets = await s.sets.list(actor);
      const { schedule, next } = await s.schedule.save(actor, p);
      const banner = t(w, schedule.active ? 'card.schedule.saved' : 'card.schedule.inactive');
      return renderScheduleCard(w, { schedule, sets, next, banner });
    },
    {
      onError: async ({ error: err, actor }) => {
        if (!isManager(actor)) return undefined;
        const w = textFor(actor);
        const [schedule, sets] = [await s.schedule.get(actor), await s.sets.list(actor)];
        return renderScheduleCard(w, { schedule, sets, banner: w.t(err.messageKey, err.params) });
      },
    },
  );
}
