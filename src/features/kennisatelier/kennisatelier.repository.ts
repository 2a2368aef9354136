import { days } from '../../platform/clock';
import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import { isConflictError } from '../../storage/store-errors';
import type { Atelier } from './kennisatelier.types';

/**
 * Ateliers live in the `kennisateliers` container: pk = 'atelier', id = atelier id. One partition on
 * purpose: there are tens of ateliers a year, and the upcoming list is a single-partition query.
 * Seats are not here but in platform/signups (list id = {@link signupListId}).
 */
const PK = 'atelier';
export const signupListId = (atelierId: string) => `kennisatelier:${atelierId}`;

/** How long after an atelier its sign-up list (seats, and the names kept with them) is kept. */
export const SIGNUP_LIST_KEEP_DAYS = 90;

/** When an atelier's sign-up list expires: after attendance, the poll and the organisers' export. */
export const signupListKeepUntil = (atelier: Pick<Atelier, 'endsAt'>) =>
  new Date(Date.parse(atelier.endsAt) + days(SIGNUP_LIST_KEEP_DAYS)).toISOString();

export class AtelierRepository {
  constructor(private readonly store: DocumentStore) {}

  async get(id: string): Promise<Atelier | undefined> {
    return (await this.store.get<Atelier>(containers.kennisateliers, PK, id))?.data;
  }

  /** Idempotent on the id: a retried create returns the stored atelier and `created: false`. */
  async create(atelier: Atelier): Promise<{ atelier: Atelier; created: boolean }> {
    try {
      await this.store.create(containers.kennisateliers, { pk: PK, id: atelier.id, data: atelier });
      return { atelier, created: true };
    } catch (err) {
      if (!isConflictError(err)) throw err;
      const existing = await this.get(atelier.id);
      if (!existing) throw err;
      return { atelier: existing, created: false };
    }
  }

  /**
   * Etag-guarded change, retried from a fresh read when another writer won; `change` may run several
   * times and may throw to refuse. Returns the stored atelier (unchanged if `change` returned undefined),
   * or undefined when there is no such atelier.
   */
  update(id: string, change: (current: Atelier) => Atelier | undefined): Promise<Atelier | undefined> {
    return updateWithRetry<Atelier, Atelier | undefined>(
      this.store,
      containers.kennisateliers,
      PK,
      id,
      (doc) => {
        if (!doc) return { kind: 'skip', result: undefined };
        const next = change(structuredClone(doc.data));
        return next ? { kind: 'write', data: next, result: next } : { kind: 'skip', result: doc.data };
      },
    );
  }

  /** Ateliers that end after `since`, earliest first. */
  async endingAfter(since: string, limit = 50): Promise<Atelier[]> {
    const docs = await this.store.query<Atelier>(containers.kennisateliers, {
      pk: PK,
      where: [{ field: 'endsAt', op: '>', value: since }],
      orderBy: [{ field: 'startsAt', direction: 'asc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }
}
