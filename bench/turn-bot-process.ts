/**
 * A bot under test in a process of its own (`echo` or `panelbot`), so its CPU time can be read apart
 * from the client that drives it and the fake connector that takes its replies. The parent asks over
 * IPC for the CPU time used so far, and may start and stop a CPU profile of this process.
 *
 *   fork('bench/turn-bot-process.ts', ['echo' | 'panelbot'], { execArgv: ['--import', 'tsx'] })
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEchoBot, startPanelbot, type BotUnderTest } from './signup-turns';
import { summariseProfile, type ProfileSummary } from './cpu-profile-summary';

export type BotKind = 'echo' | 'panelbot';
export type BotCommand =
  { cmd: 'cpu' } | { cmd: 'profileStart' } | { cmd: 'profileStop'; saveTo?: string } | { cmd: 'stop' };
export type BotRequest = BotCommand & { id: number };
export interface CpuReading {
  /** process.cpuUsage(): user and system µs of every thread of this process (GC helpers included). */
  user: number;
  system: number;
}
export type BotReply =
  | { ready: true; url: string; pid: number }
  | { id: number; cpu: CpuReading }
  | { id: number; profile: ProfileSummary }
  | { id: number; done: true };

const session = new Session();
const inspect = <T>(method: string, params?: object) =>
  new Promise<T>((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );

async function main() {
  const kind = process.argv[2] as BotKind;
  const dataDir = mkdtempSync(join(tmpdir(), `panelbot-turn-${kind}-`));
  const bot: BotUnderTest = kind === 'echo' ? await startEchoBot() : await startPanelbot(dataDir);
  const reply = (m: BotReply) => process.send?.(m);
  process.on('message', (m: BotRequest) => {
    void (async () => {
      if (m.cmd === 'cpu') return reply({ id: m.id, cpu: process.cpuUsage() });
      if (m.cmd === 'profileStart') {
        session.connect();
        await inspect('Profiler.enable');
        await inspect('Profiler.setSamplingInterval', { interval: 200 });
        await inspect('Profiler.start');
        return reply({ id: m.id, done: true });
      }
      if (m.cmd === 'profileStop') {
        const { profile } = await inspect<{ profile: Profiler.Profile }>('Profiler.stop');
        session.disconnect();
        if (m.saveTo) writeFileSync(m.saveTo, JSON.stringify(profile));
        return reply({ id: m.id, profile: summariseProfile(profile) });
      }
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
      reply({ id: m.id, done: true });
      process.exit(0);
    })();
  });
  reply({ ready: true, url: bot.url, pid: process.pid });
}

void main();
