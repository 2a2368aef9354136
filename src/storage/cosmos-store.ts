import {
  CosmosClient,
  type Container,
  type ConnectionPolicy,
  type Database,
  type JSONObject,
  type OperationInput,
} from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import { decodeCosmosId, encodeCosmosId } from './cosmos-ids';
import {
  compareValues,
  equalsClause,
  fieldPath,
  readField,
  selectSpec,
  sortDocuments,
  whereClause,
} from './cosmos-query';
import {
  containers,
  MAX_BATCH,
  type BatchOperation,
  type BulkCreateResult,
  type DocumentQuery,
  type DocumentStore,
  type NewDocument,
  type StoredDocument,
} from './document-store.port';
import { ConcurrencyError, ConflictError, NotFoundError } from './store-errors';

export interface CosmosStoreOptions {
  endpoint: string;
  /** Account key; leave out with `managedIdentity` (Entra ID data-plane RBAC). */
  key?: string;
  database: string;
  managedIdentity?: boolean;
  /** A client the caller owns (and disposes); otherwise the store creates and disposes its own. */
  client?: CosmosClient;
  connectionPolicy?: ConnectionPolicy;
  now?: () => number;
}

/** How a document sits in Cosmos: `data` stays nested so feature fields never clash with ours. */
type CosmosDoc<T> = {
  id: string;
  pk: string;
  data: T;
  ttl?: number;
  _etag?: string;
  _ts?: number;
};

const BULK_CHUNK = 50_000;

function written<D>(resource: D | undefined): D {
  if (!resource) throw new Error('Cosmos DB returned no document for a successful write');
  return resource;
}

const statusOf = (err: unknown): number | undefined => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/**
 * Azure Cosmos DB (NoSQL API). One Cosmos container per port container, partitioned on `/pk`, with
 * `defaultTtl: -1` so a per-document `ttl` is honoured; Cosmos itself expires documents.
 *
 * Ordering: one `orderBy` field runs in Cosmos (range index), with ties broken by id here; two or more
 * fields would need a composite index per pair, so those results are fetched whole and sorted in memory:
 * keep such queries inside one partition.
 */
export class CosmosDocumentStore implements DocumentStore {
  private readonly client: CosmosClient;
  private readonly ownsClient: boolean;
  private readonly database: Database;
  private readonly now: () => number;

  constructor(private readonly options: CosmosStoreOptions) {
    if (!options.client && !options.managedIdentity && !options.key) {
      throw new Error('Cosmos DB needs either an account key or managed identity');
    }
    this.now = options.now ?? Date.now;
    this.ownsClient = !options.client;
    this.client =
      options.client ??
      new CosmosClient({
        endpoint: options.endpoint,
        ...(options.managedIdentity
          ? { aadCredentials: new DefaultAzureCredential() }
          : { key: options.key }),
        ...(options.connectionPolicy ? { connectionPolicy: options.connectionPolicy } : {}),
      });
    this.database = this.client.database(options.database);
  }

  /** Creates the database and containers when missing; checks that TTL and the partition key are right. */
  async init(): Promise<void> {
    try {
      await this.client.databases.createIfNotExists({ id: this.options.database });
      await Promise.all(Object.values(containers).map((id) => this.ensureContainer(id)));
    } catch (err) {
      // With managed identity the data plane may read but not create: infra must provision them.
      if (statusOf(err) === 403) {
        throw new Error(
          `Cosmos DB database/containers for '${this.options.database}' are missing and this identity may not create them`,
          { cause: err },
        );
      }
      throw err;
    }
  }

  private async ensureContainer(id: string): Promise<void> {
    const { resource, container } = await this.database.containers.createIfNotExists({
      id,
      partitionKey: { paths: ['/pk'] },
      defaultTtl: -1,
    });
    if (!resource) throw new Error(`Cosmos container ${id} could not be read`);
    if (resource.partitionKey?.paths?.[0] !== '/pk')
      throw new Error(`Cosmos container ${id} must be partitioned on /pk`);
    // Without a defaultTtl Cosmos ignores per-document ttl and case records would never expire.
    if (resource.defaultTtl === undefined || resource.defaultTtl === null) {
      await container.replace({ ...resource, defaultTtl: -1 });
    }
  }

