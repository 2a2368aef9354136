import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import { cardAnswer, cardPerson, doorbraakTitle, pick, t, unitName } from '../sturingsgesprek.text.format';
import type { ReportModel, ReportQuestion } from '../sturingsgesprek.types';
import { sturingsgesprekVerbs, type ReportLinks } from '../sturingsgesprek.verbs';
import template from './report.card.json';

/** Teams refuses messages over about 28 KB: the answers on one page share this many characters. */
const PAGE_BUDGET = 14_000;

function countFacts(
  w: CardText,
  list: ReportModel['doorbraken'],
  rq: ReportQuestion,
): Array<{ title: string; value: string }> {
  const c = rq.counts;
  if (!c) return [];
  const fmt = (now: number, previous?: number) =>
    previous === undefined ? String(now) : t(w, 'card.report.countWithPrevious', { now, previous });
  if (c.kind === 'yesNo') {
    return [
      { title: t(w, 'card.answer.yes'), value: fmt(c.yes, c.previousYes) },
      { title: t(w, 'card.answer.no'), value: fmt(c.no, c.previousNo) },
    ];
  }
  return c.items
    .filter((i) => i.now > 0 || (i.previous ?? 0) > 0)
    .map((i) => ({ title: doorbraakTitle(w, list, i.id), value: fmt(i.now, i.previous) }));
}

/** Page 0: response and counts; page n: question n with each unit's answer beside its previous one. */
export function renderReportCard(
  w: CardText,
  model: ReportModel,
  page: number,
  links: ReportLinks,
): AdaptiveCard {
  const { round } = model;
  const lastPage = model.questions.length;
  const p = Math.min(Math.max(page, 0), lastPage);
  const rq = p > 0 ? model.questions[p - 1] : undefined;
  const limit = rq ? Math.max(300, Math.floor(PAGE_BUDGET / Math.max(1, rq.rows.length * 2))) : 0;
  const person = (id: string | undefined) => cardPerson(w, model.names, id);
  return renderCard(template, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.report'),
    verbs: sturingsgesprekVerbs,
    title: t(w, 'card.report.title', { period: round.periodLabel }),
    summary: t(w, 'card.report.summary', {
      submitted: model.submitted.length,
      total: round.units.length,
      deadline: formatWhen(round.deadline, w.locale, w.timeZone),
    }),
    pageLabel: rq
      ? t(w, 'card.report.pageQuestion', { page: p, pages: lastPage })
      : t(w, 'card.report.pageOverview', { pages: lastPage }),
    isOverview: !rq,
    missing: model.missing.map((u) => ({ text: `${unitName(w, u.name)} — ${person(u.ownerId)}` })),
    counts: model.questions
      .filter((q) => q.counts)
      .map((q) => ({
        question: `${q.number}. ${pick(q.q.text, w.locale)}`,
        facts: countFacts(w, model.doorbraken, q),
      })),
    question: rq
      ? {
          text: `${rq.number}. ${pick(rq.q.text, w.locale)}`,
          facts: countFacts(w, model.doorbraken, rq),
          rows: rq.rows.map((row) => ({
            unit: unitName(w, row.unit.name),
            who: row.answeredBy
              ? row.onBehalfOf
                ? t(w, 'report.onBehalfOf', {
                    name: person(row.answeredBy),
                    director: person(row.onBehalfOf),
                  })
                : person(row.answeredBy)
              : t(w, 'report.notSubmitted'),
            answer: !row.answeredBy
              ? '—'
              : !row.answer && row.notApplicable
                ? t(w, 'report.notApplicable', { number: rq.number.replace(/[a-z]$/, '') })
                : cardAnswer(w, model.doorbraken, rq.q, row.answer, limit),
            previousLabel: rq.previousRound
              ? t(w, 'report.previous', { period: rq.previousRound.periodLabel })
              : t(w, 'card.report.noPrevious'),
            previous: row.previous?.answer
              ? cardAnswer(w, model.doorbraken, rq.q, row.previous.answer, limit)
              : '—',
          })),
        }
      : { text: '', facts: [], rows: [] },
    page: p,
    lastPage,
    links,
    roundId: round.roundId,
  });
}
