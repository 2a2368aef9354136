import { cellOf, MIN_CELL, suppress } from '../../platform/stats/small-cells';
import {
  followUpOutcomes,
  requestKinds,
  type FskBand,
  type PeriodFigures,
  type RequestFigure,
} from './advies.types';

const outcomes = ['pending', 'accepted', 'declined', 'advised'] as const;
const bands: FskBand[] = ['upTo8', '9to12', '13plus'];

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
