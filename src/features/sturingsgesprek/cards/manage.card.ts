import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import { cardPerson, pick, t, unitName } from '../sturingsgesprek.text.format';
import type { ResolvedSet, RoundDoc, RoundStatusView } from '../sturingsgesprek.types';
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

export function renderStatusCard(w: CardText, view: RoundStatusView, banner = ''): AdaptiveCard {
  const { round } = view;
  const open = round.status === 'open';
  const when = (iso: string) => formatWhen(iso, w.locale, zone(w));
  const person = (id: string | undefined) => cardPerson(w, view.names, id);
  const rows = view.rows.map(({ unit, sheet }) => {
    const state = sheet?.state ?? 'notOpened';
    const deputy = sheet?.deputyId ? [t(w, 'card.status.deputy', { name: person(sheet.deputyId) })] : [];
    const people = [person(unit.ownerId), ...deputy].join(' · ');
    const detail =
      state === 'submitted' && sheet?.submittedAt
        ? t(w, 'card.answer.state.submitted', {
            name: person(sheet.submittedBy),
            when: when(sheet.submittedAt),
          })
        : t(w, `card.answer.state.${state}`);
    return {
      unit: unitName(w, unit.name),
      unitId: unit.unitId,
      people,
      state: detail,
      color: state === 'submitted' ? 'Good' : state === 'draft' ? 'Warning' : 'Attention',
      late: open && state !== 'submitted',
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
    rows,
    anyLate: rows.some((r) => r.late),
    roundId: round.roundId,
    token: view.token,
  });
}
