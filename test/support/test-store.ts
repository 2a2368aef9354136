/**
 * The store a test runs on, chosen for the whole run: `TEST_STORE=cosmos` (the `unit-cosmos` jest project)
 * puts every bot and service fixture on a fresh database of a Cosmos test server; otherwise SQLite.
 * One server per test file (jest gives each file its own module registry), started on first use and
 * stopped by `test-store.setup.ts` after the file's last test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { containers, type DocumentStore } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { ClockedTtlCosmosStore, type Expiries } from './clocked-ttl-cosmos-store';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from './cosmos-server';

export type TestStoreKind = 'sqlite' | 'cosmos';

export function testStoreKind(): TestStoreKind {
  const kind = process.env.TEST_STORE || 'sqlite';
  if (kind !== 'sqlite' && kind !== 'cosmos')
    throw new Error(`TEST_STORE must be sqlite or cosmos, not ${kind}`);
  return kind;
}

export const onCosmos = () => testStoreKind() === 'cosmos';

let server: Promise<CosmosTestServer> | undefined;
let databases = 0;
const expiriesByDatabase = new Map<string, Expiries>();
/** A database per place (a bot's data folder): the same place again is a restart on the same data. */
const databaseByPlace = new Map<string, string>();

/** This file's Cosmos test server, started on first use. */
export function sharedCosmosServer(): Promise<CosmosTestServer> {
  server ??= startCosmosServer();
  return server;
}

export async function stopSharedCosmosServer(): Promise<void> {
  const running = server;
  server = undefined;
  databaseByPlace.clear();
  expiriesByDatabase.clear();
  if (running) await (await running).stop();
}

/** A store on a Cosmos test server's database (created when missing), its TTL on the test clock. */
export async function openCosmosStore(
  database: string,
  now?: () => number,
  testServer?: CosmosTestServer,
): Promise<ClockedTtlCosmosStore> {
  const { endpoint, key } = testServer ?? (await sharedCosmosServer());
  let expiries = expiriesByDatabase.get(database);
  if (!expiries) expiriesByDatabase.set(database, (expiries = new Map()));
  const options = { endpoint, key, database, connectionPolicy: testConnectionPolicy };
  const store = new ClockedTtlCosmosStore(options, now, expiries);
  await store.init();
  return store;
}

/**
 * The run's store. `file` is where SQLite keeps it (':memory:' for a service fixture); on Cosmos the same
 * file again opens the same database, so a restart test restarts on the data it wrote.
 */
export async function openTestStore(file: string, now?: () => number): Promise<DocumentStore> {
  if (!onCosmos()) return new SqliteDocumentStore(file, now);
  let database = file === ':memory:' ? undefined : databaseByPlace.get(file);
  if (!database) {
    database = `t${process.pid}-${++databases}`;
    if (file !== ':memory:') databaseByPlace.set(file, database);
  }
  return openCosmosStore(database, now);
}

/**
 * Everything the store keeps, as bytes to search for text that must be gone: SQLite's file and
 * write-ahead log after a checkpoint (freed pages included), or every document in every Cosmos container.
 */
export async function rawStoreBytes(store: DocumentStore, dbFile: string): Promise<Buffer> {
  if (store instanceof SqliteDocumentStore) {
    store.checkpoint();
    const files = [dbFile, `${dbFile}-wal`].filter((f) => existsSync(f));
    return Buffer.concat(files.map((f) => readFileSync(f)));
  }
  const all = await Promise.all(Object.values(containers).map((c) => store.query(c)));
  return Buffer.from(JSON.stringify(all));
}

/** Removes expired documents now, as SQLite's hourly purge or Cosmos's TTL sweep would; returns how many. */
export async function purgeExpired(store: DocumentStore): Promise<number> {
  if (store instanceof SqliteDocumentStore) return store.purgeExpired();
  if (store instanceof ClockedTtlCosmosStore) return store.purgeExpired();
  throw new Error('purgeExpired: not a test store');
}
