import { resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../..');

/** Child process logs land here (gitignored) so a failed CI run can be read afterwards. */
export function logFile(name: string): string {
  return resolve(repoRoot, 'test-results', 'e2e', `${name}.log`);
}
