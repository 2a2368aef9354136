import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { CardText } from '../../platform/card-text';
import { formatWhen } from '../../platform/i18n/format';
import { answerAsText } from './sturingsgesprek.answers.rules';
import { countsTable, noAnswerText, reportFacts, who } from './sturingsgesprek.report.format';
import { answerWords, personName, pick, t, unitName } from './sturingsgesprek.text.format';
import type { ReportModel } from './sturingsgesprek.types';

/**
 * The compiled report as a Word document, the form the gemeentesecretaris's meeting works with.
 * Same content and order as the Markdown report; answers keep their line breaks; text is plain
 * (the library escapes it, and nothing a director typed becomes formatting or a link).
 */
export function reportDocx(w: CardText, model: ReportModel, note?: string): Promise<Buffer> {
  const { round, names } = model;
  const missingList = model.missing
    .map((u) => `${unitName(w, u.name)} (${personName(w, names, u.ownerId)})`)
    .join(', ');
  const when = (iso: string) => formatWhen(iso, w.locale, w.timeZone);
  const words = answerWords(w, model.doorbraken);
  const body: Array<Paragraph | Table> = [
    heading(t(w, 'report.title', { period: round.periodLabel }), HeadingLevel.TITLE),
    ...(note ? [italic(note)] : []),
    ...reportFacts(w, model).map((line) => new Paragraph({ text: line, bullet: { level: 0 } })),
    new Paragraph({ text: t(w, 'report.onlySubmitted'), spacing: { before: 200 } }),
    heading(t(w, 'report.responseHeading'), HeadingLevel.HEADING_1),
    table(
      [t(w, 'report.unit'), t(w, 'report.answeredBy'), t(w, 'report.submittedAt')],
      model.submitted.map((r) => [
        unitName(w, r.unit.name),
        who(w, names, r),
        r.submittedAt ? when(r.submittedAt) : '',
      ]),
    ),
    model.missing.length
      ? new Paragraph({
          spacing: { before: 200 },
          children: [
            new TextRun({ text: `${t(w, 'report.missing')}: `, bold: true }),
            new TextRun(missingList),
          ],
        })
      : new Paragraph({ text: t(w, 'report.noneMissing'), spacing: { before: 200 } }),
  ];

  const counted = model.questions.flatMap((rq) => {
    const counts = countsTable(w, model.doorbraken, rq);
    if (!counts) return [];
    // The label gets the room; "now" is a short number; "last time" carries the round's name.
    const widths = counts.head.length === 3 ? [55, 15, 30] : [75, 25];
    return [
      heading(`${rq.number}. ${pick(rq.q.text, w.locale)}`, HeadingLevel.HEADING_2),
      table(counts.head, counts.rows, widths),
    ];
  });
  if (counted.length) body.push(heading(t(w, 'report.countsHeading'), HeadingLevel.HEADING_1), ...counted);

  body.push(heading(t(w, 'report.answersHeading'), HeadingLevel.HEADING_1));
  for (const rq of model.questions) {
    body.push(heading(`${rq.number}. ${pick(rq.q.text, w.locale)}`, HeadingLevel.HEADING_2));
    for (const row of rq.rows) {
      body.push(heading(unitName(w, row.unit.name), HeadingLevel.HEADING_3));
      if (!row.answeredBy) body.push(italic(t(w, 'report.notSubmitted')));
      else {
        body.push(italic(`${t(w, 'report.now')} — ${who(w, names, row)}`));
        body.push(
          row.answer ? answer(answerAsText(rq.q, row.answer, words)) : italic(noAnswerText(w, rq, row)),
        );
      }
      if (row.previous?.answer) {
        body.push(
          italic(t(w, 'report.previous', { period: row.previous.periodLabel })),
          answer(answerAsText(rq.q, row.previous.answer, words)),
        );
      }
    }
  }

  const doc = new Document({
    creator: 'Panelbot',
    title: t(w, 'report.title', { period: round.periodLabel }),
    // One sans-serif face throughout, as in the headings; Word and LibreOffice both have it or a metric twin.
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });

const italic = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true })] });

/** An answer as typed: each line break kept, indented like a quotation. */
function answer(text: string): Paragraph {
  const lines = text.split('\n');
  return new Paragraph({
    indent: { left: 400 },
    spacing: { after: 160 },
    children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
  });
}

/** Text width of an A4 page with the default 2.54 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** A full-width table with a repeating header row; `widths` in percent per column (default: equal). */
function table(
  head: string[],
  rows: string[][],
  widths: number[] = head.map(() => 100 / head.length),
): Table {
  const columns = widths.map((pct) => Math.round((TEXT_WIDTH * pct) / 100));
  const cell = (text: string, i: number, bold = false) =>
    new TableCell({
      width: { size: columns[i] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columns,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i)) })),
    ],
  });
}
