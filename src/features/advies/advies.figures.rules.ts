import {
  followUpOutcomes,
  requestKinds,
  type Cell,
  type FigureRow,
  type FskBand,
  type PeriodFigures,
  type RequestFigure,
} from './advies.types';

export const MIN_CELL = 5;
const outcomes = ['pending', 'accepted', 'declined', 'advised'] as const;
const bands: FskBand[] = ['upTo8', '9to12', '13plus'];

const cellOf = (n: number): Cell => (n >= MIN_CELL ? { kind: 'exact', value: n } : { kind: 'under5' });

/**
 * Small-cell suppression for one breakdown next to a shown total: counts under 5 (0 included, or it
 * would narrow the others down) show as "<5"; if exactly one cell is hidden, the smallest exact cell
 * becomes "≥5" too, so the hidden one cannot be worked out from the total.
 */
export function suppress(counts: Array<[string, number]>): FigureRow[] {
  const rows: FigureRow[] = counts.map(([key, n]) => ({ key, cell: cellOf(n) }));
  const exact = (r: FigureRow) => (r.cell.kind === 'exact' ? r.cell.value : Infinity);
  const hidden = rows.filter((r) => r.cell.kind === 'under5').length;
  const smallest = rows.filter((r) => r.cell.kind === 'exact').sort((a, b) => exact(a) - exact(b))[0];
  if (hidden === 1 && smallest) smallest.cell = { kind: 'atLeast5' };
  return rows;
}

/** `2026-Q3` → `2026` for yearly figures. */
const periodOf = (f: RequestFigure, by: 'quarter' | 'year') =>
  by === 'year' ? f.quarter.slice(0, 4) : f.quarter;

/** Figures per period, newest first; a period with fewer than 5 requests shows only "<5". */
export function periodFigures(
  figures: RequestFigure[],
  clusters: string[],
  by: 'quarter' | 'year',
): PeriodFigures[] {
  const periods = [...new Set(figures.map((f) => periodOf(f, by)))].sort().reverse();
  return periods.map((period) => {
    const inP = figures.filter((f) => periodOf(f, by) === period);
    if (inP.length < MIN_CELL) return { period, total: { kind: 'under5' } };
    const count = <K extends string>(keys: readonly K[], pick: (f: RequestFigure) => string) =>
      keys.map((k): [string, number] => [k, inP.filter((f) => pick(f) === k).length]);
    const ws = inP.filter((f) => f.kind === 'ws' && (f.joined ?? 0) > 0);
    const wsKeys = clusters.flatMap((c) => bands.map((b) => `${c}|${b}`));
    return {
      period,
      total: cellOf(inP.length),
      byKind: suppress(count(requestKinds, (f) => f.kind)),
      byCluster: suppress(count(clusters, (f) => f.clusterId)),
      byOutcome: suppress(count(outcomes, (f) => f.outcome)),
      byFollowUp: suppress(count([...followUpOutcomes, 'none'], (f) => f.followUp)),
      // W&S procedures joined: only the combinations that occur, each suppressed on its own.
      wsJoined: wsKeys
        .map((k): [string, number] => [k, ws.filter((f) => `${f.clusterId}|${f.fskBand}` === k).length])
        .filter(([, n]) => n > 0)
        .map(([key, n]) => ({ key, cell: cellOf(n) })),
    };
  });
}
