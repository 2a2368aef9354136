import type { SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import type { DocumentQuery, FieldFilter, FieldValue } from './document-store.port';

const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/**
 * Path to a field of `data`. Bracket notation, because a field may be named like a Cosmos keyword
 * (`value`, `order`, `top`) and `c.data.value` would not parse.
 */
export function fieldPath(field: string): string {
  if (!fieldPattern.test(field)) throw new Error(`Invalid field name: ${field}`);
  return `c.data${field
    .split('.')
    .map((part) => `["${part}"]`)
    .join('')}`;
}

/** WHERE clause with parameters. The pk is always filtered here: a query option alone is not enough. */
export function whereClause(query: Omit<DocumentQuery, 'orderBy' | 'limit'>, extra: string[] = []) {
  const parameters: SqlParameter[] = [];
  const bind = (value: FieldValue | FieldValue[]) => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const clauses: string[] = [];
  if (query.pk !== undefined) clauses.push(`c.pk = ${bind(query.pk)}`);
  for (const f of query.where ?? []) clauses.push(filterClause(f, bind));
  clauses.push(...extra);
  return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', parameters };
}

function filterClause(f: FieldFilter, bind: (v: FieldValue | FieldValue[]) => string): string {
  const path = fieldPath(f.field);
  if (f.op === 'in') {
    const values = Array.isArray(f.value) ? f.value : [f.value];
    return `ARRAY_CONTAINS(${bind(values)}, ${path})`;
  }
  // A missing field reads as NULL on SQLite; mirror that so both adapters return the same documents.
  if (f.value === null && f.op === '=') return `(NOT IS_DEFINED(${path}) OR IS_NULL(${path}))`;
  if (f.value === null && f.op === '!=') return `(IS_DEFINED(${path}) AND NOT IS_NULL(${path}))`;
  const param = bind(f.value);
  // Cosmos drops missing (and, against a non-null value, null) fields from `!=`; SQLite keeps both as NULL.
  if (f.op === '!=') return `(NOT IS_DEFINED(${path}) OR IS_NULL(${path}) OR ${path} != ${param})`;
  return `${path} ${f.op} ${param}`;
}

/** Condition matching documents whose `field` equals a value read back from a result (ties at a limit). */
export function equalsClause(
  field: string,
  value: unknown,
  name = '@tie',
): { sql: string; parameter?: SqlParameter } {
  const path = fieldPath(field);
  if (value === undefined) return { sql: `NOT IS_DEFINED(${path})` };
  if (value === null) return { sql: `IS_NULL(${path})` };
  return { sql: `${path} = ${name}`, parameter: { name, value: value as FieldValue } };
}

export function selectSpec(query: DocumentQuery, top?: number, orderBy?: string): SqlQuerySpec {
  const { sql, parameters } = whereClause(query);
  const topSql = top !== undefined ? `TOP ${top} ` : '';
  return { query: `SELECT ${topSql}* FROM c${sql}${orderBy ? ` ORDER BY ${orderBy}` : ''}`, parameters };
}

export function readField(data: unknown, field: string): unknown {
  let current: unknown = data;
  for (const part of field.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** Cosmos' order across types: undefined < null < boolean < number < string. */
const typeRank = (v: unknown): number =>
  v === undefined
    ? 0
    : v === null
      ? 1
      : typeof v === 'boolean'
        ? 2
        : typeof v === 'number'
          ? 3
          : typeof v === 'string'
            ? 4
            : 5;

export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra >= 2 && ra <= 4) return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
  return 0;
}

/** Sorts by the requested fields, then by id ascending, as the SQLite adapter does. */
export function sortDocuments<D extends { id: string; data: unknown }>(
  docs: D[],
  orderBy: DocumentQuery['orderBy'] = [],
): D[] {
  return [...docs].sort((x, y) => {
    for (const o of orderBy) {
      const c = compareValues(readField(x.data, o.field), readField(y.data, o.field));
      if (c !== 0) return o.direction === 'desc' ? -c : c;
    }
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
}
