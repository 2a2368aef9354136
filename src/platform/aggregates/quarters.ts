import { DateTime } from 'luxon';

/** A quarter as the aggregates key it: "2026-Q4". */
export type Quarter = string;

const QUARTER = /^(\d{4})-Q([1-4])$/;

export function quarterOf(at: Date | string, zone: string): Quarter {
  const local = DateTime.fromJSDate(typeof at === 'string' ? new Date(at) : at).setZone(zone);
  return `${local.year}-Q${local.quarter}`;
}

export const isQuarter = (q: string): boolean => QUARTER.test(q);

/** A period people choose: one quarter ("2026-Q3") or one year ("2026"). */
export type Period = { kind: 'quarter'; quarter: Quarter } | { kind: 'year'; year: number };

export function parsePeriod(raw: string): Period | undefined {
  if (QUARTER.test(raw)) return { kind: 'quarter', quarter: raw };
  if (/^\d{4}$/.test(raw)) return { kind: 'year', year: Number(raw) };
  return undefined;
}

/** The quarters a period covers, oldest first. */
export function quartersIn(period: Period): Quarter[] {
  if (period.kind === 'quarter') return [period.quarter];
  return [1, 2, 3, 4].map((q) => `${period.year}-Q${q}`);
}

/** The `count` quarters up to and including `last`, oldest first (for trends). */
export function quartersUpTo(last: Quarter, count: number): Quarter[] {
  const m = QUARTER.exec(last);
  if (!m) return [];
  let index = Number(m[1]) * 4 + Number(m[2]) - 1;
  const out: Quarter[] = [];
  for (let i = 0; i < count; i++, index--) out.unshift(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  return out;
}

export const periodLabel = (p: Period): string => (p.kind === 'quarter' ? p.quarter : String(p.year));
