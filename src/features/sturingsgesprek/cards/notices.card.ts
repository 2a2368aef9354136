import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import { flattenQuestions } from '../sturingsgesprek.question-set.schemas';
import { cardPerson, pick, t, unitName } from '../sturingsgesprek.text.format';
import type { PeopleNamesMap, RoundDoc, SheetDoc, UnitSnapshot } from '../sturingsgesprek.types';
import { sturingsgesprekVerbs } from '../sturingsgesprek.verbs';
import closedTemplate from './closed.card.json';
import confirmTemplate from './confirm.card.json';
import reminderTemplate from './reminder.card.json';

const when = (w: CardText, iso: string) => formatWhen(iso, w.locale, w.timeZone);

export function renderReminderCard(
  w: CardText,
  d: { round: RoundDoc; unit: UnitSnapshot; sheet: SheetDoc; kind: 'reminder' | 'nudge' },
): AdaptiveCard {
  return renderCard(reminderTemplate, {
    title: t(w, `card.reminder.${d.kind}Title`, { period: d.round.periodLabel }),
    text: t(w, `card.reminder.${d.kind}Text`, { deadline: when(w, d.round.deadline) }),
    facts: [
      {
        title: t(w, d.unit.departmentId ? 'card.answer.facts.department' : 'card.answer.facts.cluster'),
        value: unitName(w, d.unit.name),
      },
      { title: t(w, 'card.answer.facts.deadline'), value: when(w, d.round.deadline) },
      { title: t(w, 'card.answer.facts.status'), value: t(w, `card.answer.state.${d.sheet.state}`) },
    ],
    button: t(w, 'card.reminder.open'),
    verb: sturingsgesprekVerbs.view,
    roundId: d.round.roundId,
    unitId: d.unit.unitId,
  });
}

/** A round before (or after) it goes out: what, when, to whom; "Versturen" / "Aanpassen" while a draft. */
export function renderConfirmCard(
  w: CardText,
  d: {
    round: RoundDoc;
    units: UnitSnapshot[];
    names: PeopleNamesMap;
    intro?: string;
    banner?: string;
    bannerStyle?: 'good' | 'attention';
  },
): AdaptiveCard {
  const { round } = d;
  return renderCard(confirmTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.confirm'),
    verbs: sturingsgesprekVerbs,
    title: t(w, 'card.confirm.title', { period: round.periodLabel }),
    intro: d.intro ?? '',
    banner: d.banner ?? '',
    bannerStyle: d.bannerStyle ?? 'good',
    facts: [
      { title: t(w, 'card.confirm.facts.status'), value: t(w, `card.roundStatus.${round.status}`) },
      { title: t(w, 'card.confirm.facts.set'), value: pick(round.setName, w.locale) },
      { title: t(w, 'card.confirm.facts.opens'), value: when(w, round.opensAt) },
      { title: t(w, 'card.confirm.facts.deadline'), value: when(w, round.deadline) },
      {
        title: t(w, 'card.confirm.facts.reminders'),
        value: round.reminderDays.length
          ? t(w, 'card.confirm.reminderDays', {
              list: round.reminderDays.map((days) => t(w, 'card.confirm.reminderDay', { days })).join(', '),
            })
          : '—',
      },
      {
        title: t(w, 'card.confirm.facts.departments'),
        value: t(w, round.includeDepartments ? 'card.answer.yes' : 'card.answer.no'),
      },
    ],
    questions: flattenQuestions(round.questions).map(({ q, number }) => ({
      text: `${number}. ${pick(q.text, w.locale)}`,
    })),
    units: d.units.map((u) => ({ text: `${unitName(w, u.name)} — ${cardPerson(w, d.names, u.ownerId)}` })),
    isDraft: round.status === 'draft',
    canEdit: round.status === 'draft' || round.status === 'scheduled',
    isOpen: round.status === 'open' || round.status === 'closed',
    roundId: round.roundId,
  });
}

export function renderClosedCard(
  w: CardText,
  d: {
    round: RoundDoc;
    submitted: number;
    total: number;
    missing: UnitSnapshot[];
    names: PeopleNamesMap;
  },
): AdaptiveCard {
  // No download links here: a signed link lives ten minutes and this card may be read the next morning.
  // The report button makes fresh ones.
  return renderCard(closedTemplate, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.closed'),
    verbs: sturingsgesprekVerbs,
    title: t(w, 'card.closed.title', { period: d.round.periodLabel }),
    summary: t(w, 'card.closed.summary', { submitted: d.submitted, total: d.total }),
    missing: d.missing.map((u) => ({
      text: `${unitName(w, u.name)} — ${cardPerson(w, d.names, u.ownerId)}`,
    })),
    roundId: d.round.roundId,
  });
}
