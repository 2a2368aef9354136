/**
 * Start: from `npm start`'s command (`node` with its flags, `lib/index.js`) to a healthy `/healthz`,
 * against a bare process that loads botbuilder, teams-ai and restify and serves `/healthz` — measured
 * alternately in the same run on the same machine.
 *
 *   npx tsx bench/start.bench.ts [--runs 7] [--no-build]
 *
 * Panelbot runs as locally: embedded SQLite store in a temporary folder, the demo organisation, no Graph.
 * The ratio (median Panelbot / median baseline) is the figure; absolute times depend on the machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFlags } from '../test/support/start-flags';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, 'no-build': { type: 'boolean', default: false } },
});
const runs = Number(values.runs);
const root = resolve(__dirname, '..');

const baseline = `
require('botbuilder');
require('@microsoft/teams-ai');
const restify = require('restify');
const server = restify.createServer();
server.get('/healthz', (_req, res, next) => { res.send(200, { ok: true }); next(); });
server.listen(Number(process.env.PORT), '127.0.0.1');
`;

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Milliseconds from spawn to the first 200 from /healthz; then the process is stopped. */
async function timeToHealthy(args: string[], env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode}: ${stderr.slice(0, 500)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main(): Promise<void> {
  if (!values['no-build']) {
    const built = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (built.status !== 0) throw new Error('build failed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'start-bench-'));
  const baselineFile = join(dir, 'baseline.cjs');
  writeFileSync(baselineFile, baseline);
  const panelbotEnv = {
    LOCAL_NO_AUTH: '1',
    ORG_CONFIG: join(root, 'config/org.demo.json'),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
  };
  const times = { baseline: [] as number[], panelbot: [] as number[] };
  try {
    // Alternating, so a busy moment of the machine falls on both.
    for (let i = 0; i < runs; i++) {
      times.baseline.push(await timeToHealthy([baselineFile], { NODE_PATH: join(root, 'node_modules') }));
      times.panelbot.push(await timeToHealthy([...startFlags(), join(root, 'lib/index.js')], panelbotEnv));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const b = median(times.baseline);
  const p = median(times.panelbot);
  console.log(`runs: ${runs} each, alternating; median time from spawn to a healthy /healthz`);
  console.log(`baseline (botbuilder + teams-ai + restify): ${b.toFixed(0)} ms`);
  console.log(`panelbot (SQLite, demo organisation):        ${p.toFixed(0)} ms`);
  console.log(`ratio: ${(p / b).toFixed(2)}× (goal ≤ 1.5×)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
