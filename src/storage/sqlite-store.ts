import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  MAX_BATCH,
  type BatchOperation,
  type BulkCreateResult,
  type DocumentQuery,
  type DocumentStore,
  type FieldFilter,
  type NewDocument,
  type StoredDocument,
} from './document-store.port';
import { ConcurrencyError, ConflictError, NotFoundError } from './store-errors';

const STATEMENT_CACHE_SIZE = 200;
const WAL_CHECKPOINT_MS = 5 * 60_000;

interface Row {
  pk: string;
  id: string;
  etag: string;
  data: string;
  expires_at: number | null;
}

const fieldPattern = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** JSON path for a validated field name; field names never come from users, but we check anyway. */
function jsonPath(field: string): string {
  if (!fieldPattern.test(field)) throw new Error(`Invalid field name: ${field}`);
  return `json_extract(data, '$.${field}')`;
}

/**
 * Only the bot's own account may read the database: a folder it creates is 0700, the file 0600 (SQLite
 * gives its -wal and -shm files the database file's mode). An existing folder keeps the operator's mode.
 */
function createPrivately(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/**
 * Embedded store: one SQLite file (WAL mode), one table for every container. Writes are synchronous
 * inside better-sqlite3, so the etag check and the write happen atomically in one statement.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly purgeTimer: NodeJS.Timeout;
  private readonly checkpointTimer: NodeJS.Timeout;
  /** Prepared statements by SQL text: preparing costs more than running a point read. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(
    file: string,
    private readonly now: () => number = Date.now,
  ) {
    if (file !== ':memory:') createPrivately(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    // Deleted/overwritten content is zeroed on disk, so identities removed from a closed contact case are really gone.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS documents (
      container TEXT NOT NULL, pk TEXT NOT NULL, id TEXT NOT NULL,
      etag TEXT NOT NULL, data TEXT NOT NULL, expires_at INTEGER,
      PRIMARY KEY (container, pk, id)) WITHOUT ROWID`);
    this.purgeTimer = setInterval(() => this.purgeExpired(), 60 * 60 * 1000);
    this.purgeTimer.unref();
    // The write-ahead log holds old versions of pages (removed identities, overwritten text) until a
    // checkpoint; a regular one bounds how long they stay on disk.
    this.checkpointTimer = setInterval(() => this.tryCheckpoint(), WAL_CHECKPOINT_MS);
    this.checkpointTimer.unref();
  }

  async get<T>(container: string, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    const row = this.sql('SELECT * FROM documents WHERE container = ? AND pk = ? AND id = ?').get(
      container,
      pk,
      id,
    ) as Row | undefined;
    return row && !this.expired(row) ? this.toDoc<T>(row) : undefined;
  }

  async create<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    this.purgeOne(container, doc.pk, doc.id);
    const etag = randomUUID();
    const info = this.sql(
      `INSERT INTO documents (container, pk, id, etag, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ).run(container, doc.pk, doc.id, etag, JSON.stringify(doc.data), this.expiry(doc.ttlSeconds));
    if (info.changes === 0) throw new ConflictError(container, doc.id);
    return { ...doc, etag };
  }

  async createMany<T>(container: string, docs: NewDocument<T>[]): Promise<BulkCreateResult> {
    const insert = this.sql(
      `INSERT INTO documents (container, pk, id, etag, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
    const run = this.db.transaction((batch: NewDocument<T>[]) => {
      let created = 0;
      for (const doc of batch) {
        const expires = this.expiry(doc.ttlSeconds);
        created += insert.run(
          container,
          doc.pk,
          doc.id,
          randomUUID(),
          JSON.stringify(doc.data),
          expires,
        ).changes;
      }
      return created;
    });
    const created = run(docs);
    return { created, conflicts: docs.length - created };
  }

  async replace<T>(container: string, doc: NewDocument<T>, etag: string): Promise<StoredDocument<T>> {
    const next = randomUUID();
    const info = this.sql(
      `UPDATE documents SET etag = ?, data = ?, expires_at = ?
       WHERE container = ? AND pk = ? AND id = ? AND etag = ?`,
    ).run(next, JSON.stringify(doc.data), this.expiry(doc.ttlSeconds), container, doc.pk, doc.id, etag);
    if (info.changes === 1) return { ...doc, etag: next };
    const exists = await this.get(container, doc.pk, doc.id);
    throw exists ? new ConcurrencyError(container, doc.id) : new NotFoundError(container, doc.id);
  }

  async batch(container: string, pk: string, operations: BatchOperation[]): Promise<string[]> {
    if (operations.length > MAX_BATCH) throw new Error(`A batch holds at most ${MAX_BATCH} operations`);
    if (operations.some((o) => o.doc.pk !== pk)) throw new Error('Every document in a batch needs its pk');
    // better-sqlite3 runs the transaction synchronously: a throw rolls every operation back.
    const run = this.db.transaction(() => operations.map((o) => this.writeOne(container, o)));
    return run();
  }

  private writeOne(container: string, o: BatchOperation): string {
    const { doc } = o;
    const etag = randomUUID();
    const data = JSON.stringify(doc.data);
    const expires = this.expiry(doc.ttlSeconds);
    if (o.op === 'upsert') {
      this.upsertRow(container, doc, etag, data, expires);
      return etag;
    }
    if (o.op === 'create') {
      this.purgeOne(container, doc.pk, doc.id);
      const info = this.sql(
        `INSERT INTO documents (container, pk, id, etag, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(container, doc.pk, doc.id, etag, data, expires);
      if (info.changes === 0) throw new ConflictError(container, doc.id);
      return etag;
    }
    const info = this.sql(
      `UPDATE documents SET etag = ?, data = ?, expires_at = ?
       WHERE container = ? AND pk = ? AND id = ? AND etag = ?`,
    ).run(etag, data, expires, container, doc.pk, doc.id, o.etag);
    if (info.changes === 1) return etag;
    const row = this.sql('SELECT expires_at FROM documents WHERE container = ? AND pk = ? AND id = ?').get(
      container,
      doc.pk,
      doc.id,
    ) as Pick<Row, 'expires_at'> | undefined;
    const exists = row && !(row.expires_at !== null && row.expires_at <= this.now());
    throw exists ? new ConcurrencyError(container, doc.id) : new NotFoundError(container, doc.id);
  }

  private upsertRow(
    container: string,
    doc: NewDocument<unknown>,
    etag: string,
    data: string,
    expires: number | null,
  ) {
    this.sql(
      `INSERT INTO documents (container, pk, id, etag, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, pk, id) DO UPDATE SET etag = excluded.etag, data = excluded.data,
       expires_at = excluded.expires_at`,
    ).run(container, doc.pk, doc.id, etag, data, expires);
  }

  async upsert<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    const etag = randomUUID();
    this.sql(
      `INSERT INTO documents (container, pk, id, etag, data, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (container, pk, id) DO UPDATE SET etag = excluded.etag, data = excluded.data,
       expires_at = excluded.expires_at`,
    ).run(container, doc.pk, doc.id, etag, JSON.stringify(doc.data), this.expiry(doc.ttlSeconds));
    return { ...doc, etag };
  }

  async delete(container: string, pk: string, id: string, etag?: string): Promise<boolean> {
    const info = etag
      ? this.sql('DELETE FROM documents WHERE container = ? AND pk = ? AND id = ? AND etag = ?').run(
          container,
          pk,
          id,
          etag,
        )
      : this.sql('DELETE FROM documents WHERE container = ? AND pk = ? AND id = ?').run(container, pk, id);
    if (info.changes === 0 && etag && (await this.get(container, pk, id))) {
      throw new ConcurrencyError(container, id);
    }
    return info.changes > 0;
  }

  async query<T>(container: string, query: DocumentQuery = {}): Promise<StoredDocument<T>[]> {
    const { sql, params } = this.where(container, query);
    const order = (query.orderBy ?? [])
      .map((o) => `${jsonPath(o.field)} ${o.direction === 'desc' ? 'DESC' : 'ASC'}`)
      .concat(['id ASC'])
      .join(', ');
    const limit = query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}` : '';
    const rows = this.sql(`SELECT * FROM documents ${sql} ORDER BY ${order}${limit}`).all(...params) as Row[];
    return rows.map((r) => this.toDoc<T>(r));
  }

  async count(container: string, query: Omit<DocumentQuery, 'orderBy' | 'limit'> = {}): Promise<number> {
    const { sql, params } = this.where(container, query);
    const row = this.sql(`SELECT COUNT(*) AS n FROM documents ${sql}`).get(...params) as { n: number };
    return row.n;
  }

  async ping(): Promise<void> {
    this.sql('SELECT 1').get();
  }

  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    clearInterval(this.checkpointTimer);
    if (this.db.open) this.db.close();
  }

  /** Writes the WAL back into the database file and truncates it (tests read the raw file). */
  checkpoint(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** As {@link checkpoint}, but never throws from a timer (another process may hold the database). */
  private tryCheckpoint(): void {
    try {
      if (this.db.open) this.checkpoint();
    } catch {
      // Busy: the next interval tries again.
    }
  }

  /** Removes expired documents; reads already hide them, this only reclaims space. */
  purgeExpired(): number {
    return this.sql('DELETE FROM documents WHERE expires_at IS NOT NULL AND expires_at <= ?').run(this.now())
      .changes;
  }

  private where(container: string, query: Omit<DocumentQuery, 'orderBy' | 'limit'>) {
    const clauses = ['container = ?', '(expires_at IS NULL OR expires_at > ?)'];
    const params: unknown[] = [container, this.now()];
    if (query.pk !== undefined) {
      clauses.push('pk = ?');
      params.push(query.pk);
    }
    for (const f of query.where ?? []) clauses.push(this.filter(f, params));
    return { sql: `WHERE ${clauses.join(' AND ')}`, params };
  }

  private filter(f: FieldFilter, params: unknown[]): string {
    const path = jsonPath(f.field);
    const bind = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);
    if (f.op === 'in') {
      const values = Array.isArray(f.value) ? f.value : [f.value];
      if (values.length === 0) return '0';
      params.push(...values.map(bind));
      return `${path} IN (${values.map(() => '?').join(', ')})`;
    }
    if (f.value === null) {
      if (f.op === '=') return `${path} IS NULL`;
      if (f.op === '!=') return `${path} IS NOT NULL`;
    }
    params.push(bind(f.value));
    // SQL's `!=` drops rows where the field is missing; the port means "not equal", so keep them.
    return f.op === '!=' ? `(${path} IS NULL OR ${path} != ?)` : `${path} ${f.op} ?`;
  }

  /** A prepared statement, cached; bounded, because query shapes vary (IN lists, limits). */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      if (this.statements.size >= STATEMENT_CACHE_SIZE)
        this.statements.delete(this.statements.keys().next().value as string);
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private expiry(ttlSeconds?: number): number | null {
    return ttlSeconds && ttlSeconds > 0 ? this.now() + ttlSeconds * 1000 : null;
  }

  private expired(row: Row): boolean {
    return row.expires_at !== null && row.expires_at <= this.now();
  }

  private purgeOne(container: string, pk: string, id: string): void {
    this.sql(
      'DELETE FROM documents WHERE container = ? AND pk = ? AND id = ? AND expires_at IS NOT NULL AND expires_at <= ?',
    ).run(container, pk, id, this.now());
  }

  private toDoc<T>(row: Row): StoredDocument<T> {
    const ttl =
      row.expires_at === null ? undefined : Math.max(1, Math.ceil((row.expires_at - this.now()) / 1000));
    return { pk: row.pk, id: row.id, etag: row.etag, data: JSON.parse(row.data) as T, ttlSeconds: ttl };
  }
}
