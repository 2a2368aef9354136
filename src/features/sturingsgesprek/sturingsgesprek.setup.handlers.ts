import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import { t } from './sturingsgesprek.text.format';
import { renderScheduleCard, renderSetEditor, renderSetsCard } from './cards/setup.card';
import { act, parsePayload, token } from './common.handlers';
import { scheduleForm, setCopyPayload, setEditPayload, setRef } from './sturingsgesprek.schemas';
import type { SturingsgesprekServices } from './sturingsgesprek.module';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/** Question sets (copy a template, edit texts, add/remove questions) and the schedule. */
export function registerSetupHandlers(app: PanelApp, deps: AppDeps, s: SturingsgesprekServices): void {
  app.adaptiveCards.actionExecute(v.sets, async (context) => act(context, deps, async (actor, w) => renderSetsCard(w, await s.sets.list(actor), token())));

  app.adaptiveCards.actionExecute(v.copySet, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const p = parsePayload(setCopyPayload, data);
      if (!p) throw commonErrors.invalidInput();
      return renderSetEditor(w, await s.sets.copy(actor, p.sourceId, p.token), { text: t(w, 'card.setEditor.copied'), style: 'good' });
    }),
  );

  app.adaptiveCards.actionExecute(v.editSet, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const p = parsePayload(setRef, data);
      if (!p) throw commonErrors.invalidInput();
      return renderSetEditor(w, await s.sets.get(actor, p.setId));
    }),
  );

  app.adaptiveCards.actionExecute(v.saveSet, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const p = parsePayload(setEditPayload, data);
      if (!p) throw commonErrors.invalidInput();
      try {
        const { set, stale } = await s.sets.edit(actor, p);
        return renderSetEditor(w, set, stale ? { text: t(w, 'card.setEditor.stale'), style: 'warning' } : { text: t(w, 'card.setEditor.saved'), style: 'good' });
      } catch (err) {
        // The set as stored, with what was wrong on top.
        if (!isAppError(err) || err.messageKey === 'common.error.notFound' || err.code === 'sturingsgesprek.managersOnly') throw err;
        return renderSetEditor(w, await s.sets.get(actor, p.setId), { text: deps.i18n.t(actor.locale, err.messageKey, err.params), style: 'attention' });
      }
    }),
  );

  app.adaptiveCards.actionExecute(v.schedule, async (context) =>
    act(context, deps, async (actor, w) => renderScheduleCard(w, { schedule: await s.schedule.get(actor), sets: await s.sets.list(actor) })),
  );

  app.adaptiveCards.actionExecute(v.saveSchedule, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const sets = await s.sets.list(actor);
      const p = parsePayload(scheduleForm, data);
      if (!p) return renderScheduleCard(w, { schedule: await s.schedule.get(actor), sets, banner: deps.i18n.t(actor.locale, 'common.error.invalidInput') });
      try {
        const { schedule, next } = await s.schedule.save(actor, p);
        return renderScheduleCard(w, { schedule, sets, next, banner: t(w, schedule.active ? 'card.schedule.saved' : 'card.schedule.inactive') });
      } catch (err) {
        if (!isAppError(err)) throw err;
        return renderScheduleCard(w, { schedule: await s.schedule.get(actor), sets, banner: deps.i18n.t(actor.locale, err.messageKey, err.params) });
      }
    }),
  );
}
