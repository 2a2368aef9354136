import type { DocumentStore, StoredDocument } from './document-store.port';
import { isConcurrencyError } from './store-errors';

export type Mutation<T, R> =
  { kind: 'write'; data: T; result: R; ttlSeconds?: number } | { kind: 'skip'; result: R };

/**
 * Read-modify-write with the etag check, retried from a fresh read when another writer won.
 * `mutate` must be pure: it may run several times.
 */
export async function updateWithRetry<T, R>(
  store: DocumentStore,
  container: string,
  pk: string,
  id: string,
  mutate: (current: StoredDocument<T> | undefined) => Mutation<T, R>,
  maxAttempts = 20,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    const current = await store.get<T>(container, pk, id);
    const next = mutate(current);
    if (next.kind === 'skip') return next.result;
    try {
      const doc = { pk, id, data: next.data, ttlSeconds: next.ttlSeconds ?? current?.ttlSeconds };
      if (current) await store.replace(container, doc, current.etag);
      else await store.create(container, doc);
      return next.result;
    } catch (err) {
      const lostRace = isConcurrencyError(err) || (err as { code?: string }).code === 'STORE.CONFLICT';
      if (!lostRace || attempt >= maxAttempts) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }
}
