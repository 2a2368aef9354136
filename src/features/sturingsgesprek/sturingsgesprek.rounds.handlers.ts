import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { localDate } from '../../platform/local-time';
import type { Actor } from '../../platform/org/organisation';
import {
  renderOverviewCard,
  renderRoundForm,
  renderStatusCard,
  type RoundFormValues,
} from './cards/manage.card';
import { renderConfirmCard } from './cards/notices.card';
import { renderReportCard } from './cards/report.card';
import { isManager, requireManager, unitsOf } from './sturingsgesprek.access';
import type { SturingsgesprekDeps, SturingsgesprekModule } from './sturingsgesprek.module';
import { newToken, nudgePayload, reportPayload, roundForm, roundRef } from './sturingsgesprek.schemas';
import { cardPerson, t } from './sturingsgesprek.text.format';
import { addDays, localTime } from './sturingsgesprek.time.format';
import type { RoundDoc } from './sturingsgesprek.types';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/** What the person typed into the round form, as sent (untrusted; only shown back in the form). */
function typedRound(data: unknown): { values: RoundFormValues; token: string; roundId?: string } {
  const str = (key: string) => {
    const value = (data as Record<string, unknown> | undefined)?.[key];
    return typeof value === 'string' ? value.slice(0, 200) : '';
  };
  return {
    values: {
      setId: str('setId'),
      periodLabel: str('periodLabel'),
      opensOn: str('opensOn'),
      opensTime: str('opensTime'),
      deadlineOn: str('deadlineOn'),
      deadlineTime: str('deadlineTime'),
      reminderDays: str('reminderDays'),
      includeDepartments: str('includeDepartments') || 'false',
    },
    token: /^[a-z0-9]{6,32}$/.test(str('token')) ? str('token') : newToken(),
    roundId: str('roundId') || undefined,
  };
}

/** The DIG office's cards: overview, new/edit round, confirm, status with nudges, report. */
export function registerRoundHandlers(
  app: PanelApp,
  deps: SturingsgesprekDeps,
  s: SturingsgesprekModule,
): void {
  const zone = deps.org.timeZone;
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);
  const confirmCard = async (w: CardText, round: RoundDoc, banner?: string) => {
    const units = round.units.length ? round.units : unitsOf(deps.org, round.includeDepartments);
    const intro = round.status === 'draft' ? t(w, 'card.confirm.introManual') : '';
    return renderConfirmCard(w, { round, units, names: await s.people.names(units, []), intro, banner });
  };
  const form = async (
    actor: Actor,
    values: RoundFormValues,
    formToken: string,
    roundId?: string,
    error?: string,
  ) =>
    renderRoundForm(textFor(actor), {
      sets: await s.sets.list(actor),
      values,
      token: formToken,
      roundId,
      error,
    });

  onCardAction(app, deps, v.overview, z.unknown(), async (actor) =>
    renderOverviewCard(textFor(actor), await s.rounds.overview(actor)),
  );

  onCardAction(app, deps, v.newRound, z.unknown(), async (actor) => {
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
    return form(actor, values, newToken());
  });

  onCardAction(app, deps, v.editRound, roundRef, async (actor, p) => {
    const round = await s.rounds.get(actor, p.roundId);
    if (round.status !== 'draft' && round.status !== 'scheduled') return confirmCard(textFor(actor), round);
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
    return form(actor, values, newToken(), round.roundId);
  });

  // A mistake keeps what was typed: the form comes back with the message on top (for the office only).
  onCardAction(
    app,
    deps,
    v.saveRound,
    roundForm,
    async (actor, p) => {
      requireManager(actor);
      return confirmCard(textFor(actor), await s.rounds.save(actor, p));
    },
    {
      onError: async ({ error: err, actor, raw }) => {
        if (!isManager(actor)) return undefined;
        const typed = typedRound(raw);
        return form(
          actor,
          typed.values,
          typed.token,
          typed.roundId,
          textFor(actor).t(err.messageKey, err.params),
        );
      },
    },
  );

  onCardAction(app, deps, v.showRound, roundRef, async (actor, p) =>
    confirmCard(textFor(actor), await s.rounds.get(actor, p.roundId)),
  );

  onCardAction(app, deps, v.confirmRound, roundRef, async (actor, p) => {
    const w = textFor(actor);
    const round = await s.rounds.confirm(actor, p.roundId);
    const banner =
      round.status === 'open' ? 'confirmed' : round.status === 'scheduled' ? 'scheduled' : undefined;
    return confirmCard(w, round, banner && t(w, `card.confirm.${banner}`));
  });

  onCardAction(app, deps, v.cancelRound, roundRef, async (actor, p) => {
    const w = textFor(actor);
    return confirmCard(w, await s.rounds.cancel(actor, p.roundId), t(w, 'card.confirm.cancelled'));
  });

  onCardAction(app, deps, v.status, roundRef, async (actor, p) =>
    renderStatusCard(textFor(actor), await s.rounds.status(actor, p.roundId)),
  );

  onCardAction(app, deps, v.nudge, nudgePayload, async (actor, p) => {
    const w = textFor(actor);
    const { view, units, unreachable } = await s.rounds.nudge(actor, p.roundId, p.target, p.token);
    const banner = units ? t(w, 'card.status.nudged', { count: units }) : t(w, 'card.status.nudgedNone');
    // Never a silent no-op: whoever the round card did not reach will most likely miss this one too.
    const missed = unreachable.length
      ? t(w, 'card.status.nudgeNotReached', {
          count: unreachable.length,
          names: unreachable.map((r) => cardPerson(w, view.names, r.unit.ownerId)).join(', '),
        })
      : '';
    return renderStatusCard(w, view, banner, missed);
  });

  onCardAction(app, deps, v.report, reportPayload, async (actor, p) => {
    const model = await s.report.compile(actor, p.roundId);
    const links = s.notifier.reportLinks(p.roundId, actor.aadObjectId, actor.locale);
    return renderReportCard(textFor(actor), model, p.page, links);
  });
}
