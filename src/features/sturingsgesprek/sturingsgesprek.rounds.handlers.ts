import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { requireManager, unitsOf } from './sturingsgesprek.access';
import { t, type Words } from './sturingsgesprek.text.format';
import { renderOverviewCard, renderRoundForm, renderStatusCard, type RoundFormValues } from './cards/manage.card';
import { renderConfirmCard } from './cards/notices.card';
import { renderReportCard } from './cards/report.card';
import { act, parsePayload, token } from './common.handlers';
import { nudgePayload, reportPayload, roundForm, roundRef } from './sturingsgesprek.schemas';
import type { SturingsgesprekServices } from './sturingsgesprek.module';
import type { RoundDoc } from './sturingsgesprek.types';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';
import { localDate } from '../../platform/local-time';
import { addDays, localTime } from './sturingsgesprek.time.format';

const str = (data: unknown, key: string) => {
  const value = (data as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value.slice(0, 200) : '';
};

/** The DIG office's cards: overview, new/edit round, confirm, status with nudges, report. */
export function registerRoundHandlers(app: PanelApp, deps: AppDeps, s: SturingsgesprekServices): void {
  const zone = deps.org.data.organisation.timeZone;
  const ref = (data: unknown) => {
    const p = parsePayload(roundRef, data);
    if (!p) throw commonErrors.invalidInput();
    return p.roundId;
  };
  const confirmCard = (w: Words, round: RoundDoc, banner?: string) =>
    renderConfirmCard(w, { round, units: round.units.length ? round.units : unitsOf(deps.org, round.includeDepartments), intro: round.status === 'draft' ? t(w, 'card.confirm.introManual') : '', banner });
  const form = async (actor: Actor, w: Words, values: RoundFormValues, formToken: string, roundId?: string, error?: string) =>
    renderRoundForm(w, { sets: await s.sets.list(actor), values, token: formToken, roundId, error });

  app.adaptiveCards.actionExecute(v.overview, async (context) => act(context, deps, async (actor, w) => renderOverviewCard(w, await s.rounds.overview(actor))));

  app.adaptiveCards.actionExecute(v.newRound, async (context) =>
    act(context, deps, async (actor, w) => {
      requireManager(actor);
      const today = localDate(deps.clock.now(), zone);
      const values: RoundFormValues = {
        setId: 'kwartaal-1',
        periodLabel: '',
        opensOn: today,
        opensTime: '09:00',
        deadlineOn: addDays(today, 21),
        deadlineTime: '17:00',
        reminderDays: deps.org.settings.sturingsgesprekReminderDays.join(', '),
        includeDepartments: 'false',
      };
      return form(actor, w, values, token());
    }),
  );

  app.adaptiveCards.actionExecute(v.editRound, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const round = await s.rounds.get(actor, ref(data));
      if (round.status !== 'draft' && round.status !== 'scheduled') return confirmCard(w, round);
      const values: RoundFormValues = {
        setId: round.setId,
        periodLabel: round.periodLabel,
        opensOn: localDate(round.opensAt, zone),
        opensTime: localTime(round.opensAt, zone),
        deadlineOn: localDate(round.deadline, zone),
        deadlineTime: localTime(round.deadline, zone),
        reminderDays: round.reminderDays.join(', '),
        includeDepartments: String(round.includeDepartments),
      };
      return form(actor, w, values, token(), round.roundId);
    }),
  );

  // A mistake keeps what was typed: the form comes back with the message on top.
  app.adaptiveCards.actionExecute(v.saveRound, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      requireManager(actor);
      const typed: RoundFormValues = {
        setId: str(data, 'setId'),
        periodLabel: str(data, 'periodLabel'),
        opensOn: str(data, 'opensOn'),
        opensTime: str(data, 'opensTime'),
        deadlineOn: str(data, 'deadlineOn'),
        deadlineTime: str(data, 'deadlineTime'),
        reminderDays: str(data, 'reminderDays'),
        includeDepartments: str(data, 'includeDepartments') || 'false',
      };
      const formToken = /^[a-z0-9]{6,32}$/.test(str(data, 'token')) ? str(data, 'token') : token();
      const roundId = str(data, 'roundId') || undefined;
      const p = parsePayload(roundForm, data);
      if (!p) return form(actor, w, typed, formToken, roundId, deps.i18n.t(actor.locale, 'common.error.invalidInput'));
      try {
        return confirmCard(w, await s.rounds.save(actor, p));
      } catch (err) {
        if (!isAppError(err)) throw err;
        return form(actor, w, typed, formToken, roundId, deps.i18n.t(actor.locale, err.messageKey, err.params));
      }
    }),
  );

  app.adaptiveCards.actionExecute(v.showRound, async (context, _state, data) =>
    act(context, deps, async (actor, w) => confirmCard(w, await s.rounds.get(actor, ref(data)))),
  );

  app.adaptiveCards.actionExecute(v.confirmRound, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const round = await s.rounds.confirm(actor, ref(data));
      const banner = round.status === 'open' ? 'confirmed' : round.status === 'scheduled' ? 'scheduled' : undefined;
      return confirmCard(w, round, banner && t(w, `card.confirm.${banner}`));
    }),
  );

  app.adaptiveCards.actionExecute(v.cancelRound, async (context, _state, data) =>
    act(context, deps, async (actor, w) => confirmCard(w, await s.rounds.cancel(actor, ref(data)), t(w, 'card.confirm.cancelled'))),
  );

  app.adaptiveCards.actionExecute(v.status, async (context, _state, data) =>
    act(context, deps, async (actor, w) => renderStatusCard(w, await s.rounds.status(actor, ref(data)))),
  );

  app.adaptiveCards.actionExecute(v.nudge, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const p = parsePayload(nudgePayload, data);
      if (!p) throw commonErrors.invalidInput();
      const { view, units } = await s.rounds.nudge(actor, p.roundId, p.target, p.token);
      return renderStatusCard(w, view, units ? t(w, 'card.status.nudged', { count: units }) : t(w, 'card.status.nudgedNone'));
    }),
  );

  app.adaptiveCards.actionExecute(v.report, async (context, _state, data) =>
    act(context, deps, async (actor, w) => {
      const p = parsePayload(reportPayload, data);
      if (!p) throw commonErrors.invalidInput();
      const model = await s.report.compile(actor, p.roundId);
      return renderReportCard(w, model, p.page, s.notifier.reportLinks(p.roundId, actor.aadObjectId, actor.locale));
    }),
  );
}
