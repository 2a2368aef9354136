import { DateTime } from 'luxon';
import type { SignalFigures } from './kernteam.types';

export const MIN_CELL = 5;
export type Cell = { kind: 'exact'; value: number } | { kind: 'under5' } | { kind: 'atLeast5' };

export interface FigureRow {
  topic: string;
  cell: Cell;
}

export interface PeriodFigures {
  /** `2026-Q4` or `2026`. */
  period: string;
  total: Cell;
  rows: FigureRow[];
}

/** The quarter an instant falls in, in the organisation's zone: `2026-Q4`. */
export function quarterOf(at: Date, zone: string): string {
  const dt = DateTime.fromJSDate(at, { zone });
  return `${dt.year}-Q${dt.quarter}`;
}

const cellOf = (n: number): Cell => (n >= MIN_CELL ? { kind: 'exact', value: n } : { kind: 'under5' });

/**
 * Small-cell suppression for one period: every count under 5 (0 too) is "<5". When exactly one
 * cell is hidden beside a shown total it could be worked out, so the smallest shown cell becomes
 * "≥5" as well. A total under 5 hides the whole breakdown.
 */
export function suppress(period: string, counts: Record<string, number>, topics: string[]): PeriodFigures {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (total < MIN_CELL) return { period, total: { kind: 'under5' }, rows: [] };
  const keys = [...topics, ...Object.keys(counts).filter((k) => !topics.includes(k))];
  const rows = keys.map((topic) => ({ topic, cell: cellOf(counts[topic] ?? 0) }));
  const hidden = rows.filter((r) => r.cell.kind === 'under5').length;
  if (hidden === 1) {
    const shown = rows.filter((r) => r.cell.kind === 'exact');
    const smallest = shown.sort((a, b) => exact(a.cell) - exact(b.cell))[0];
    if (smallest) smallest.cell = { kind: 'atLeast5' };
  }
  return { period, total: { kind: 'exact', value: total }, rows };
}

const exact = (c: Cell) => (c.kind === 'exact' ? c.value : Infinity);

/** Per quarter and per year, newest first; a year adds up its quarters before suppression. */
export function periodFigures(quarters: SignalFigures[], topics: string[]): PeriodFigures[] {
  const years = new Map<string, Record<string, number>>();
  for (const q of quarters) {
    const year = q.quarter.slice(0, 4);
    const sum = years.get(year) ?? {};
    for (const [topic, n] of Object.entries(q.byTopic)) sum[topic] = (sum[topic] ?? 0) + n;
    years.set(year, sum);
  }
  const all = [
    ...quarters.map((q) => suppress(q.quarter, q.byTopic, topics)),
    ...[...years].map(([year, counts]) => suppress(year, counts, topics)),
  ];
  return all.sort((a, b) => b.period.localeCompare(a.period));
}

export function cellText(cell: Cell): string {
  return cell.kind === 'exact' ? String(cell.value) : cell.kind === 'under5' ? '<5' : '≥5';
}
