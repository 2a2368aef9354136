/**
 * The one storage port. Features build small repositories on it; adapters (SQLite, Cosmos DB) know
 * nothing of features.
 *
 * @remarks
 * - A document lives in a named container, under a partition key (`pk`) and an `id` unique within it.
 * - Every stored document carries an opaque `etag`. `replace` and `delete` with an etag fail with
 *   {@link ConcurrencyError} when the document changed since it was read: use that for every write that
 *   can race (seats, claims, submissions) and retry from a fresh read.
 * - Field filters and ordering apply to top-level fields of `data` (dotted paths allowed). Store times as
 *   ISO-8601 UTC strings so that comparisons and ordering work the same on every adapter.
 * - `ttlSeconds` makes a document expire: it is no longer returned after that time and is purged later.
 */
export interface DocumentStore {
  get<T>(container: string, pk: string, id: string): Promise<StoredDocument<T> | undefined>;
  /** Fails with {@link ConflictError} when a document with this pk and id exists. */
  create<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>>;
  /** Creates many documents in batches; existing ids are skipped (counted as conflicts), not overwritten. */
  createMany<T>(container: string, docs: NewDocument<T>[]): Promise<BulkCreateResult>;
  /** Replaces only if the stored etag still equals `etag`; else {@link ConcurrencyError}; missing: {@link NotFoundError}. */
  replace<T>(container: string, doc: NewDocument<T>, etag: string): Promise<StoredDocument<T>>;
  /** Unconditional write, for data with one writer (conversation references, turn state). */
  upsert<T>(container: string, doc: NewDocument<T>): Promise<StoredDocument<T>>;
  /**
   * Writes up to {@link MAX_BATCH} documents of one partition all or nothing (a Cosmos transactional batch,
   * a SQLite transaction) and returns their new etags in order. Fails as the single calls would:
   * {@link ConcurrencyError}, {@link ConflictError}, {@link NotFoundError}. Put the conditional operation
   * that decides the outcome first: the Cosmos test server stops at a failed operation but does not undo
   * the ones before it.
   */
  batch(container: string, pk: string, operations: BatchOperation[]): Promise<string[]>;
  /** Deletes; with an etag only if unchanged. Returns false when there was nothing to delete. */
  delete(container: string, pk: string, id: string, etag?: string): Promise<boolean>;
  query<T>(container: string, query?: DocumentQuery): Promise<StoredDocument<T>[]>;
  count(container: string, query?: Omit<DocumentQuery, 'orderBy' | 'limit'>): Promise<number>;
  /** Throws when the store cannot be reached; used by GET /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface NewDocument<T> {
  pk: string;
  id: string;
  data: T;
  ttlSeconds?: number;
}

export interface StoredDocument<T> extends NewDocument<T> {
  etag: string;
}

/** One write in a {@link DocumentStore.batch}; every `doc.pk` must be the batch's partition key. */
export type BatchOperation =
  | { op: 'create'; doc: NewDocument<unknown> }
  | { op: 'replace'; doc: NewDocument<unknown>; etag: string }
  | { op: 'upsert'; doc: NewDocument<unknown> };

/** Cosmos DB's limit on the operations in one transactional batch. */
export const MAX_BATCH = 100;

export type FilterOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in';
export type FieldValue = string | number | boolean | null;

export interface FieldFilter {
  field: string;
  op: FilterOp;
  value: FieldValue | FieldValue[];
}

export interface DocumentQuery {
  /** Restrict to one partition: cheap on Cosmos. Without it the query crosses partitions. */
  pk?: string;
  where?: FieldFilter[];
  orderBy?: { field: string; direction?: 'asc' | 'desc' }[];
  limit?: number;
}

export interface BulkCreateResult {
  created: number;
  conflicts: number;
}

/** The names of every container, with the partition-key design written down next to them. */
export const containers = {
  /** pk = 'user' | 'channel', id = aadObjectId or conversation id. */
  conversations: 'conversations',
  /** teams-ai turn state; pk = the state scope, id = the storage key. */
  botState: 'botState',
  /** pk = broadcastId, id = recipient key: a broadcast's items stay in one partition. */
  outbox: 'outbox',
  /** pk = 'broadcast', id = broadcastId. */
  broadcasts: 'broadcasts',
  /** pk = 'job', id = jobId. */
  jobs: 'jobs',
  /**
   * Seat lists with capacity and waitlist (ateliers, meetups, advies); see platform/signups. pk = the list
   * id; id 'list' = the list's state (settings, counts, next sequence number), id 'p:<user>' = one person.
   */
  signups: 'signups',
  /** Per-quarter counts that outlive the cases (platform/aggregates); pk = family, id = family|quarter. */
  aggregates: 'aggregates',
  /** Feature data; each feature documents its own pk/id scheme in its repository. */
  kennisateliers: 'kennisateliers',
  polls: 'polls',
  contact: 'contact',
  sturingsgesprek: 'sturingsgesprek',
  networks: 'networks',
  /** Signals, kernteam agenda points, meedoen requests; see the kernteam repositories. */
  kernteam: 'kernteam',
  /** Roles granted in the bot; pk = 'grant', id = '<role>:<aadObjectId>' (platform/org/role-grants). */
  roleGrants: 'roleGrants',
  /** Advice requests (pk = 'request') and their figures without people or text (pk = 'figures'). */
  advies: 'advies',
  /** Recipients that Teams told us are gone (403/404); pk = 'recipient', id = recipient key. */
  recipients: 'recipients',
  /** Normal proactive messages a person got per day of an ISO week; pk = recipient key, id = week. */
  sendCounts: 'sendCounts',
  /** Spent single-use download links; pk = id = the link's id, expiring with the link. */
  downloads: 'downloads',
} as const;

export type ContainerName = (typeof containers)[keyof typeof containers];
