import {
  containers,
  MAX_BATCH,
  type BatchOperation,
  type DocumentStore,
  type StoredDocument,
} from '../../storage/document-store.port';
import { isConcurrencyError } from '../../storage/store-errors';
import {
  personId,
  STATE_ID,
  type PersonState,
  type SignupPersonDoc,
  type SignupStateDoc,
} from './signups.model';

const C = containers.signups;
/** Roster pages: big enough to be few round trips, small enough to stay far under a response's size. */
export const ROSTER_PAGE = 500;

/** The documents of one list (one partition); only the sign-up service uses it. */
export class SignupRepository {
  constructor(private readonly store: DocumentStore) {}

  /** The state document, or a list stored the old way (see signups.migration). */
  getState(listId: string): Promise<StoredDocument<unknown> | undefined> {
    return this.store.get<unknown>(C, listId, STATE_ID);
  }

  getPerson(listId: string, userId: string): Promise<StoredDocument<SignupPersonDoc> | undefined> {
    return this.store.get<SignupPersonDoc>(C, listId, personId(userId));
  }

  /** The first `n` on the waitlist, in order. */
  async headOfWaitlist(listId: string, n: number): Promise<SignupPersonDoc[]> {
    if (n <= 0) return [];
    const docs = await this.store.query<SignupPersonDoc>(C, {
      pk: listId,
      where: [{ field: 'state', op: '=', value: 'waitlisted' }],
      orderBy: [{ field: 'seq' }],
      limit: n,
    });
    return docs.map((d) => d.data);
  }

  /** How many are on the waitlist before sequence number `seq`. */
  waitingBefore(listId: string, seq: number): Promise<number> {
    return this.store.count(C, {
      pk: listId,
      where: [
        { field: 'state', op: '=', value: 'waitlisted' },
        { field: 'seq', op: '<', value: seq },
      ],
    });
  }

  /** Everyone in `state`, in sequence order, a page at a time (keyset paging on `seq`). */
  async *pages(listId: string, state: PersonState, size = ROSTER_PAGE): AsyncGenerator<SignupPersonDoc[]> {
    let after = -1;
    for (;;) {
      const docs = await this.store.query<SignupPersonDoc>(C, {
        pk: listId,
        where: [
          { field: 'state', op: '=', value: state },
          { field: 'seq', op: '>', value: after },
        ],
        orderBy: [{ field: 'seq' }],
        limit: size,
      });
      if (docs.length > 0) yield docs.map((d) => d.data);
      if (docs.length < size) return;
      after = docs[docs.length - 1]!.data.seq;
    }
  }

  /**
   * Writes the state (if its etag still holds) and the people it changed, all or nothing; returns the
   * state's new etag. The state
   * goes first: it is the operation that can lose a race (see BatchOperation on the test server).
   */
  async commit(
    listId: string,
    state: { data: SignupStateDoc; etag: string },
    people: SignupPersonDoc[],
    ttlSeconds: number | undefined,
  ): Promise<string> {
    if (people.length > MAX_BATCH - 1) throw new Error('Too many people in one sign-up change');
    const operations: BatchOperation[] = [
      { op: 'replace', etag: state.etag, doc: { pk: listId, id: STATE_ID, data: state.data, ttlSeconds } },
      ...people.map((p): BatchOperation => ({
        op: 'upsert',
        doc: { pk: listId, id: personId(p.userId), data: p, ttlSeconds },
      })),
    ];
    const [etag] = await this.store.batch(C, listId, operations);
    return etag!;
  }

  /**
   * Gives every person document the list's new expiry. Each write is conditional on that person's etag;
   * a page where one changed meanwhile is read again. Runs after the state got the new expiry, so every
   * later change writes it too.
   */
  private async tryBatch(listId: string, operations: BatchOperation[]): Promise<boolean> {
    try {
      await this.store.batch(C, listId, operations);
      return true;
    } catch (e) {
      if (isConcurrencyError(e)) return false;
      throw e;
    }
  }

  async moveExpiry(listId: string, ttlSeconds: number | undefined): Promise<void> {
    for (const state of ['attending', 'waitlisted', 'withdrawn'] as const) {
      let after = -1;
      for (;;) {
        const docs = await this.store.query<SignupPersonDoc>(C, {
          pk: listId,
          where: [
            { field: 'state', op: '=', value: state },
            { field: 'seq', op: '>', value: after },
          ],
          orderBy: [{ field: 'seq' }],
          limit: MAX_BATCH,
        });
        const operations = docs.map((d): BatchOperation => ({
          op: 'replace',
          etag: d.etag,
          doc: { pk: listId, id: d.id, data: d.data, ttlSeconds },
        }));
        // A page where someone changed meanwhile is read again (SQLite undid the whole page).
        if (operations.length && !(await this.tryBatch(listId, operations))) continue;
        if (docs.length < MAX_BATCH) break;
        after = docs[docs.length - 1]!.data.seq;
      }
    }
  }
}
