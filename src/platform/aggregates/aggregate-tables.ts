import type { FigureText, MetricCell, MetricColumn, MetricRow } from '../metrics';
import { cellOf, suppress } from '../stats/small-cells';
import type { AggregateDoc } from './aggregate-store';
import type { Quarter } from './quarters';

/** Building blocks for metric tables over per-quarter aggregates: one column per quarter. */

export type Docs = Map<Quarter, AggregateDoc>;

export const quarterColumns = (quarters: readonly Quarter[]): MetricColumn[] =>
  quarters.map((q) => ({ key: q, label: q }));

export const countIn = (docs: Docs, quarter: Quarter, key: string): number =>
  docs.get(quarter)?.counts[key] ?? 0;

export const levelIn = (docs: Docs, quarter: Quarter, key: string): number | undefined =>
  docs.get(quarter)?.levels[key];

const exact = (value: number): MetricCell => ({ kind: 'exact', value });

/** Counts that are not about few people (ateliers held, rounds, announcements): shown as they are. */
export function countRow(
  docs: Docs,
  quarters: readonly Quarter[],
  key: string,
  label: FigureText,
): MetricRow {
  return { key, label, cells: quarters.map((q) => exact(countIn(docs, q, key))) };
}

/** A ratio of two counts per quarter, in percent (nothing when the denominator is 0). */
export function percentRow(
  docs: Docs,
  quarters: readonly Quarter[],
  key: string,
  label: FigureText,
  part: string,
  whole: string,
): MetricRow {
  const cells = quarters.map((q): MetricCell => {
    const w = countIn(docs, q, whole);
    return w ? exact(Math.round((1000 * countIn(docs, q, part)) / w) / 10) : { kind: 'none' };
  });
  return { key, label, cells };
}

export interface BreakdownRow {
  key: string;
  label: FigureText;
  countKey: string;
}

/**
 * Counts of people or cases by category, suppressed as on the statistics card: a quarter with fewer
 * than 5 in total shows nothing but "<5"; otherwise each column is suppressed with its complement.
 * The total row is suppressed across quarters the same way (the year total is derivable from it).
 */
export function suppressedBreakdown(
  docs: Docs,
  quarters: readonly Quarter[],
  rows: readonly BreakdownRow[],
  totalKey: string,
  totalLabel: FigureText,
): MetricRow[] {
  const columns = quarters.map((q) => {
    const total = countIn(docs, q, totalKey);
    if (total < 5) return rows.map((): MetricCell => ({ kind: 'under5' }));
    return suppress(rows.map((r) => [r.key, countIn(docs, q, r.countKey)])).map((r) => r.cell);
  });
  const totals = quarters.map((q) => countIn(docs, q, totalKey));
  const totalCells =
    quarters.length > 1
      ? suppress(totals.map((n, i) => [String(i), n])).map((r) => r.cell)
      : totals.map(cellOf);
  return [
    ...rows.map((r, i) => ({ key: r.key, label: r.label, cells: columns.map((c) => c[i]) })),
    // The total is in the table; a stacked chart shows it as the height of the stack already.
    { key: 'total', label: totalLabel, cells: totalCells, inChart: false },
  ];
}
