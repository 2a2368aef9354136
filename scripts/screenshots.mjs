#!/usr/bin/env node
/**
 * `npm run screenshots`: refreshes docs/screenshots/ from an end-to-end run.
 *
 * The end-to-end tests write their screenshots to test-results/screenshots/ (gitignored), so `npm test` leaves
 * the work tree clean. This runs the end-to-end project, then copies over every file docs/screenshots/ already
 * holds: those are the ones the docs use. A new screenshot enters the docs by copying it there once by hand.
 *
 *   npm run screenshots                       # run the end-to-end tests, then copy
 *   npm run screenshots -- --from-last-run    # copy what the last run left in test-results/screenshots/
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const docs = resolve(root, 'docs', 'screenshots');
const results = resolve(root, 'test-results', 'screenshots');
const fromLastRun = process.argv.includes('--from-last-run');

if (!fromLastRun) {
  const { findChromium } = await tsImport('./chromium.ts', import.meta.url);
  console.log(`=== ${findChromium().describe}`);
  rmSync(results, { recursive: true, force: true }); // nothing stale from an earlier run gets copied
  const run = spawnSync(
    resolve(root, 'node_modules', '.bin', 'jest'),
    ['--runInBand', '--selectProjects', 'e2e'],
    { cwd: root, stdio: 'inherit' },
  );
  if (run.status !== 0) {
    console.error('\nThe end-to-end tests failed: docs/screenshots/ left as it was.');
    process.exit(run.status || 1);
  }
}

const pngs = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.png'))
        .sort()
    : [];
const wanted = pngs(docs);
const taken = new Set(pngs(results));
const missing = wanted.filter((f) => !taken.has(f));
for (const file of wanted.filter((f) => taken.has(f))) {
  copyFileSync(resolve(results, file), resolve(docs, file));
  console.log(`docs/screenshots/${file} <- test-results/screenshots/${file}`);
}
for (const file of [...taken].filter((f) => !wanted.includes(f))) {
  console.log(
    `not in the docs: test-results/screenshots/${file} (copy it to docs/screenshots/ to publish it)`,
  );
}
if (missing.length) {
  console.error(
    `\nNo screenshot taken for: ${missing.join(', ')}. A test that took it was removed or renamed it; update docs/screenshots/.`,
  );
  process.exit(1);
}
console.log('\nReview with `git diff --stat docs/screenshots` and look at the images before committing.');
