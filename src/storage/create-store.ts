import type { Config } from '../config';
import type { DocumentStore } from './document-store.port';

export interface CreateStoreOptions {
  /** Milliseconds since the epoch; a ManualClock in tests (`() => clock.now().getTime()`). */
  now?: () => number;
  /** Told once when a plain-HTTP Cosmos endpoint turns endpoint discovery off. */
  onNotice?: (message: string) => void;
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
  // A plain-HTTP endpoint (the Cosmos test server, the Linux emulator in HTTP mode) advertises itself with
  // an https address the SDK would follow and fail on; such an endpoint is the only one there is anyway.
  const plainHttp = new URL(storage.endpoint).protocol === 'http:';
  if (plainHttp) options.onNotice?.('Cosmos DB endpoint is plain HTTP: endpoint discovery is off');
  const store = new CosmosDocumentStore({
    endpoint: storage.endpoint,
    ...(plainHttp ? { connectionPolicy: { enableEndpointDiscovery: false } } : {}),
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
