/**
 * The Node flags the bot runs with when deployed: those of `npm start`, which App Service's start command
 * repeats (test/infra/bicep.test.ts). Benchmarks and the bot cluster start their bot processes with them,
 * so a measurement meets the heap budget the deployed bot has (docs/delivery-memory.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `npm start`'s command line, as package.json has it. */
export function startCommand(): string {
  const manifest = readFileSync(join(__dirname, '../../package.json'), 'utf8');
  return (JSON.parse(manifest) as { scripts: { start: string } }).scripts.start;
}

export function startFlags(): string[] {
  const [command, ...words] = startCommand().trim().split(/\s+/);
  if (command !== 'node') throw new Error(`npm start does not run node: ${startCommand()}`);
  return words.filter((word) => word.startsWith('--'));
}
