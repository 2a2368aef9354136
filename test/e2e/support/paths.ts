import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');

/** Child process logs land here (gitignored) so a failed CI run can be read afterwards. */
export function logFile(name: string): string {
  return resolve(repoRoot, 'test-results', 'e2e', `${name}.log`);
}

/**
 * Screenshots land here (gitignored), never in docs/: a test run leaves the work tree clean.
 * `npm run screenshots` (scripts/screenshots.mjs) copies the ones docs/screenshots/ holds over them.
 */
export function screenshotFile(name: string): string {
  return resolve(repoRoot, 'test-results', 'screenshots', name);
}
