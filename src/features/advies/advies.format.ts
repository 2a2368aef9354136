import type { CardText } from '../../platform/card-text';
import type { Cell, PeriodFigures, WsDetails } from './advies.types';

export const breakdowns = ['byKind', 'byCluster', 'byOutcome', 'byFollowUp', 'wsJoined'] as const;
export type Breakdown = (typeof breakdowns)[number];

/** A suppressed cell is never a number: "<5", or "≥5" where a lone "<5" could be worked out. */
export const cellText = (cell: Cell) =>
  cell.kind === 'exact' ? String(cell.value) : cell.kind === 'under5' ? '<5' : '≥5';

/** The label of one row of a breakdown, in the reader's language (clusters from the organisation file). */
export function rowLabel(text: CardText, breakdown: Breakdown, key: string): string {
  const cluster = (id: string) => text.local(text.org.cluster(id)?.name) || id;
  switch (breakdown) {
    case 'byKind':
      return text.t(`advies.kind.${key}`);
    case 'byCluster':
      return cluster(key);
    case 'byOutcome':
      return text.t(`advies.figures.outcome.${key}`);
    case 'byFollowUp':
      return key === 'none' ? text.t('advies.figures.noFollowUp') : text.t(`advies.outcome.${key}`);
    case 'wsJoined': {
      const [c = '', band = ''] = key.split('|');
      return band ? `${cluster(c)} · ${bandLabel(text, band)}` : cluster(c);
    }
  }
}

/** A band of the organisation's grades in the reader's language; its id if the file no longer has it. */
const bandLabel = (text: CardText, id: string) =>
  text.local(text.org.adviesGrades?.bands.find((b) => b.id === id)?.label) || id;

/**
 * The grade of a W&S request as a fact (the field's name from the file, the number or the option's
 * label); none when the organisation has no grades or the request none.
 */
export function gradeFact(text: CardText, ws: WsDetails): Array<{ label: string; value: string }> {
  const grades = text.org.adviesGrades;
  const value =
    ws.fsk !== undefined
      ? String(ws.fsk)
      : ws.grade && (text.local(grades?.options?.find((o) => o.id === ws.grade)?.label) || ws.grade);
  return grades && value ? [{ label: text.local(grades.label), value }] : [];
}

/** `2026-Q3` → "3e kwartaal 2026" / "Q3 2026"; a year stays a year. */
export function periodLabel(text: CardText, period: string): string {
  const [year, q] = period.split('-Q');
  return q ? text.t('advies.figures.quarter', { year: year ?? '', quarter: q }) : period;
}

/** Each shown breakdown of a period with its rows; a period under 5 requests has none. */
export function periodGroups(text: CardText, p: PeriodFigures) {
  return breakdowns
    .filter((b) => p[b]?.length)
    .map((b) => ({
      breakdown: b,
      title: text.t(`advies.figures.${b}`),
      rows: p[b]!.map((r) => ({ key: r.key, label: rowLabel(text, b, r.key), value: cellText(r.cell) })),
    }));
}
