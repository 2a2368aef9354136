/** Small-cell suppression, shared by every statistic that counts people (contact, network members). */

export const MIN_CELL = 5;

export type Cell = { kind: 'exact'; value: number } | { kind: 'under5' } | { kind: 'atLeast5' };

export interface Row {
  key: string;
  cell: Cell;
}

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

/** A single count shown on its own (no total beside it): under 5 is "<5". */
export const cellOf = (n: number): Cell => (n >= MIN_CELL ? { kind: 'exact', value: n } : { kind: 'under5' });
