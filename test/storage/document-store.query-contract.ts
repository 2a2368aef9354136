import { containers, type DocumentStore, type FieldFilter } from '../../src/storage/document-store.port';

interface Row {
  n: number;
  s: string;
  flag: boolean;
  when: string;
  opt?: string | null;
  nested: { x: number };
  value?: string;
}

const C = containers.kennisateliers;

/** Seed: pk 'p1' holds a..e, pk 'p2' holds f. `opt` is missing on a and b, null on c. */
const seed: { pk: string; id: string; data: Row }[] = [
  {
    pk: 'p1',
    id: 'a',
    data: { n: 3, s: 'peer', flag: true, when: '2026-11-23T09:00:00.000Z', nested: { x: 1 }, value: 'v' },
  },
  {
    pk: 'p1',
    id: 'b',
    data: { n: 1, s: 'appel', flag: false, when: '2026-11-21T09:00:00.000Z', nested: { x: 2 } },
  },
  {
    pk: 'p1',
    id: 'c',
    data: { n: 2, s: 'banaan', flag: true, when: '2026-11-22T09:00:00.000Z', opt: null, nested: { x: 1 } },
  },
  {
    pk: 'p1',
    id: 'd',
    data: { n: 2, s: 'citroen', flag: false, when: '2026-11-24T09:00:00.000Z', opt: 'yes', nested: { x: 3 } },
  },
  {
    pk: 'p1',
    id: 'e',
    data: { n: 5, s: 'druif', flag: true, when: '2026-11-20T09:00:00.000Z', opt: 'no', nested: { x: 2 } },
  },
  {
    pk: 'p2',
    id: 'f',
    data: { n: 2, s: 'appel', flag: true, when: '2026-11-25T09:00:00.000Z', opt: 'yes', nested: { x: 9 } },
  },
];

