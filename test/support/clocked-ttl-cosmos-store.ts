import { CosmosDocumentStore, type CosmosStoreOptions } from '../../src/storage/cosmos-store';
import type {
  BatchOperation,
  BulkCreateResult,
  DocumentQuery,
  NewDocument,
  StoredDocument,
} from '../../src/storage/document-store.port';

const keyOf = (container: string, pk: string, id: string) => JSON.stringify([container, pk, id]);

/**
 * The Cosmos store the tests run on. Real Cosmos DB expires a document `ttl` seconds after its last
 * write and never returns it after that; the test server keeps it forever, and its `_ts` is wall-clock
 * time, not the test's manual clock. This stands in for Cosmos's TTL on the test clock: it remembers when
 * each written document expires, hides an expired one from a point read, deletes what expired before any
 * query or write (the sweep), and reports the time left as Cosmos would. Everything else is the product's
 * store over the real SDK.
 */
export type Expiries = Map<string, { container: string; pk: string; id: string; at: number }>;

export class ClockedTtlCosmosStore extends CosmosDocumentStore {
  /** `expiries`: shared by every store on one database (a restart test opens a second one). */
  constructor(
    options: CosmosStoreOptions,
    private readonly clock: () => number = Date.now,
    private readonly expiries: Expiries = new Map(),
  ) {
    super({ ...options, now: clock });
  }

  /** Deletes what expired by the test clock, as Cosmos's own sweep would; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.clock();
    const due = [...this.expiries.entries()].filter(([, e]) => e.at <= now);
    for (const [key, e] of due) {
      this.expiries.delete(key);
      await super.delete(e.container, e.pk, e.id);
    }
    return due.length;
  }

  /** An expired document is hidden at once, as Cosmos does; deleting it waits for the next sweep. */
  override async get<T>(container: string, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    const expiry = this.expiries.get(keyOf(container, pk, id));
    if (expiry && expiry.at <= this.clock()) return undefined;
    const doc = await super.get<T>(container, pk, id);
    return doc && this.withTimeLeft(container, doc);
  }

  override async query<T>(container: string, query?: DocumentQuery): Promise<StoredDocument<T>[]> {
    await this.purgeExpired();
    return (await super.query<T>(container, query)).map((d) => this.withTimeLeft(container, d));
  }

  override async count(container: string, query?: Omit<DocumentQuery, 'orderBy' | 'limit'>): Promise<number> {
    await this.purgeExpired();
    return super.count(container, query);
  }

  override async create<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    await this.purgeExpired();
    const stored = await super.create(container, doc);
    this.written(container, doc);
    return this.withTimeLeft(container, stored);
  }

  override async createMany<T>(container: string, docs: NewDocument<T>[]): Promise<BulkCreateResult> {
    await this.purgeExpired();
    const fresh = docs.filter((d) => !this.expiries.has(keyOf(container, d.pk, d.id)));
    const result = await super.createMany(container, docs);
    // An existing id is skipped and keeps its own expiry; one without an expiry is not in the map.
    for (const doc of fresh) this.written(container, doc);
    return result;
  }

  override async replace<T>(
    container: string,
    doc: NewDocument<T>,
    etag: string,
  ): Promise<StoredDocument<T>> {
    await this.purgeExpired();
    const stored = await super.replace(container, doc, etag);
    this.written(container, doc);
    return this.withTimeLeft(container, stored);
  }

  override async upsert<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    await this.purgeExpired();
    const stored = await super.upsert(container, doc);
    this.written(container, doc);
    return this.withTimeLeft(container, stored);
  }

  /** All or nothing, as in Cosmos: the expiries change only when the whole batch was written. */
  override async batch(container: string, pk: string, operations: BatchOperation[]): Promise<string[]> {
    await this.purgeExpired();
    const etags = await super.batch(container, pk, operations);
    for (const operation of operations) this.written(container, operation.doc);
    return etags;
  }

  override async delete(container: string, pk: string, id: string, etag?: string): Promise<boolean> {
    await this.purgeExpired();
    const deleted = await super.delete(container, pk, id, etag);
    if (deleted) this.expiries.delete(keyOf(container, pk, id));
    return deleted;
  }

  private written(container: string, doc: NewDocument<unknown>): void {
    const key = keyOf(container, doc.pk, doc.id);
    if (doc.ttlSeconds !== undefined && doc.ttlSeconds > 0) {
      const at = this.clock() + Math.ceil(doc.ttlSeconds) * 1000;
      this.expiries.set(key, { container, pk: doc.pk, id: doc.id, at });
    } else this.expiries.delete(key);
  }

  private withTimeLeft<T>(container: string, doc: StoredDocument<T>): StoredDocument<T> {
    const expiry = this.expiries.get(keyOf(container, doc.pk, doc.id));
    if (!expiry) return doc;
    return { ...doc, ttlSeconds: Math.max(1, Math.ceil((expiry.at - this.clock()) / 1000)) };
  }
}
