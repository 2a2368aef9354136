/**
 * `npm run fuzz -- --minutes N [--seed S] [--payloads P]`: fuzzes the running bot (see
 * test/support/card-fuzzer.ts) and exits 1 on any 5xx answer or error-level log line. Prints the seed,
 * so a finding can be replayed with `--seed`.
 */
import { formatReport, fuzzBot } from '../test/support/card-fuzzer';

function arg(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : undefined;
  if (value !== undefined && !Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

async function main(): Promise<void> {
  const seed = arg('seed') ?? Math.floor(Math.random() * 2 ** 31);
  const payloads = arg('payloads');
  const minutes = arg('minutes') ?? (payloads ? undefined : 1);
  console.log(`fuzz: seed ${seed}, ${minutes ? `${minutes} min` : `${payloads} payloads`}`);
  let last = Date.now();
  const report = await fuzzBot({
    seed,
    minutes,
    payloads,
    progress: (n) => {
      if (Date.now() - last < 30_000) return;
      last = Date.now();
      console.log(`  ${n} payloads`);
    },
  });
  console.log(formatReport(report));
  process.exitCode = report.failures.length ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
