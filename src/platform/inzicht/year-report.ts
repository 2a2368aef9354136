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
import type { SectionView } from './figures-view';

export interface YearReportText {
  title: string;
  intro: string;
  figureHeader: string;
}

const cellOf = (value: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: value, bold })] })] });

/**
 * The panel's year report as a Word document for the DIG annual report: per section a heading, the
 * generated sentences, and per figure its table (the same cells as on the tab, "<5" included).
 */
export function yearReportDocx(w: YearReportText, sections: SectionView[]): Promise<Buffer> {
  const body: Array<Paragraph | Table> = [
    new Paragraph({ text: w.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: w.intro }),
  ];
  for (const s of sections) {
    body.push(new Paragraph({ text: s.title, heading: HeadingLevel.HEADING_1 }));
    for (const f of s.figures) {
      body.push(new Paragraph({ text: f.title, heading: HeadingLevel.HEADING_2 }));
      body.push(new Paragraph({ text: f.summary ? `${f.description} ${f.summary}` : f.description }));
      if (!f.columns.length) continue;
      body.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({
              tableHeader: true,
              children: [cellOf(w.figureHeader, true), ...f.columns.map((c) => cellOf(c, true))],
            }),
            ...f.rows.map(
              (r) =>
                new TableRow({ children: [cellOf(r.label, true), ...r.cells.map((c) => cellOf(c.text))] }),
            ),
          ],
        }),
      );
    }
  }
  const doc = new Document({ creator: 'Panelbot', title: w.title, sections: [{ children: body }] });
  return Packer.toBuffer(doc);
}
