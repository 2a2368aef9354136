import { compareValues, fieldPath, sortDocuments, whereClause } from '../../src/storage/cosmos-query';

// The test server is laxer than Cosmos about comparisons across types (null != 'x' is undefined in
// Cosmos, so the row would be dropped); pin the SQL that makes the real service match SQLite.
describe('Cosmos query building', () => {
  it('keeps missing and null fields in != and finds them with = null', () => {
    const { sql, parameters } = whereClause({
      pk: 'p1',
      where: [
        { field: 'opt', op: '!=', value: 'yes' },
        { field: 'gone', op: '=', value: null },
        { field: 'set', op: '!=', value: null },
      ],
    });
    expect(sql).toBe(
      ' WHERE c.pk = @p0' +
        ' AND (NOT IS_DEFINED(c.data["opt"]) OR IS_NULL(c.data["opt"]) OR c.data["opt"] != @p1)' +
        ' AND (NOT IS_DEFINED(c.data["gone"]) OR IS_NULL(c.data["gone"]))' +
        ' AND (IS_DEFINED(c.data["set"]) AND NOT IS_NULL(c.data["set"]))',
    );
    expect(parameters).toEqual([
      { name: '@p0', value: 'p1' },
      { name: '@p1', value: 'yes' },
    ]);
  });

  it('binds values as parameters, never into the SQL text', () => {
    const { sql, parameters } = whereClause({
      where: [
        { field: 'a.b', op: 'in', value: ["x' OR 1=1", 2] },
        { field: 'n', op: '>=', value: 3 },
      ],
    });
    expect(sql).toBe(' WHERE ARRAY_CONTAINS(@p0, c.data["a"]["b"]) AND c.data["n"] >= @p1');
    expect(parameters.map((p) => p.value)).toEqual([["x' OR 1=1", 2], 3]);
    expect(whereClause({}).sql).toBe('');
    expect(() => fieldPath('a"]) OR true --')).toThrow(/Invalid field name/);
  });

  it('orders across types as Cosmos does, then by id', () => {
    expect(
      [undefined, null, false, true, -1, 2, '', 'a'].every(
        (v, i, all) => i === 0 || compareValues(all[i - 1], v) < 0,
      ),
    ).toBe(true);
    const docs = [
      { id: 'b', data: { n: 1 } },
      { id: 'a', data: { n: 1 } },
      { id: 'c', data: {} },
    ];
    expect(sortDocuments(docs, [{ field: 'n', direction: 'desc' }]).map((d) => d.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });
});
