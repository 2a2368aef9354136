#!/usr/bin/env node
/**
 * `npm test`: type check, lint, unit tests, then the end-to-end tests in headless Chromium, and alongside
 * both the conversation and service tests again on a Cosmos test server (jest project unit-cosmos).
 * Stops at the first failing step and exits with its code. Extra arguments go to both jest runs (before --selectProjects, which takes a list).
 * SKIP_E2E=1 leaves out the end-to-end step (it says so; it does not pretend they passed); the Cosmos pass
 * then runs on its own. SKIP_COSMOS=1 leaves out the Cosmos pass (it says so too).
 * The end-to-end step says which Chromium it drives (scripts/chromium.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);
const done = [];
/** The Cosmos pass while it runs in the background (see below); a failing step stops it. */
let background;

function step(name, command, args) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const code = result.status ?? (result.signal ? 1 : 0);
  if (result.error) console.error(result.error.message);
  if (code !== 0 || result.error) finish(code || 1, `${name} failed`);
  done.push(name);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const reports = [];

/** Jest writes a JSON summary per run; the closing line adds them up so CI can read one count. */
function jestReport(name) {
  const file = resolve(tmpdir(), `panelbot-jest-${process.pid}-${name}.json`);
  reports.push(file);
  return ['--json', `--outputFile=${file}`];
}

function countReports() {
  for (const file of reports) {
    if (!existsSync(file)) continue;
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    rmSync(file, { force: true });
  }
}

function finish(code, why) {
  // A failing step ends the run: the background Cosmos pass goes with it.
  background?.kill('SIGTERM');
  countReports();
  console.log(`\n=== npm test: ${why} (done: ${done.join(', ') || 'nothing'})`);
  console.log(
    `Tests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
  );
  process.exit(code);
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);

const eslintConfigs = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts'];
if (eslintConfigs.some((f) => existsSync(resolve(root, f)))) step('lint', bin('eslint'), ['src', 'test']);
else console.log('\n=== lint: skipped (no eslint.config.* yet)');

// One layout for everyone: a file prettier would change fails here; `npm run format` fixes it.
step('format', bin('prettier'), [
  '--check',
  '--log-level',
  'warn',
  'src/**/*.{ts,json}',
  'test/**/*.ts',
  'bench/**/*.ts',
  'scripts/**/*.{ts,mjs}',
]);

/**
 * The conversation and service tests on Cosmos, started in the background beside the unit and end-to-end
 * steps, so on two cores the passes share the machine instead of queueing. Its output goes
 * to a file (a pipe would fill while spawnSync blocks this process) and is printed whole when it ends.
 */
function startCosmosPass() {
  if (process.env.SKIP_COSMOS === '1') {
    console.log('\n=== unit tests on Cosmos: SKIPPED (SKIP_COSMOS=1)');
    return Promise.resolve('skipped');
  }
  const args = [...extra, ...jestReport('unit-cosmos'), '--maxWorkers=1', '--selectProjects', 'unit-cosmos'];
  console.log(`\n=== unit tests on Cosmos (in the background): jest ${args.join(' ')}`);
  const started = Date.now();
  const log = resolve(tmpdir(), `panelbot-jest-${process.pid}-unit-cosmos.log`);
  const fd = openSync(log, 'w');
  background = spawn(bin('jest'), args, { cwd: root, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return new Promise((done) =>
    background.on('close', (code, signal) => {
      background = undefined;
      console.log(`\n=== unit tests on Cosmos: output (${Math.round((Date.now() - started) / 1000)} s)`);
      process.stdout.write(readFileSync(log));
      rmSync(log, { force: true });
      done(code === 0 && !signal ? 'passed' : 'failed');
    }),
  );
}

async function awaitCosmosPass(pass) {
  const result = await pass;
  if (result === 'failed') finish(1, 'unit tests on Cosmos failed');
  if (result === 'passed') done.push('unit tests on Cosmos');
}

// On two cores jest gives the unit step one worker: the Cosmos pass (one worker too) takes the other core
// from the start instead of queueing behind it, and the end-to-end step follows the unit step.
const cosmosPass = startCosmosPass();
step('unit tests', bin('jest'), [...extra, ...jestReport('unit'), '--selectProjects', 'unit']);

if (process.env.SKIP_E2E === '1') {
  await awaitCosmosPass(cosmosPass);
  finish(0, 'passed; end-to-end tests SKIPPED (SKIP_E2E=1)');
}

// scripts/chromium.ts picks CHROMIUM_PATH, the system's /usr/bin/chromium, or the one in @sparticuz/chromium (unpacked once).
try {
  const { findChromium } = await tsImport('./chromium.ts', import.meta.url);
  console.log(`\n=== ${findChromium().describe}`);
} catch (err) {
  console.error(`\n${err.message}`);
  finish(1, 'end-to-end tests could not run');
}
step('end-to-end tests', bin('jest'), [
  ...extra,
  ...jestReport('e2e'),
  '--runInBand',
  '--selectProjects',
  'e2e',
]);
await awaitCosmosPass(cosmosPass);
finish(0, 'all steps passed');
