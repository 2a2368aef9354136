/**
 * Turns against a bot in a process of its own (bench/turn-bot-process.ts): throughput as the client
 * sees it, and the bot process's CPU time per turn, which other load on the machine barely changes
 * (wall-clock throughput on a shared 2-core machine does). Optionally a CPU profile of the measured
 * turns, and the instructions the bot process executed (`perf stat`, where the kernel allows it).
 */
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startFlags } from '../test/support/start-flags';
import type { ProfileSummary } from './cpu-profile-summary';
import { burst, echoTurn, prepareSignUps } from './signup-turns';
import type { BotCommand, BotKind, BotReply, CpuReading } from './turn-bot-process';

export interface TurnMeasurement {
  kind: BotKind;
  turns: number;
  perSecond: number;
  /** User + system CPU µs of the bot process per measured turn. */
  cpuMicrosPerTurn: number;
  /** Instructions the bot process executed per turn (perf stat), when available. */
  instructionsPerTurn?: number;
  profile?: ProfileSummary;
}

export interface MeasureOptions {
  turns: number;
  inFlight: number;
  /** Turns before the measured ones (JIT, caches, connection pools). */
  warmUp?: number;
  connectorUrl: string;
  profile?: boolean;
  /** Where to write the raw .cpuprofile (open it in Chrome DevTools). */
  profileFile?: string;
  perf?: boolean;
}

class BotProcess {
  private next = 1;
  private readonly waiting = new Map<number, (m: BotReply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly pid: number,
  ) {
    child.on('message', (m: BotReply) => {
      if ('id' in m) this.waiting.get(m.id)?.(m);
    });
  }

  static start(kind: BotKind): Promise<BotProcess> {
    // Both bots alike run with npm start's Node flags; BENCH_BOT_FLAGS gives others instead (e.g.
    // "--optimize-for-size", or "" for V8's defaults), to measure what they cost.
    const flags = (process.env.BENCH_BOT_FLAGS ?? startFlags().join(' ')).split(' ').filter(Boolean);
    const child = fork(join(__dirname, 'turn-bot-process.ts'), [kind], {
      execArgv: [...flags, '--import', 'tsx'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${kind} bot process exited (${code})`)));
      child.once('message', (m: BotReply) => {
        if ('ready' in m) resolve(new BotProcess(child, m.url, m.pid));
      });
    });
  }

  ask<R extends BotReply>(request: BotCommand): Promise<R> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, (m) => (this.waiting.delete(id), resolve(m as R)));
      this.child.send({ ...request, id });
    });
  }

  async cpu(): Promise<number> {
    const { cpu } = await this.ask<{ id: number; cpu: CpuReading }>({ cmd: 'cpu' });
    return cpu.user + cpu.system;
  }

  async stop(): Promise<void> {
    this.child.removeAllListeners('exit');
    const exited = new Promise((r) => this.child.once('exit', r));
    await this.ask({ cmd: 'stop' });
    await exited;
  }
}

/** True when `perf stat -e instructions` counts on this machine (it needs perf_event access). */
export function perfAvailable(): boolean {
  const r = spawnSync('perf', ['stat', '-x', ',', '-e', 'instructions', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+,/m.test(r.stderr);
}

/** Counts the instructions `pid` executes until the returned function is called. */
function countInstructions(pid: number): () => Promise<number | undefined> {
  const perf = spawn('perf', ['stat', '-x', ',', '-e', 'instructions', '-p', String(pid)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  perf.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return async () => {
    const done = new Promise((r) => perf.once('exit', r));
    perf.kill('SIGINT');
    await done;
    const found = /^(\d+),/m.exec(err);
    return found ? Number(found[1]) : undefined;
  };
}

/** Starts the bot, warms it up, then measures `turns` turns with `inFlight` at a time. */
export async function measureTurns(kind: BotKind, o: MeasureOptions): Promise<TurnMeasurement> {
  const bot = await BotProcess.start(kind);
  const warmUp = o.warmUp ?? 200;
  try {
    const signUps =
      kind === 'panelbot' ? await prepareSignUps(bot.url, o.connectorUrl, warmUp + o.turns) : undefined;
    const send = signUps?.click ?? echoTurn(bot.url, o.connectorUrl);
    for (let i = 0; i < warmUp; i++) await send(i);
    if (o.profile) await bot.ask({ cmd: 'profileStart' });
    const stopPerf = o.perf ? countInstructions(bot.pid) : undefined;
    const cpu0 = await bot.cpu();
    const perSecond = await burst(send, warmUp, o.turns, o.inFlight);
    const cpu1 = await bot.cpu();
    const instructions = await stopPerf?.();
    const profile = o.profile
      ? (
          await bot.ask<{ id: number; profile: ProfileSummary }>({
            cmd: 'profileStop',
            saveTo: o.profileFile,
          })
        ).profile
      : undefined;
    await signUps?.check(warmUp + o.turns);
    return {
      kind,
      turns: o.turns,
      perSecond,
      cpuMicrosPerTurn: (cpu1 - cpu0) / o.turns,
      instructionsPerTurn: instructions === undefined ? undefined : instructions / o.turns,
      profile,
    };
  } finally {
    await bot.stop();
  }
}

/**
 * The echo and the click in blocks that alternate (echo, click, click, echo, …), both bots warm and
 * running side by side: the load of the moment falls on both alike, which a run of one after a run of
 * the other does not give on a shared machine. CPU time and wall time are summed per kind over blocks.
 */
export async function measurePaired(
  o: MeasureOptions & { blocks: number },
): Promise<{ echo: TurnMeasurement; click: TurnMeasurement }> {
  const [echoBot, clickBot] = await Promise.all([BotProcess.start('echo'), BotProcess.start('panelbot')]);
  const warmUp = o.warmUp ?? 200;
  const perBlock = Math.ceil(o.turns / o.blocks);
  try {
    const signUps = await prepareSignUps(clickBot.url, o.connectorUrl, warmUp + perBlock * o.blocks);
    const runs = {
      echo: { bot: echoBot, send: echoTurn(echoBot.url, o.connectorUrl), next: 0, cpu: 0, ms: 0 },
      panelbot: { bot: clickBot, send: signUps.click, next: 0, cpu: 0, ms: 0 },
    };
    for (const run of Object.values(runs)) for (; run.next < warmUp; run.next++) await run.send(run.next);
    for (let b = 0; b < o.blocks; b++) {
      for (const kind of b % 2 ? (['panelbot', 'echo'] as const) : (['echo', 'panelbot'] as const)) {
        const run = runs[kind];
        const cpu0 = await run.bot.cpu();
        const perSecond = await burst(run.send, run.next, perBlock, o.inFlight);
        run.cpu += (await run.bot.cpu()) - cpu0;
        run.ms += (perBlock / perSecond) * 1000;
        run.next += perBlock;
      }
    }
    await signUps.check(runs.panelbot.next);
    const result = (kind: BotKind): TurnMeasurement => {
      const run = runs[kind];
      const turns = perBlock * o.blocks;
      return { kind, turns, perSecond: (turns / run.ms) * 1000, cpuMicrosPerTurn: run.cpu / turns };
    };
    return { echo: result('echo'), click: result('panelbot') };
  } finally {
    await Promise.all([echoBot.stop(), clickBot.stop()]);
  }
}
