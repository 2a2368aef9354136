/**
 * Where the delivery process allocates per message (issue #17): V8's sampling heap profiler, counting
 * objects already collected too, over a fixed number of sends in a child process; the fake connector runs
 * in this (parent) process so its allocations do not count.
 *
 *   npx tsx bench/send-allocation.bench.ts [--mode sender|engine] [--sends 3000] [--rate 2000] [--promoted]
 *
 * `sender`: BotProactiveSender.send in 16 lanes, no store. `engine`: one broadcast through the real
 * delivery engine on SQLite. Prints bytes allocated per send, grouped by package or source file (the
 * innermost frame that is not Node's own), and the number of scavenges and mark-compacts per 1,000 sends.
 * `--promoted`: only what outlived the scavenges (moved to the old generation): the bytes that pile up
 * until V8's next mark-compact, which is what sets the process's peak. `--rate`: the engine's sends per
 * second (at the delivery benchmark's 50/s items wait for their token as they do there).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { FakeConnector } from '../test/support/fake-connector';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};

export interface AllocationTask {
  mode: 'sender' | 'engine';
  sends: number;
  connectorUrl: string;
  /** Engine mode: the app limiter's rate. */
  rate: number;
  /** Count only objects that survived the young generation. */
  promoted: boolean;
}

export interface AllocationReport {
  sends: number;
  bytesPerSend: number;
  byWhere: Array<[string, number]>;
  scavengesPer1000: number;
  markCompactsPer1000: number;
}

async function main(): Promise<void> {
  const connector = await FakeConnector.start({ keepBodies: false });
  const task: AllocationTask = {
    mode: option('mode', 'sender') as AllocationTask['mode'],
    sends: Number(option('sends', '3000')),
    connectorUrl: connector.url,
    rate: Number(option('rate', '2000')),
    promoted: args.includes('--promoted'),
  };
  const child = fork(join(__dirname, 'send-allocation-worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const report = await new Promise<AllocationReport>((resolve, reject) => {
    child.once('message', (m: AllocationReport) => resolve(m));
    child.once('exit', (code) => code !== 0 && reject(new Error(`worker exited ${code}`)));
    child.send(task);
  });
  await connector.stop();
  const kb = (b: number) => (b / 1024).toFixed(1);
  const what = task.promoted ? 'promoted (outlived the young generation)' : 'allocated';
  console.log(`\n${task.mode}: ${report.sends} sends, ${kb(report.bytesPerSend)} KB ${what} per send`);
  console.log(
    `GC per 1,000 sends: ${report.scavengesPer1000.toFixed(1)} scavenges, ` +
      `${report.markCompactsPer1000.toFixed(2)} mark-compacts\n`,
  );
  console.log('| where | KB per send | share |\n|---|---:|---:|');
  for (const [where, bytes] of report.byWhere.slice(0, 20)) {
    console.log(`| ${where} | ${kb(bytes)} | ${((bytes / report.bytesPerSend) * 100).toFixed(1)} % |`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
