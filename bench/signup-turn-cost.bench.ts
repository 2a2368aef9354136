/**
 * Issue #17's turn goal, measured so that other load on the machine matters less: a sign-up click
 * (Action.Execute `kennisatelier.signUp` over HTTP to the whole bot, SQLite, logging off, each click a
 * new person) against a bare botbuilder echo turn, each bot in a process of its own, driven by this one.
 *
 *   npx tsx bench/signup-turn-cost.bench.ts [--turns 1000] [--in-flight 32] [--rounds 3] [--blocks 10]
 *        [--profile [--profile-file click.cpuprofile]] [--perf] [--in-process]
 *
 * Per round both bots start and warm up, then take the round's turns in `--blocks` blocks that
 * alternate between them (so the load of the moment falls on both alike); the figures are the median
 * over rounds:
 *   CPU µs/turn   user + system CPU time of the bot process over the measured turns ÷ turns
 *   turns/s @N    wall-clock throughput with N in flight (noisy on a shared machine)
 *   instr/turn    instructions the bot process executed (perf stat; with --perf, where allowed)
 * `--profile` adds a CPU profile of the click's measured turns (a separate run: profiling slows it).
 * `--in-process` also runs the original definition (bench/signup-turns.ts: client and bot in one process).
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { FakeConnector } from '../test/support/fake-connector';
import { profileTables } from './cpu-profile-summary';
import { echoTurnsPerSecond, signUpTurnsPerSecond } from './signup-turns';
import { measurePaired, measureTurns, perfAvailable, type TurnMeasurement } from './turn-cpu';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '1000' },
    'in-flight': { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    blocks: { type: 'string', default: '10' },
    profile: { type: 'boolean', default: false },
    'profile-file': { type: 'string' },
    perf: { type: 'boolean', default: false },
    'in-process': { type: 'boolean', default: false },
  },
});
const turns = Number(values.turns);
const inFlight = Number(values['in-flight']);
const rounds = Number(values.rounds);
const blocks = Number(values.blocks);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const connector = await FakeConnector.start({ keepBodies: false });
  const perf = values.perf && perfAvailable();
  if (values.perf && !perf) out('perf stat -e instructions is not available here: no instruction counts.');
  const options = { turns, inFlight, connectorUrl: connector.url, perf };
  try {
    const echo: TurnMeasurement[] = [];
    const click: TurnMeasurement[] = [];
    for (let round = 0; round < rounds; round++) {
      if (perf) {
        // perf counts one process at a time: one bot after the other.
        const order = round % 2 ? (['panelbot', 'echo'] as const) : (['echo', 'panelbot'] as const);
        for (const kind of order) (kind === 'echo' ? echo : click).push(await measureTurns(kind, options));
      } else {
        const paired = await measurePaired({ ...options, blocks });
        echo.push(paired.echo);
        click.push(paired.click);
      }
    }
    const row = (name: string, ms: TurnMeasurement[]) => {
      const instr = ms.every((m) => m.instructionsPerTurn !== undefined)
        ? `${(median(ms.map((m) => m.instructionsPerTurn!)) / 1e6).toFixed(2)} M`
        : '–';
      return (
        `| ${name.padEnd(42)} | ${median(ms.map((m) => m.cpuMicrosPerTurn))
          .toFixed(0)
          .padStart(11)} | ` +
        `${median(ms.map((m) => m.perSecond))
          .toFixed(0)
          .padStart(10)} | ${instr.padStart(10)} |`
      );
    };
    out(`Sign-up click against a bare echo turn: ${turns} turns, ${inFlight} in flight, median of ${rounds}`);
    out(
      `rounds, each bot in its own process, in alternating blocks; Node ${process.version}, load ${loadNow()}`,
    );
    out(
      `| turn                                       | CPU µs/turn | turns/s @${String(inFlight).padEnd(2)}| instr/turn |`,
    );
    out('|--------------------------------------------|------------:|-----------:|-----------:|');
    out(row('bare botbuilder echo (message → reply)', echo));
    out(row('Panelbot sign-up click (Action.Execute)', click));
    const cpuRatio =
      median(click.map((m) => m.cpuMicrosPerTurn)) / median(echo.map((m) => m.cpuMicrosPerTurn));
    const rateRatio = median(echo.map((m) => m.perSecond)) / median(click.map((m) => m.perSecond));
    out();
    out(`CPU time per turn, click ÷ echo: ${cpuRatio.toFixed(2)}×`);
    out(`throughput @${inFlight}, echo ÷ click (separate processes): ${rateRatio.toFixed(2)}×`);
    out(
      `per round (CPU ratio): ${echo.map((e, i) => (click[i]!.cpuMicrosPerTurn / e.cpuMicrosPerTurn).toFixed(2)).join(', ')}`,
    );
    if (values['in-process']) {
      const e = await echoTurnsPerSecond(turns, inFlight);
      const c = await signUpTurnsPerSecond(turns, inFlight);
      out(
        `throughput @${inFlight}, echo ÷ click (one process, bench/signup-turns.ts): ` +
          `${e.toFixed(0)} / ${c.toFixed(0)} = ${(e / c).toFixed(2)}×`,
      );
    }
    if (values.profile) {
      const profiled = await measureTurns('panelbot', {
        ...options,
        perf: false,
        profile: true,
        profileFile: values['profile-file'],
      });
      out();
      out(profileTables(profiled.profile!, turns));
    }
  } finally {
    await connector.stop();
  }
}

const loadNow = () => loadavg()[0]!.toFixed(1);

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
