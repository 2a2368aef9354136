import { allOutcomes, type ContactCase, type QuarterStats, type Row } from './contact.types';

export const MIN_CELL = 5;
export const NONE = 'none';

/**
 * Small-cell suppression for one breakdown whose total is shown. 0 is shown as "<5" too: an exact 0
 * next to a suppressed cell would narrow it down. If exactly one cell is suppressed, it could be
 * computed from the total, so the smallest exact cell is coarsened to "≥5" as well.
 */
export function suppress(counts: Array<[string, number]>): Row[] {
  const rows: Row[] = counts.map(([key, n]) => ({
    key,
    cell: n >= MIN_CELL ? { kind: 'exact', value: n } : { kind: 'under5' },
  }));
  const suppressed = rows.filter((r) => r.cell.kind === 'under5').length;
  const exactValue = (r: Row) => (r.cell.kind === 'exact' ? r.cell.value : Infinity);
  const smallest = rows.reduce<Row | undefined>(
    (a, r) => (exactValue(r) < (a ? exactValue(a) : Infinity) ? r : a),
    undefined,
  );
  if (suppressed === 1 && smallest) smallest.cell = { kind: 'atLeast5' };
  return rows;
}

/** Counts of closed cases per quarter of creation, by topic, referral destination and outcome. */
export function quarterStats(cases: ContactCase[], topics: string[], destinations: string[]): QuarterStats[] {
  const quarters = [...new Set(cases.map((c) => c.quarter))].sort().reverse();
  return quarters.map((quarter) => {
    const inQ = cases.filter((c) => c.quarter === quarter);
    if (inQ.length < MIN_CELL) return { quarter, total: { kind: 'under5' } };
    const count = (keys: string[], pick: (c: ContactCase) => string): Array<[string, number]> =>
      keys.map((k) => [k, inQ.filter((c) => pick(c) === k).length]);
    return {
      quarter,
      total: { kind: 'exact', value: inQ.length },
      byTopic: suppress(
        count([...topics, NONE], (c) => (c.topic && topics.includes(c.topic) ? c.topic : NONE)),
      ),
      byDestination: suppress(
        count([...destinations, NONE], (c) =>
          c.referralDestination && destinations.includes(c.referralDestination)
            ? c.referralDestination
            : NONE,
        ),
      ),
      byOutcome: suppress(count([...allOutcomes], (c) => c.outcome ?? 'other')),
    };
  });
}
