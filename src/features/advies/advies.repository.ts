import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import type { AdviesRequest, RequestFigure } from './advies.types';

/**
 * The `advies` container. pk 'request', id = request id: tens to a few hundred requests a year, so the
 * queue is a single-partition query. pk 'figures', id = request id: the counts of one request, without
 * people or text, with no expiry (the evaluation needs them after the request is gone).
 * Volunteers' seats are in platform/signups (list id = {@link signupListId}).
 */
const PK = 'request';
const FIGURES = 'figures';
export const signupListId = (requestId: string) => `advies:${requestId}`;

export class AdviesRepository {
  constructor(private readonly store: DocumentStore) {}

  async get(id: string): Promise<AdviesRequest | undefined> {
    return (await this.store.get<AdviesRequest>(containers.advies, PK, id))?.data;
  }

  async create(r: AdviesRequest, ttlSeconds?: number): Promise<void> {
    await this.store.create(containers.advies, { pk: PK, id: r.id, data: r, ttlSeconds });
  }

  /**
   * Etag-guarded change, retried from a fresh read when another writer won; `change` may run several
   * times and may throw to refuse. `ttlSeconds` starts the expiry (a closed request). Returns the stored
   * request (unchanged when `change` returned undefined), or undefined when there is none.
   */
  update(
    id: string,
    change: (current: AdviesRequest) => AdviesRequest | undefined,
    ttlSeconds?: (next: AdviesRequest) => number | undefined,
  ): Promise<{ request: AdviesRequest; changed: boolean } | undefined> {
    return updateWithRetry<AdviesRequest, { request: AdviesRequest; changed: boolean } | undefined>(
      this.store,
      containers.advies,
      PK,
      id,
      (doc) => {
        if (!doc) return { kind: 'skip', result: undefined };
        const next = change(structuredClone(doc.data));
        if (!next) return { kind: 'skip', result: { request: doc.data, changed: false } };
        return {
          kind: 'write',
          data: next,
          result: { request: next, changed: true },
          ttlSeconds: ttlSeconds?.(next),
        };
      },
    );
  }

  /** Requests still with the panel (open, question, accepted), earliest deadline first. */
  async inProgress(limit = 100): Promise<AdviesRequest[]> {
    const docs = await this.store.query<AdviesRequest>(containers.advies, {
      pk: PK,
      where: [{ field: 'status', op: 'in', value: ['open', 'question', 'accepted'] }],
      orderBy: [{ field: 'deadline', direction: 'asc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }

  async byRequester(requesterId: string, limit = 20): Promise<AdviesRequest[]> {
    const docs = await this.store.query<AdviesRequest>(containers.advies, {
      pk: PK,
      where: [{ field: 'requesterId', op: '=', value: requesterId }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }

  async putFigure(requestId: string, figure: RequestFigure): Promise<void> {
    await this.store.upsert(containers.advies, { pk: FIGURES, id: requestId, data: figure });
  }

  async figures(): Promise<RequestFigure[]> {
    const docs = await this.store.query<RequestFigure>(containers.advies, { pk: FIGURES, limit: 100_000 });
    return docs.map((d) => d.data);
  }
}
