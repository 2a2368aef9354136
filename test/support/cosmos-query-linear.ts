/**
 * The Cosmos test server (@vercel/cosmosdb-server → @zeit/cosmosdb-query 0.7.2) compiles every query to
 * JavaScript that gathers the container's documents with `reduce(($, c) => [...$, { c }], [])`: a copy of
 * the whole array per document, O(n²). At 12,000 documents one claim query took 2–6 s and stalled the
 * single-threaded server; real Cosmos DB serves it from an index. This rewrites that one step of the
 * generated code into the linear equivalent (same rows, same order), so benchmarks and tests measure the
 * bot and not the test server. Any other generated code is left alone.
 */
import { createRequire } from 'node:module';

const gather =
  /\.reduce\(\(\$, (\w+)\) => typeof \1 !== "undefined" \? \[\.\.\.\$, \{\s*\1: \1\s*\}\] : \$, \[\]\)/g;

/** The linear form of the quadratic gather step; exported for its test. */
export function linearQueryCode(code: string): string {
  return code.replace(gather, '.filter(($1) => typeof $1 !== "undefined").map(($1) => ({ $1: $1 }))');
}

interface QueryPrototype {
  _code: string | null;
}

let patched = false;

/** Patches the query compiler the test server uses (idempotent). */
export function useLinearCosmosQueries(): void {
  if (patched) return;
  patched = true;
  const serverRequire = createRequire(require.resolve('@vercel/cosmosdb-server'));
  const compile = (serverRequire('@zeit/cosmosdb-query') as { default: (q: string) => object }).default;
  const prototype = Object.getPrototypeOf(compile('SELECT * FROM c')) as QueryPrototype;
  const descriptor = Object.getOwnPropertyDescriptor(prototype, 'code');
  const original = descriptor?.get;
  if (!original) throw new Error('@zeit/cosmosdb-query changed: Query.prototype.code is not a getter');
  Object.defineProperty(prototype, 'code', {
    configurable: true,
    get(this: QueryPrototype) {
      if (this._code === null) this._code = linearQueryCode(original.call(this) as string);
      return this._code;
    },
  });
}
