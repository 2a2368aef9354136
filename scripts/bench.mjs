#!/usr/bin/env node
/**
 * `npm run bench`: every benchmark, one after the other, each printing its own table.
 *   turn cost     our turns against a bare botbuilder echo turn (bench/turn-cost.bench.ts)
 *   delivery      a broadcast to 12,000 recipients through the outbox (bench/delivery.bench.ts)
 *   networks      one announcement to a network of 2,000 members (bench/networks-announcement.bench.ts)
 *   signups       sign-up latency and throughput at list sizes 0-12,000 (bench/signups.bench.ts)
 *   start         start to a healthy /healthz against a bare botbuilder + teams-ai + restify (bench/start.bench.ts)
 * Extra arguments go to every benchmark (e.g. `npm run bench -- --recipients 2000`).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsx = resolve(root, 'node_modules', '.bin', 'tsx');
const only = process.env.BENCH_ONLY?.split(',');
const benches = [
  ['turn cost', 'bench/turn-cost.bench.ts', []],
  ['delivery', 'bench/delivery.bench.ts', process.argv.slice(2)],
  ['networks', 'bench/networks-announcement.bench.ts', []],
  ['signups', 'bench/signups.bench.ts', []],
  ['start', 'bench/start.bench.ts', []],
].filter(([name]) => !only || only.includes(name.split(' ')[0]));

let failed = 0;
for (const [name, file, args] of benches) {
  process.stdout.write(`\n=== ${name}: ${file} ${args.join(' ')}\n`);
  const result = spawnSync(tsx, [file, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
