import { createRequire } from 'node:module';
import { linearQueryCode, useLinearCosmosQueries } from '../support/cosmos-query-linear';

type Compile = (q: string) => {
  code: string;
  exec(docs: unknown[], o: { parameters: { name: string; value: unknown }[] }): { result: unknown[] };
};
const compile = createRequire(require.resolve('@vercel/cosmosdb-server'))('@zeit/cosmosdb-query')
  .default as Compile;

const docs = Array.from({ length: 3000 }, (_, i) => ({
  id: `d${String((i * 7919) % 3000).padStart(5, '0')}`,
  _rid: `r${i}`,
  pk: i % 3 === 0 ? 'a' : 'b',
  data: { status: i % 4 === 0 ? 'sent' : 'queued', at: i % 5 === 0 ? undefined : `t${i % 50}` },
}));
const where = 'WHERE c.pk = @pk AND c.data["status"] = @s AND c.data["at"] <= @at';
const parameters = [
  { name: '@pk', value: 'b' },
  { name: '@s', value: 'queued' },
  { name: '@at', value: 't30' },
];
const expected = docs
  .filter((d) => d.pk === 'b' && d.data.status === 'queued' && d.data.at !== undefined && d.data.at <= 't30')
  .sort((x, y) => x.id.localeCompare(y.id));

describe('linear queries on the Cosmos test server', () => {
  beforeAll(() => useLinearCosmosQueries());

  it('rewrites the quadratic gather step of the generated code, and nothing else', () => {
    const raw =
      'return $h.paginate($c.reduce(($, c) => typeof c !== "undefined" ? [...$, {\n    c: c\n  }] : $, []))';
    expect(linearQueryCode(raw)).toBe(
      'return $h.paginate($c.filter((c) => typeof c !== "undefined").map((c) => ({ c: c })))',
    );
    const code = compile(`SELECT TOP 10 * FROM c ${where} ORDER BY c.id ASC`).code;
    expect(code).not.toContain('[...$');
    expect(code).toContain('.filter((c) => typeof c !== "undefined")');
  });

  it('returns the same documents, in the same order, for filters, TOP, ORDER BY and COUNT', () => {
    const top = compile(`SELECT TOP 25 * FROM c ${where} ORDER BY c.id ASC`).exec(docs, { parameters });
    expect(top.result).toEqual(expected.slice(0, 25));
    const all = compile(`SELECT * FROM c ${where} ORDER BY c.id DESC`).exec(docs, { parameters });
    expect(all.result).toEqual([...expected].reverse());
    const count = compile(`SELECT VALUE COUNT(1) FROM c ${where}`).exec(docs, { parameters });
    expect(count.result).toEqual([expected.length]);
  });
});
