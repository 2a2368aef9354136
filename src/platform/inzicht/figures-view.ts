import type { CardText } from '../card-text';
import { intlTag } from '../i18n/locale';
import {
  textOf,
  type FigureText,
  type MetricCell,
  type MetricDefinition,
  type MetricTable,
} from '../metrics';
import type { Locale } from '../org/organisation';

/** What leaves the server for one figure: words in the reader's language and cells as shown. */
export interface FigureView {
  id: string;
  title: string;
  description: string;
  chart: MetricDefinition['chart'];
  unit: MetricTable['unit'];
  reference?: { value: number; label: string };
  columns: string[];
  rows: Array<{ label: string; inChart: boolean; cells: Array<{ text: string; value: number | null }> }>;
  summary?: string;
}

export interface SectionView {
  id: string;
  title: string;
  figures: FigureView[];
}

export function cellText(cell: MetricCell, unit: MetricTable['unit'], locale: Locale): string {
  switch (cell.kind) {
    case 'under5':
      return '<5';
    case 'atLeast5':
      return '≥5';
    case 'none':
      return '–';
    case 'exact': {
      const n = cell.value.toLocaleString(intlTag(locale), { maximumFractionDigits: 1 });
      return unit === 'percent' ? `${n} %` : n;
    }
  }
}

/** Suppressed or missing cells have no value: a chart leaves a gap there, never a number. */
export const cellValue = (cell: MetricCell): number | null => (cell.kind === 'exact' ? cell.value : null);

/** The figure with every word in the reader's language (`words`: catalogues, terms, organisation texts). */
export function figureView(metric: MetricDefinition, table: MetricTable, words: CardText): FigureView {
  const say = (label: FigureText) => textOf(label, words);
  return {
    id: metric.id,
    title: say(metric.title),
    description: say(metric.description),
    chart: metric.chart,
    unit: table.unit,
    reference: metric.reference && { value: metric.reference.value, label: say(metric.reference.label) },
    columns: table.columns.map((c) => say(c.label)),
    rows: table.rows.map((r) => ({
      label: say(r.label),
      inChart: r.inChart !== false,
      cells: r.cells.map((c) => ({
        text: cellText(c, r.unit ?? table.unit, words.locale),
        value: cellValue(c),
      })),
    })),
    summary: metric.summarise?.(table, words),
  };
}

/** RFC 4180 with ';' (Dutch spreadsheets); cells a spreadsheet would run as a formula get an apostrophe. */
const csvCell = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

export function figuresCsv(header: string, sections: SectionView[]): string {
  const lines = [header];
  for (const s of sections)
    for (const f of s.figures)
      for (const r of f.rows)
        r.cells.forEach((c, i) =>
          lines.push([s.title, f.title, r.label, f.columns[i] ?? '', c.text].map(csvCell).join(';')),
        );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
