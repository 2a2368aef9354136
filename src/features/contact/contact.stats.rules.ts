import { MIN_CELL, suppress } from '../../platform/stats/small-cells';
import { allOutcomes, type ContactCase, type QuarterStats } from './contact.types';

// The suppression rule moved to platform/stats (the Inzicht tab uses it too).
export { MIN_CELL, suppress };
export const NONE = 'none';

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
