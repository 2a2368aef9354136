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
  type LegacySignupListDoc,
  type SignupPersonDoc,
  type SignupStateDoc,
} from './signups.model';

const C = containers.signups;

/**
 * Turns a list stored as one document with arrays (before issue #17) into a state document and one
 * document per person, keeping seat order, waitlist order, names and the expiry.
 *
 * Safe with several instances and with old code still running: every batch first rewrites the old
 * document with its etag (a `migrating` step number), so a batch fails as soon as anyone else changed
 * the list, and nobody reads person documents before the last step turns the old document into the
 * state document. People left over from an interrupted attempt who are no longer on the list are
 * written as withdrawn. Returns false when it lost a race: the caller reads the list again.
 */
export async function migrateLegacyList(
  store: DocumentStore,
  listId: string,
  current: StoredDocument<LegacySignupListDoc>,
  now: Date,
): Promise<boolean> {
  const old = current.data;
  const ttlSeconds = current.ttlSeconds;
  const at = now.toISOString();
  const person = (userId: string, state: SignupPersonDoc['state'], seq: number): SignupPersonDoc => {
    const name = state === 'withdrawn' ? undefined : old.names?.[userId];
    return { userId, state, seq, ...(name ? { name } : {}), signedUpAt: at, updatedAt: at };
  };
  const people = [
    ...old.attending.map((u, i) => person(u, 'attending', i + 1)),
    ...old.waitlist.map((u, i) => person(u, 'waitlisted', old.attending.length + i + 1)),
  ];
  const onList = new Set(people.map((p) => p.userId));
  const leftovers = await store.query<SignupPersonDoc>(C, {
    pk: listId,
    where: [{ field: 'state', op: 'in', value: ['attending', 'waitlisted'] }],
  });
  let seq = people.length;
  for (const doc of leftovers) {
    if (!onList.has(doc.data.userId)) people.push(person(doc.data.userId, 'withdrawn', ++seq));
  }

  let etag = current.etag;
  let step = old.migrating ?? 0;
  try {
    for (let start = 0; start < people.length; start += MAX_BATCH - 1) {
      const chunk = people.slice(start, start + MAX_BATCH - 1);
      const marker = { ...old, migrating: ++step };
      const operations: BatchOperation[] = [
        { op: 'replace', etag, doc: { pk: listId, id: STATE_ID, data: marker, ttlSeconds } },
        ...chunk.map((p): BatchOperation => ({
          op: 'upsert',
          doc: { pk: listId, id: personId(p.userId), data: p, ttlSeconds },
        })),
      ];
      [etag] = (await store.batch(C, listId, operations)) as [string];
    }
    const keepUntil = ttlSeconds ? new Date(now.getTime() + ttlSeconds * 1000).toISOString() : undefined;
    const state: SignupStateDoc = {
      schema: 2,
      listId,
      capacity: old.capacity,
      ...(old.deadline ? { deadline: old.deadline } : {}),
      closed: old.closed,
      ...(keepUntil ? { keepUntil } : {}),
      seatsTaken: old.attending.length,
      waiting: old.waitlist.length,
      nextSeq: seq + 1,
      updatedAt: at,
    };
    await store.replace(C, { pk: listId, id: STATE_ID, data: state, ttlSeconds }, etag);
    return true;
  } catch (e) {
    if (isConcurrencyError(e)) return false;
    throw e;
  }
}
