import { cellOf, MIN_CELL, suppress } from '../../platform/stats/small-cells';
import { followUpOutcomes, requestKinds, type PeriodFigures, type RequestFigure } from './advies.types';

const outcomes = ['pending', 'accepted', 'declined', 'advised'] as const;

/** `2026-Q3` → `2026` for yearly figures. */
const periodOf = (f: RequestFigure, by: 'quarter' | 'year') =>
  by === 'year' ? f.quarter.slice(0, 4) : f.quarter;

/**
 * Figures per period, newest first; a period with fewer than 5 requests shows only "<5". W&S rows go by
 * the organisation's `bands` in their order, then any other band a stored figure has (a band since
 * taken out of the file), then none (no grades in the file): every procedure is counted.
 */
export function periodFigures(
  figures: RequestFigure[],
  clusters: string[],
  by: 'quarter' | 'year',
  bands: readonly string[] = [],
): PeriodFigures[] {
  const periods = [...new Set(figures.map((f) => periodOf(f, by)))].sort().reverse();
  return periods.map((period) => {
    const inP = figures.filter((f) => periodOf(f, by) === period);
    if (inP.length < MIN_CELL) return { period, total: { kind: 'under5' } };
    const count = <K extends string>(keys: readonly K[], pick: (f: RequestFigure) => string) =>
      keys.map((k): [string, number] => [k, inP.filter((f) => pick(f) === k).length]);
    const ws = inP.filter((f) => f.kind === 'ws' && (f.joined ?? 0) > 0);
    const wsBands = [...new Set([...bands, ...ws.map((f) => f.fskBand ?? '')])];
    const wsKeys = clusters.flatMap((c) => wsBands.map((b) => `${c}|${b}`));
    return {
      period,
      total: cellOf(inP.length),
      byKind: suppress(count(requestKinds, (f) => f.kind)),
      byCluster: suppress(count(clusters, (f) => f.clusterId)),
      byOutcome: suppress(count(outcomes, (f) => f.outcome)),
      byFollowUp: suppress(count([...followUpOutcomes, 'none'], (f) => f.followUp)),
      // W&S procedures joined: only the combinations that occur, each suppressed on its own.
      wsJoined: wsKeys
        .map((k): [string, number] => [k, ws.filter((f) => `${f.clusterId}|${f.fskBand ?? ''}` === k).length])
        .filter(([, n]) => n > 0)
        .map(([key, n]) => ({ key, cell: cellOf(n) })),
    };
  });
}