/** Query and count: each filter operator, partitions, ordering with id as tie-breaker, limits. */
export function runQueryContract(getStore: () => DocumentStore): void {
  describe('query and count', () => {
    let store: DocumentStore;
    const ids = async (where: FieldFilter[], pk?: string) =>
      (await store.query<Row>(C, { pk, where })).map((d) => d.id).sort();

    beforeEach(async () => {
      store = getStore();
      // Reverse insertion order, so an adapter that returns ties in insertion order is caught.
      for (const doc of [...seed].reverse()) await store.create(C, doc);
    });

    it('filters with every operator', async () => {
      expect(await ids([{ field: 'n', op: '=', value: 2 }])).toEqual(['c', 'd', 'f']);
      expect(await ids([{ field: 'n', op: '!=', value: 2 }])).toEqual(['a', 'b', 'e']);
      expect(await ids([{ field: 'n', op: '<', value: 2 }])).toEqual(['b']);
      expect(await ids([{ field: 'n', op: '<=', value: 2 }])).toEqual(['b', 'c', 'd', 'f']);
      expect(await ids([{ field: 'n', op: '>', value: 2 }])).toEqual(['a', 'e']);
      expect(await ids([{ field: 'n', op: '>=', value: 3 }])).toEqual(['a', 'e']);
      expect(await ids([{ field: 's', op: 'in', value: ['appel', 'druif', 'kiwi'] }])).toEqual([
        'b',
        'e',
        'f',
      ]);
      expect(await ids([{ field: 's', op: 'in', value: [] }])).toEqual([]);
      expect(await ids([{ field: 'when', op: '<', value: '2026-11-22T09:00:00.000Z' }])).toEqual(['b', 'e']);
    });

    it('filters on booleans, nested fields and keyword-like names, and combines filters with AND', async () => {
      expect(await ids([{ field: 'flag', op: '=', value: true }])).toEqual(['a', 'c', 'e', 'f']);
      expect(await ids([{ field: 'flag', op: '=', value: false }])).toEqual(['b', 'd']);
      expect(await ids([{ field: 'flag', op: '!=', value: true }])).toEqual(['b', 'd']);
      expect(await ids([{ field: 'nested.x', op: '=', value: 1 }])).toEqual(['a', 'c']);
      expect(await ids([{ field: 'value', op: '=', value: 'v' }])).toEqual(['a']);
      expect(
        await ids([
          { field: 'flag', op: '=', value: true },
          { field: 'n', op: '>=', value: 2 },
          { field: 'nested.x', op: 'in', value: [1, 2] },
        ]),
      ).toEqual(['a', 'c', 'e']);
    });

    it('treats a missing field as null: != keeps it, = null finds it', async () => {
      expect(await ids([{ field: 'opt', op: '!=', value: 'yes' }])).toEqual(['a', 'b', 'c', 'e']);
      expect(await ids([{ field: 'opt', op: '=', value: null }])).toEqual(['a', 'b', 'c']);
      expect(await ids([{ field: 'opt', op: '!=', value: null }])).toEqual(['d', 'e', 'f']);
      expect(await ids([{ field: 'nope', op: '=', value: 'x' }])).toEqual([]);
    });

    it('restricts to one partition when pk is given', async () => {
      expect(await ids([], 'p1')).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await ids([{ field: 's', op: '=', value: 'appel' }], 'p2')).toEqual(['f']);
      expect(await ids([], 'p3')).toEqual([]);
      expect(await store.count(C, { pk: 'p1' })).toBe(5);
      expect(await store.count(C, { pk: 'p2', where: [{ field: 'n', op: '=', value: 2 }] })).toBe(1);
    });

    it('counts across partitions with filters', async () => {
      expect(await store.count(C)).toBe(6);
      expect(await store.count(C, { where: [{ field: 'n', op: '=', value: 2 }] })).toBe(3);
      expect(await store.count(C, { where: [{ field: 'opt', op: '!=', value: 'yes' }] })).toBe(4);
      expect(await store.count(containers.networks)).toBe(0);
    });

    it('orders ascending and descending, ties by id, and limits', async () => {
      const order = async (q: Parameters<DocumentStore['query']>[1]) =>
        (await store.query<Row>(C, q)).map((d) => d.id);
      expect(await order({ pk: 'p1' })).toEqual(['a', 'b', 'c', 'd', 'e']);
      expect(await order({ pk: 'p1', orderBy: [{ field: 'when' }] })).toEqual(['e', 'b', 'c', 'a', 'd']);
      expect(await order({ pk: 'p1', orderBy: [{ field: 's', direction: 'desc' }] })).toEqual([
        'a',
        'e',
        'd',
        'c',
        'b',
      ]);
      expect(await order({ orderBy: [{ field: 'n' }] })).toEqual(['b', 'c', 'd', 'f', 'a', 'e']);
      expect(await order({ orderBy: [{ field: 'n', direction: 'desc' }] })).toEqual([
        'e',
        'a',
        'c',
        'd',
        'f',
        'b',
      ]);
      expect(await order({ orderBy: [{ field: 'when', direction: 'desc' }], limit: 2 })).toEqual(['f', 'd']);
      // The limit cuts inside a group of equal values: the lowest ids of that group come back.
      expect(await order({ orderBy: [{ field: 'n' }], limit: 3 })).toEqual(['b', 'c', 'd']);
      expect(await order({ orderBy: [{ field: 'n', direction: 'desc' }], limit: 3 })).toEqual([
        'e',
        'a',
        'c',
      ]);
      expect(await order({ limit: 2 })).toEqual(['a', 'b']);
      expect(await order({ limit: 0 })).toEqual([]);
    });

    it('orders on several fields', async () => {
      const q = { orderBy: [{ field: 'flag' }, { field: 'n', direction: 'desc' as const }], limit: 4 };
      expect((await store.query<Row>(C, q)).map((d) => d.id)).toEqual(['d', 'b', 'e', 'a']);
    });

    it('rejects field names that are not plain dotted identifiers', async () => {
      for (const field of ['n; DROP', "n') OR 1=1 --", 'a..b', '1n', 'data["x"]']) {
        await expect(store.query(C, { where: [{ field, op: '=', value: 1 }] })).rejects.toThrow(
          /Invalid field name/,
        );
        await expect(store.query(C, { orderBy: [{ field }] })).rejects.toThrow(/Invalid field name/);
      }
    });
  });
}
