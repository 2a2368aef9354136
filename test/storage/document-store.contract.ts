import { containers, type DocumentStore } from '../../src/storage/document-store.port';
import { updateWithRetry } from '../../src/storage/optimistic';
import { ConcurrencyError, ConflictError, NotFoundError } from '../../src/storage/store-errors';
import { runQueryContract } from './document-store.query-contract';

/** How a store handles expiry: enforced by the adapter (time can be moved), or written for the database to enforce. */
export type TtlCapability =
  | { kind: 'enforced'; advance(ms: number): void }
  | { kind: 'written'; rawTtl(container: string, pk: string, id: string): Promise<number | undefined> };

export interface StoreFixture {
  store: DocumentStore;
  ttl: TtlCapability;
  cleanup(): Promise<void>;
}

const C = containers.polls;

/** One suite for every adapter: whatever passes here behaves the same for the features. */
export function runDocumentStoreContract(name: string, makeStore: () => Promise<StoreFixture>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let fx: StoreFixture;
    let store: DocumentStore;
    beforeEach(async () => {
      fx = await makeStore();
      store = fx.store;
    });
    afterEach(() => fx.cleanup());

    it('creates and reads a document back with an etag; partitions keep equal ids apart', async () => {
      const created = await store.create(C, { pk: 'a', id: 'x', data: { n: 1, nested: { s: 'één' } } });
      await store.create(C, { pk: 'b', id: 'x', data: { n: 2 } });
      expect(typeof created.etag).toBe('string');
      expect(created.etag.length).toBeGreaterThan(0);
      const read = await store.get(C, 'a', 'x');
      expect(read).toEqual({ pk: 'a', id: 'x', data: { n: 1, nested: { s: 'één' } }, etag: created.etag });
      expect((await store.get(C, 'b', 'x'))?.data).toEqual({ n: 2 });
      expect(await store.get(C, 'a', 'missing')).toBeUndefined();
      expect(await store.get(C, 'c', 'x')).toBeUndefined();
    });

    it('refuses to create over an existing document and leaves it unchanged', async () => {
      await store.create(C, { pk: 'a', id: 'x', data: { v: 'first' } });
      const second = store.create(C, { pk: 'a', id: 'x', data: { v: 'second' } });
      await expect(second).rejects.toBeInstanceOf(ConflictError);
      await expect(second).rejects.toMatchObject({ code: 'STORE.CONFLICT' });
      expect((await store.get(C, 'a', 'x'))?.data).toEqual({ v: 'first' });
    });

    it('replaces with the current etag and rejects a stale etag (optimistic concurrency)', async () => {
      const v1 = await store.create(C, { pk: 'a', id: 'seat', data: { taken: 0 } });
      const v2 = await store.replace(C, { pk: 'a', id: 'seat', data: { taken: 1 } }, v1.etag);
      expect(v2.etag).not.toBe(v1.etag);
      expect(await store.get(C, 'a', 'seat')).toEqual({
        pk: 'a',
        id: 'seat',
        data: { taken: 1 },
        etag: v2.etag,
      });

      const stale = store.replace(C, { pk: 'a', id: 'seat', data: { taken: 99 } }, v1.etag);
      await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(stale).rejects.toMatchObject({ code: 'STORE.CONCURRENCY' });
      expect((await store.get(C, 'a', 'seat'))?.data).toEqual({ taken: 1 });
    });

    it('reports a replace of a missing document as NotFoundError', async () => {
      const v1 = await store.create(C, { pk: 'a', id: 'gone', data: {} });
      await store.delete(C, 'a', 'gone');
      await expect(store.replace(C, { pk: 'a', id: 'gone', data: {} }, v1.etag)).rejects.toBeInstanceOf(
        NotFoundError,
      );
    });

    it('upserts: creates, then overwrites unconditionally with a new etag', async () => {
      const first = await store.upsert(C, { pk: 'user', id: 'u1', data: { ref: 1 } });
      const second = await store.upsert(C, { pk: 'user', id: 'u1', data: { ref: 2 } });
      expect(second.etag).not.toBe(first.etag);
      expect(await store.get(C, 'user', 'u1')).toEqual({
        pk: 'user',
        id: 'u1',
        data: { ref: 2 },
        etag: second.etag,
      });
      await expect(store.replace(C, { pk: 'user', id: 'u1', data: {} }, first.etag)).rejects.toBeInstanceOf(
        ConcurrencyError,
      );
    });

    it('deletes without etag, and with an etag only when unchanged', async () => {
      await store.create(C, { pk: 'a', id: 'd1', data: {} });
      expect(await store.delete(C, 'a', 'd1')).toBe(true);
      expect(await store.get(C, 'a', 'd1')).toBeUndefined();
      expect(await store.delete(C, 'a', 'd1')).toBe(false);

      const v1 = await store.create(C, { pk: 'a', id: 'd2', data: { v: 1 } });
      const v2 = await store.replace(C, { pk: 'a', id: 'd2', data: { v: 2 } }, v1.etag);
      await expect(store.delete(C, 'a', 'd2', v1.etag)).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.get(C, 'a', 'd2')).toBeDefined();
      expect(await store.delete(C, 'a', 'd2', v2.etag)).toBe(true);
      expect(await store.delete(C, 'a', 'd2', v2.etag)).toBe(false);
    });

    it('accepts any string as id, including characters Cosmos forbids', async () => {
      const ids = [
        'user:abc',
        'channel:19:xyz@thread.tacv2',
        'a/b',
        'a%2Fb',
        'q?x=1#frag',
        'back\\slash',
        '100%',
        'spaced out é',
      ];
      for (const id of ids) await store.create(C, { pk: 'ids', id, data: { id } });
      for (const id of ids) expect((await store.get(C, 'ids', id))?.data).toEqual({ id });
      const listed = await store.query<{ id: string }>(C, { pk: 'ids' });
      expect(listed.map((d) => d.id).sort()).toEqual([...ids].sort());
      for (const d of listed) expect(d.data.id).toBe(d.id);
      const current = await store.get(C, 'ids', 'a/b');
      await store.replace(C, { pk: 'ids', id: 'a/b', data: { id: 'a/b', v: 2 } }, current!.etag);
      expect((await store.get(C, 'ids', 'a%2Fb'))?.data).toEqual({ id: 'a%2Fb' });
      expect(await store.delete(C, 'ids', 'q?x=1#frag')).toBe(true);
      expect(await store.count(C, { pk: 'ids' })).toBe(ids.length - 1);
    });

    it('creates many in batches, skipping existing ids without overwriting them', async () => {
      const O = containers.outbox;
      await store.create(O, { pk: 'b1', id: 'r00005', data: { original: true } });
      await store.create(O, { pk: 'b1', id: 'r11999', data: { original: true } });
      const docs = Array.from({ length: 12_000 }, (_, i) => ({
        pk: 'b1',
        id: `r${String(i).padStart(5, '0')}`,
        data: { status: 'pending', n: i },
      }));
      expect(await store.createMany(O, docs)).toEqual({ created: 11_998, conflicts: 2 });
      expect(await store.count(O, { pk: 'b1' })).toBe(12_000);
      expect((await store.get(O, 'b1', 'r00005'))?.data).toEqual({ original: true });
      expect((await store.get(O, 'b1', 'r06000'))?.data).toEqual({ status: 'pending', n: 6000 });
      const dup = await store.createMany(O, [
        { pk: 'b2', id: 'same', data: { v: 1 } },
        { pk: 'b2', id: 'same', data: { v: 2 } },
      ]);
      expect(dup).toEqual({ created: 1, conflicts: 1 });
      expect(await store.createMany(O, [])).toEqual({ created: 0, conflicts: 0 });
    }, 30_000);

    it('ends at exactly 20 after 20 concurrent read-modify-write increments', async () => {
      const increment = () =>
        updateWithRetry<{ count: number }, void>(store, C, 'counters', 'c1', (cur) => ({
          kind: 'write',
          data: { count: (cur?.data.count ?? 0) + 1 },
          result: undefined,
        }));
      await Promise.all(Array.from({ length: 20 }, increment));
      expect((await store.get<{ count: number }>(C, 'counters', 'c1'))?.data.count).toBe(20);
    });

    it('keeps the remaining ttl on read and clears it on a write without ttl', async () => {
      await store.create(C, { pk: 't', id: 'with', data: {}, ttlSeconds: 3600 });
      await store.create(C, { pk: 't', id: 'without', data: {} });
      const withTtl = await store.get(C, 't', 'with');
      expect(withTtl?.ttlSeconds).toBeGreaterThanOrEqual(3590);
      expect(withTtl?.ttlSeconds).toBeLessThanOrEqual(3600);
      expect((await store.get(C, 't', 'without'))?.ttlSeconds).toBeUndefined();
      if (fx.ttl.kind === 'written') {
        expect(await fx.ttl.rawTtl(C, 't', 'with')).toBe(3600);
        expect(await fx.ttl.rawTtl(C, 't', 'without')).toBeUndefined();
      }
      await store.replace(C, { pk: 't', id: 'with', data: { v: 2 } }, withTtl!.etag);
      expect((await store.get(C, 't', 'with'))?.ttlSeconds).toBeUndefined();
      if (fx.ttl.kind === 'written') expect(await fx.ttl.rawTtl(C, 't', 'with')).toBeUndefined();
    });

    it('hides expired documents from get, query and count, and lets their id be reused', async () => {
      if (fx.ttl.kind !== 'enforced') {
        // The database expires documents itself; the previous test proves the adapter writes the ttl.
        expect(fx.ttl.kind).toBe('written');
        return;
      }
      await store.create(C, { pk: 't', id: 'short', data: { v: 1 }, ttlSeconds: 60 });
      await store.create(C, { pk: 't', id: 'long', data: { v: 1 }, ttlSeconds: 600 });
      fx.ttl.advance(30_000);
      expect((await store.get(C, 't', 'short'))?.ttlSeconds).toBe(30);
      fx.ttl.advance(31_000);
      expect(await store.get(C, 't', 'short')).toBeUndefined();
      expect((await store.query(C, { pk: 't' })).map((d) => d.id)).toEqual(['long']);
      expect(await store.count(C, { pk: 't' })).toBe(1);
      await expect(store.create(C, { pk: 't', id: 'short', data: { v: 2 } })).resolves.toMatchObject({
        data: { v: 2 },
      });
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    runQueryContract(() => store);
  });
}
