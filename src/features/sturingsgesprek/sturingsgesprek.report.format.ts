import { DateTime } from 'luxon';
import type { CardText } from '../../platform/card-text';
import { formatWhen } from '../../platform/i18n/format';
import { answerAsText } from './sturingsgesprek.answers.rules';
import { answerWords, doorbraakTitle, personName, pick, t, unitName } from './sturingsgesprek.text.format';
import type { PeopleNamesMap, ReportModel, ReportQuestion, ReportRow } from './sturingsgesprek.types';

/** The compiled report as documents for the meeting: Markdown (to read) and CSV (to sort and filter). */

/** Inline markup in user text is shown as typed, not interpreted (no hidden links, no HTML). */
function mdEscape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/^(\s*)#/gm, '$1\\#');
}

/** A blockquote that keeps every line break: two trailing spaces make a hard break in Markdown. */
function quote(text: string): string {
  return text
    .split('\n')
    .map((line, i, all) =>
      line.trim() ? `> ${line}${i < all.length - 1 && all[i + 1].trim() ? '  ' : ''}` : '>',
    )
    .join('\n');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Who answered (for whom, when a deputy did), as plain text; never an id. */
export function who(w: CardText, names: PeopleNamesMap, row: ReportRow): string {
  const name = personName(w, names, row.answeredBy);
  if (!row.onBehalfOf) return name;
  return t(w, 'report.onBehalfOf', { name, director: personName(w, names, row.onBehalfOf) });
}

/** The counts of a doorbraken or yes/no question as a table (header + rows), now and last round. */
export function countsTable(
  w: CardText,
  list: ReportModel['doorbraken'],
  rq: ReportQuestion,
): { head: string[]; rows: string[][] } | undefined {
  const c = rq.counts;
  if (!c) return undefined;
  const prev = rq.previousRound
    ? t(w, 'report.previousColumn', { period: rq.previousRound.periodLabel })
    : undefined;
  const head = [
    t(w, c.kind === 'doorbraken' ? 'report.doorbraak' : 'report.answer'),
    t(w, 'report.nowColumn'),
    ...(prev ? [prev] : []),
  ];
  const rows =
    c.kind === 'doorbraken'
      ? c.items.map((i) => [
          doorbraakTitle(w, list, i.id),
          String(i.now),
          ...(prev ? [String(i.previous ?? 0)] : []),
        ])
      : [
          [t(w, 'card.answer.yes'), String(c.yes), ...(prev ? [String(c.previousYes ?? 0)] : [])],
          [t(w, 'card.answer.no'), String(c.no), ...(prev ? [String(c.previousNo ?? 0)] : [])],
        ];
  return { head, rows };
}

/** What a submitted row shows when it has no answer text. */
export function noAnswerText(w: CardText, rq: ReportQuestion, row: ReportRow): string {
  return row.notApplicable
    ? t(w, 'report.notApplicable', { number: rq.number.replace(/[a-z]$/, '') })
    : t(w, 'report.noAnswer');
}

function countsMarkdown(w: CardText, list: ReportModel['doorbraken'], rq: ReportQuestion): string[] {
  const table = countsTable(w, list, rq);
  if (!table) return [];
  const { head, rows } = table;
  return [
    `### ${rq.number}. ${mdEscape(pick(rq.q.text, w.locale))}`,
    '',
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

/** The report's opening facts (set, period, response, when generated), one line each. */
export function reportFacts(
  w: CardText,
  model: ReportModel,
  escape: (s: string) => string = (s) => s,
): string[] {
  const { round } = model;
  const when = (iso: string) => formatWhen(iso, w.locale, w.timeZone);
  return [
    `${t(w, 'report.set')}: ${escape(pick(round.setName, w.locale))}`,
    `${t(w, 'report.period')}: ${when(round.opensAt)} – ${when(round.deadline)}`,
    t(w, 'report.response', { submitted: model.submitted.length, total: round.units.length }),
    t(w, 'report.generated', { when: when(model.generatedAt) }),
  ];
}

export function reportMarkdown(w: CardText, model: ReportModel, note?: string): string {
  const { round, names } = model;
  const zone = w.timeZone;
  const when = (iso: string) => formatWhen(iso, w.locale, zone);
  const missingName = (u: ReportModel['missing'][number]) => mdEscape(personName(w, names, u.ownerId));
  const missingList = model.missing.map((u) => `${unitName(w, u.name)} (${missingName(u)})`).join(', ');
  const words = answerWords(w, model.doorbraken);
  const out: string[] = [`# ${mdEscape(t(w, 'report.title', { period: round.periodLabel }))}`, ''];
  if (note) out.push(`> ${note}`, '');
  out.push(
    ...reportFacts(w, model, mdEscape).map((line) => `- ${line}`),
    '',
    t(w, 'report.onlySubmitted'),
    '',
    `## ${t(w, 'report.responseHeading')}`,
    '',
    `| ${t(w, 'report.unit')} | ${t(w, 'report.answeredBy')} | ${t(w, 'report.submittedAt')} |`,
    '|---|---|---|',
    ...model.submitted.map((r) => {
      const at = r.submittedAt ? when(r.submittedAt) : '';
      return `| ${cell(unitName(w, r.unit.name))} | ${cell(mdEscape(who(w, names, r)))} | ${at} |`;
    }),
    '',
    model.missing.length ? `**${t(w, 'report.missing')}:** ${missingList}` : t(w, 'report.noneMissing'),
    '',
  );
  const counted = model.questions.filter((q) => q.counts);
  if (counted.length)
    out.push(
      `## ${t(w, 'report.countsHeading')}`,
      '',
      ...counted.flatMap((q) => countsMarkdown(w, model.doorbraken, q)),
    );
  out.push(`## ${t(w, 'report.answersHeading')}`, '');
  for (const rq of model.questions) {
    out.push(`### ${rq.number}. ${mdEscape(pick(rq.q.text, w.locale))}`, '');
    for (const row of rq.rows) {
      out.push(`#### ${mdEscape(unitName(w, row.unit.name))}`, '');
      if (!row.answeredBy) out.push(`*${t(w, 'report.notSubmitted')}*`, '');
      else {
        out.push(`*${t(w, 'report.now')}* — ${mdEscape(who(w, names, row))}`, '');
        out.push(
          row.answer
            ? quote(mdEscape(answerAsText(rq.q, row.answer, words)))
            : `*${noAnswerText(w, rq, row)}*`,
          '',
        );
      }
      if (row.previous?.answer) {
        out.push(
          `*${t(w, 'report.previous', { period: row.previous.periodLabel })}*`,
          '',
          quote(mdEscape(answerAsText(rq.q, row.previous.answer, words))),
          '',
        );
      }
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** RFC 4180; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(w: CardText, model: ReportModel): string {
  const zone = w.timeZone;
  const local = (iso?: string) =>
    iso ? (DateTime.fromISO(iso).setZone(zone).toFormat('yyyy-MM-dd HH:mm') ?? '') : '';
  const words = answerWords(w, model.doorbraken);
  const header = [
    'round',
    'period',
    'questionNumber',
    'question',
    'unit',
    'answeredBy',
    'onBehalfOf',
    'submittedAt',
    'answer',
    'previousPeriod',
    'previousAnswer',
  ].map((k) => t(w, `report.csv.${k}`));
  const lines = [header];
  for (const rq of model.questions) {
    for (const row of rq.rows) {
      lines.push([
        model.round.roundId,
        model.round.periodLabel,
        rq.number,
        pick(rq.q.text, w.locale),
        unitName(w, row.unit.name),
        personName(w, model.names, row.answeredBy),
        personName(w, model.names, row.onBehalfOf),
        local(row.submittedAt),
        row.answeredBy
          ? answerAsText(rq.q, row.answer, words, 'inline') ||
            (row.notApplicable
              ? t(w, 'report.notApplicable', { number: rq.number.replace(/[a-z]$/, '') })
              : '')
          : '',
        row.previous?.periodLabel ?? '',
        answerAsText(rq.q, row.previous?.answer, words, 'inline'),
      ]);
    }
  }
  // BOM: spreadsheet programs then read the file as UTF-8 (ë, é in names and answers).
  return `\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
