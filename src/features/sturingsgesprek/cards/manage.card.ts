import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import { cardPerson, pick, t, unitName } from '../sturingsgesprek.text.format';
import { isUnreached, reachReasonKey } from '../sturingsgesprek.reach.rules';
import type { ResolvedSet, RoundDoc, RoundStatusView, StatusRow } from '../sturingsgesprek.types';
import { sturingsgesprekVerbs } from '../sturingsgesprek.verbs';
import overviewTemplate from './overview.card.json';
import roundFormTemplate from './round-form.card.json';
import statusTemplate from './status.card.json';

const zone = (w: CardText) => w.timeZone;

export function renderOverviewCard(
  w: CardText,
  rounds: Array<{ round: RoundDoc; submitted: number }>,
): AdaptiveCard {
  const v = sturingsgesprekVerbs;
  return renderCard(overviewTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.overview'),
    verbs: v,
    rounds: rounds.map(({ round, submitted }) => ({
      label: round.periodLabel,
      detail: t(w, 'card.overview.detail', {
        status: t(w, `card.roundStatus.${round.status}`),
        deadline: formatDate(round.deadline, w.locale, zone(w)),
        response:
          round.status === 'open' || round.status === 'closed'
            ? t(w, 'card.overview.response', { submitted, total: round.units.length })
            : '',
      }).trim(),
      button: t(
        w,
        round.status === 'draft' || round.status === 'scheduled'
          ? 'card.overview.view'
          : round.status === 'open'
            ? 'card.overview.status'
            : 'card.overview.report',
      ),
      verb:
        round.status === 'draft' || round.status === 'scheduled'
          ? v.showRound
          : round.status === 'open'
            ? v.status
            : v.report,
      roundId: round.roundId,
    })),
  });
}

export interface RoundFormValues {
  setId: string;
  periodLabel: string;
  opensOn: string;
  opensTime: string;
  deadlineOn: string;
  deadlineTime: string;
  reminderDays: string;
  includeDepartments: string;
}

export function renderRoundForm(
  w: CardText,
  d: { sets: ResolvedSet[]; values: RoundFormValues; token: string; roundId?: string; error?: string },
): AdaptiveCard {
  return renderCard(roundFormTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.roundForm'),
    verbs: sturingsgesprekVerbs,
    title: t(w, d.roundId ? 'card.roundForm.editTitle' : 'card.roundForm.newTitle'),
    error: d.error ?? '',
    sets: d.sets.map((s) => ({
      title: `${pick(s.name, w.locale)}${s.isTemplate ? ` (${t(w, 'card.sets.template')})` : ''}`,
      value: s.setId,
    })),
    values: d.values,
    data: d.roundId ? { token: d.token, roundId: d.roundId } : { token: d.token },
  });
}

/** `banner`: what just happened; `warning`: what did not (e.g. people a reminder will not reach). */
export function renderStatusCard(
  w: CardText,
  view: RoundStatusView,
  banner = '',
  warning = '',
): AdaptiveCard {
  const { round } = view;
  const open = round.status === 'open';
  const when = (iso: string) => formatWhen(iso, w.locale, zone(w));
  const person = (id: string | undefined) => cardPerson(w, view.names, id);
  const rows = view.rows.map((row) => {
    const { unit, sheet } = row;
    const state = sheet?.state ?? 'notOpened';
    const deputy = sheet?.deputyId ? [t(w, 'card.status.deputy', { name: person(sheet.deputyId) })] : [];
    const people = [person(unit.ownerId), ...deputy].join(' · ');
    const owner = unit.ownerId.toLowerCase();
    const reason = (m: StatusRow['notReached'][number]) => w.t(reachReasonKey(m));
    const ownerMiss = row.notReached.find((m) => m.id === owner);
    const detail = isUnreached(row)
      ? t(w, 'card.status.notReached', { reason: reason(ownerMiss!) })
      : state === 'submitted' && sheet?.submittedAt
        ? t(w, 'card.answer.state.submitted', {
            name: person(sheet.submittedBy),
            when: when(sheet.submittedAt),
          })
        : t(w, `card.answer.state.${state}`);
    // A deputy the card did not reach is named too: the director may count on them.
    const deputyMisses = row.notReached
      .filter((m) => m.id !== owner && m.id === sheet?.deputyId)
      .map((m) => t(w, 'card.status.deputyNotReached', { name: person(m.id), reason: reason(m) }));
    const unitLabel = unitName(w, unit.name);
    return {
      unit: unitLabel,
      unitId: unit.unitId,
      people,
      state: [detail, ...deputyMisses].join(' · '),
      // Words carry the meaning and every state is bold; submitted stays default-coloured (green is
      // hard to read on white), so the colour only repeats what the words say.
      color: state === 'submitted' ? 'Default' : state === 'draft' ? 'Warning' : 'Attention',
      late: open && state !== 'submitted',
      // Six "Herinneren" buttons on one card: each says whom it reminds (screen readers read the title).
      nudgeTitle: t(w, 'card.status.nudgeUnit', { unit: unitLabel }),
      nudgeTooltip: t(w, 'card.status.nudgeTooltip', { name: person(unit.ownerId), unit: unitLabel }),
    };
  });
  return renderCard(statusTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.status'),
    verbs: sturingsgesprekVerbs,
    title: t(w, 'card.status.title', { period: round.periodLabel }),
    summary: t(w, 'card.status.summary', {
      status: t(w, `card.roundStatus.${round.status}`),
      deadline: when(round.deadline),
      submitted: view.submitted,
      total: round.units.length,
    }),
    banner,
    warning,
    rows,
    anyLate: rows.some((r) => r.late),
    roundId: round.roundId,
    token: view.token,
  });
}