  private container(name: string): Container {
    return this.database.container(name);
  }

  async get<T>(container: string, pk: string, id: string): Promise<StoredDocument<T> | undefined> {
    try {
      const { resource } = await this.container(container).item(encodeCosmosId(id), pk).read<CosmosDoc<T>>();
      return resource ? this.toStored(resource) : undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  async create<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container).items.create<CosmosDoc<T>>(this.toCosmos(doc));
      return this.toStored(written(resource));
    } catch (err) {
      if (statusOf(err) === 409) throw new ConflictError(container, doc.id);
      throw err;
    }
  }

  async createMany<T>(container: string, docs: NewDocument<T>[]): Promise<BulkCreateResult> {
    let created = 0;
    let conflicts = 0;
    for (let start = 0; start < docs.length; start += BULK_CHUNK) {
      const operations: OperationInput[] = docs.slice(start, start + BULK_CHUNK).map((doc) => ({
        operationType: 'Create',
        partitionKey: doc.pk,
        resourceBody: this.toCosmos(doc) as unknown as JSONObject,
      }));
      const results = await this.container(container).items.executeBulkOperations(operations);
      for (const result of results) {
        const status = result.response?.statusCode ?? statusOf(result.error);
        if (status === 201) created += 1;
        else if (status === 409) conflicts += 1;
        // Documents created so far stay; a retry of the same call counts them as conflicts.
        else throw result.error ?? new Error(`Bulk create into ${container} failed with status ${status}`);
      }
    }
    return { created, conflicts };
  }

  async replace<T>(container: string, doc: NewDocument<T>, etag: string): Promise<StoredDocument<T>> {
    try {
      const { resource } = await this.container(container)
        .item(encodeCosmosId(doc.id), doc.pk)
        .replace<CosmosDoc<T>>(this.toCosmos(doc), { accessCondition: { type: 'IfMatch', condition: etag } });
      return this.toStored(written(resource));
    } catch (err) {
      if (statusOf(err) === 412) throw new ConcurrencyError(container, doc.id);
      if (statusOf(err) === 404) throw new NotFoundError(container, doc.id);
      throw err;
    }
  }

  async batch(container: string, pk: string, operations: BatchOperation[]): Promise<string[]> {
    if (operations.length > MAX_BATCH) throw new Error(`A batch holds at most ${MAX_BATCH} operations`);
    if (operations.some((o) => o.doc.pk !== pk)) throw new Error('Every document in a batch needs its pk');
    // Each operation names its partition key: the Cosmos test server needs it, real Cosmos accepts it.
    const input: OperationInput[] = operations.map((o) => {
      const resourceBody = this.toCosmos(o.doc) as unknown as JSONObject;
      if (o.op === 'create') return { operationType: 'Create', partitionKey: pk, resourceBody };
      if (o.op === 'upsert') return { operationType: 'Upsert', partitionKey: pk, resourceBody };
      const id = encodeCosmosId(o.doc.id);
      return { operationType: 'Replace', partitionKey: pk, id, resourceBody, ifMatch: o.etag };
    });
    const { result } = await this.container(container).items.batch(input, pk);
    const results = result ?? [];
    // A failed batch answers the failing operation's status and 424 for the others.
    const failed = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
    if (failed >= 0) {
      const id = operations[failed]!.doc.id;
      const status = results[failed]!.statusCode;
      if (status === 412) throw new ConcurrencyError(container, id);
      if (status === 409) throw new ConflictError(container, id);
      if (status === 404) throw new NotFoundError(container, id);
      throw new Error(`Batch write into ${container} failed with status ${status}`);
    }
    if (results.length !== operations.length)
      throw new Error(`Batch write into ${container} was not confirmed`);
    return results.map((r) => r.eTag ?? '');
  }

  async upsert<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>> {
    const { resource } = await this.container(container).items.upsert<CosmosDoc<T>>(this.toCosmos(doc));
    return this.toStored(written(resource));
  }

  async delete(container: string, pk: string, id: string, etag?: string): Promise<boolean> {
    try {
      const options = etag ? { accessCondition: { type: 'IfMatch', condition: etag } } : undefined;
      const { statusCode } = await this.container(container).item(encodeCosmosId(id), pk).delete(options);
      return statusCode !== 404;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      if (statusOf(err) === 412) throw new ConcurrencyError(container, id);
      throw err;
    }
  }

  async query<T>(container: string, query: DocumentQuery = {}): Promise<StoredDocument<T>[]> {
    const limit = query.limit === undefined ? undefined : Math.max(0, Math.floor(query.limit));
    if (limit === 0) return [];
    const orderBy = query.orderBy ?? [];
    if (orderBy.length > 1) {
      const all = await this.fetch<T>(container, selectSpec(query));
      return sortDocuments(all, orderBy).slice(0, limit);
    }
    const [first] = orderBy;
    const orderSql = first
      ? `${fieldPath(first.field)} ${first.direction === 'desc' ? 'DESC' : 'ASC'}`
      : 'c.id ASC';
    const page = sortDocuments(await this.fetch<T>(container, selectSpec(query, limit, orderSql)), orderBy);
    if (!first || limit === undefined || page.length < limit) return page;
    // TOP may have cut a group of equal values anywhere; fetch the whole last group so ties go by id.
    const last = readField(page[page.length - 1].data, first.field);
    const before = page.filter((d) => compareValues(readField(d.data, first.field), last) !== 0);
    const tie = equalsClause(first.field, last);
    const { sql, parameters } = whereClause(query, [tie.sql]);
    const ties = await this.fetch<T>(container, {
      query: `SELECT * FROM c${sql}`,
      parameters: tie.parameter ? [...parameters, tie.parameter] : parameters,
    });
    return [...before, ...sortDocuments(ties, [])].slice(0, limit);
  }

  async count(container: string, query: Omit<DocumentQuery, 'orderBy' | 'limit'> = {}): Promise<number> {
    const { sql, parameters } = whereClause(query);
    const { resources } = await this.container(container)
      .items.query<number>({ query: `SELECT VALUE COUNT(1) FROM c${sql}`, parameters })
      .fetchAll();
    return resources.reduce((sum, n) => sum + n, 0);
  }

  async ping(): Promise<void> {
    await this.database.read();
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.dispose();
  }

  private async fetch<T>(
    container: string,
    spec: ReturnType<typeof selectSpec>,
  ): Promise<StoredDocument<T>[]> {
    const { resources } = await this.container(container).items.query<CosmosDoc<T>>(spec).fetchAll();
    return resources.map((r) => this.toStored(r));
  }

  private toCosmos<T>(doc: NewDocument<T>): CosmosDoc<T> {
    const out: CosmosDoc<T> = { id: encodeCosmosId(doc.id), pk: doc.pk, data: doc.data };
    if (doc.ttlSeconds !== undefined && doc.ttlSeconds > 0) out.ttl = Math.ceil(doc.ttlSeconds);
    return out;
  }

  /** `ttl` counts from the last write (`_ts`); report what is left, as SQLite does, so a rewrite keeps the expiry. */
  private toStored<T>(r: CosmosDoc<T>): StoredDocument<T> {
    const doc: StoredDocument<T> = { pk: r.pk, id: decodeCosmosId(r.id), data: r.data, etag: r._etag ?? '' };
    if (typeof r.ttl === 'number' && r.ttl > 0) {
      const age = r._ts ? Math.max(0, Math.floor(this.now() / 1000) - r._ts) : 0;
      doc.ttlSeconds = Math.max(1, r.ttl - age);
    }
    return doc;
  }
}
