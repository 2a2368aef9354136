import type { Config } from '../config';
import type { DocumentStore } from './document-store.port';

export interface CreateStoreOptions {
  /** Milliseconds since the epoch; a ManualClock in tests (`() => clock.now().getTime()`). */
  now?: () => number;
}

/** The composition root's one place that knows which adapter runs (and loads); the Cosmos store is ready to use. */
export async function createStore(
  storage: Config['storage'],
  options: CreateStoreOptions = {},
): Promise<DocumentStore> {
  const now = options.now ?? Date.now;
  // Only the adapter in use is loaded: the Cosmos SDK alone is a large part of the start.
  if (storage.kind === 'sqlite') {
    const { SqliteDocumentStore } = await import('./sqlite-store');
    return new SqliteDocumentStore(storage.file, now);
  }
  const { CosmosDocumentStore } = await import('./cosmos-store');
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
