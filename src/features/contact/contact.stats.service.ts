import type { Actor } from '../../platform/org/organisation';
import { requireProgrammateam } from './contact.access';
import type { ContactEnv } from './contact.env';
import { allOutcomes, type ContactCase } from './contact.types';

/** A displayed count: exact when 5 or more; otherwise only "<5"; "≥5" where an exact value would give a small cell away. */
export type Cell = { kind: 'exact'; value: number } | { kind: 'under5' } | { kind: 'atLeast5' };
export interface Row {
  key: string;
  cell: Cell;
}
export interface QuarterStats {
  quarter: string;
  total: Cell;
  /** Absent when the quarter has fewer than 5 cases: no breakdown at all then. */
  byTopic?: Row[];
  byDestination?: Row[];
  byOutcome?: Row[];
}

export const MIN_CELL = 5;
export const NONE = 'none';

/**
 * Small-cell suppression for one breakdown whose total is shown. 0 is shown as "<5" too: an exact 0
 * next to a suppressed cell would narrow it down. If exactly one cell is suppressed, it could be
 * computed from the total, so the smallest exact cell is coarsened to "≥5" as well.
 */
export function suppress(counts: Array<[string, number]>): Row[] {
  const rows: Row[] = counts.map(([key, n]) => ({ key, cell: n >= MIN_CELL ? { kind: 'exact', value: n } : { kind: 'under5' } }));
  const suppressed = rows.filter((r) => r.cell.kind === 'under5').length;
  const exactValue = (r: Row) => (r.cell.kind === 'exact' ? r.cell.value : Infinity);
  const smallest = rows.reduce<Row | undefined>((a, r) => (exactValue(r) < (a ? exactValue(a) : Infinity) ? r : a), undefined);
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
      byTopic: suppress(count([...topics, NONE], (c) => (c.topic && topics.includes(c.topic) ? c.topic : NONE))),
      byDestination: suppress(count([...destinations, NONE], (c) => (c.referralDestination && destinations.includes(c.referralDestination) ? c.referralDestination : NONE))),
      byOutcome: suppress(count([...allOutcomes], (c) => c.outcome ?? 'other')),
    };
  });
}

/** Only the programmateam; nothing here can say who contacted the panel (no ids are kept on closed cases). */
export class ContactStatsService {
  constructor(private readonly env: ContactEnv) {}

  async quarters(actor: Actor): Promise<QuarterStats[]> {
    requireProgrammateam(actor);
    const { org } = this.env;
    const cases = await this.env.repo.closedCases();
    return quarterStats(cases, org.data.contactTopics.map((t) => t.id), org.data.referralDestinations.map((d) => d.id));
  }
}
