import { message, type FigureText, type MetricCell, type MetricColumn, type MetricRow } from '../metrics';
import type { Docs } from './aggregate-tables';

/**
 * Per-item figures kept inside a quarter's counts as `<prefix>|<yyyy-mm-dd>|<short id>|<measure>`:
 * a date and a random id, never a title, so the aggregates hold no text. Columns are the items of the
 * period, labelled by their date.
 */
export function itemKey(prefix: string, isoDate: string, id: string, measure: string): string {
  return `${prefix}|${isoDate.slice(0, 10)}|${id.slice(0, 8)}|${measure}`;
}

interface Item {
  key: string;
  date: string;
  values: Record<string, number>;
}

export function itemsOf(docs: Docs, prefix: string): Item[] {
  const items = new Map<string, Item>();
  for (const doc of docs.values())
    for (const [k, n] of Object.entries(doc.counts)) {
      const [p, date, id, measure] = k.split('|');
      if (p !== prefix || !date || !id || !measure) continue;
      const key = `${date}|${id}`;
      const item = items.get(key) ?? { key, date, values: {} };
      item.values[measure] = (item.values[measure] ?? 0) + n;
      items.set(key, item);
    }
  return [...items.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * One column per item, labelled by the catalogue message `labelKey` with the item's date as `{day}`,
 * `{month}` and `{year}`: the language decides the order ("Atelier 12-03-2026", "Workshop 2026-03-12").
 */
export function itemColumns(items: Item[], labelKey: string): MetricColumn[] {
  return items.map((i) => {
    const [year = '', month = '', day = ''] = i.date.split('-');
    return { key: i.key, label: message(labelKey, { day, month, year }) };
  });
}

export function itemRow(
  items: Item[],
  key: string,
  label: FigureText,
  value: (v: Record<string, number>) => number | undefined,
): MetricRow {
  const cells = items.map((i): MetricCell => {
    const n = value(i.values);
    return n === undefined ? { kind: 'none' } : { kind: 'exact', value: n };
  });
  return { key, label, cells };
}
