import type { Config } from '../config';
import { CosmosDocumentStore } from './cosmos-store';
import type { DocumentStore } from './document-store.port';
import { SqliteDocumentStore } from './sqlite-store';

export interface CreateStoreOptions {
  /** Milliseconds since the epoch; a ManualClock in tests (`() => clock.now().getTime()`). */
  now?: () => number;
}

/** The composition root's one place that knows which adapter runs; the Cosmos store is ready to use. */
export async function createStore(
  storage: Config['storage'],
  options: CreateStoreOptions = {},
): Promise<DocumentStore> {
  const now = options.now ?? Date.now;
  if (storage.kind === 'sqlite') return new SqliteDocumentStore(storage.file, now);
  const store = new CosmosDocumentStore({
    endpoint: storage.endpoint,
    key: storage.key,
    database: storage.database,
    managedIdentity: storage.managedIdentity,
    now,
  });
  try {
    await store.init();
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}
