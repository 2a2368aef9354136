/** The Microsoft 365 Agents Playground as a child process, acting as one demo persona from the org file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  writePlaygroundConfig,
  type Persona,
  type PlaygroundConfig,
} from '../../../scripts/playground-config';
import { logFile, repoRoot } from './paths';
import { freePort, spawnNode, waitForHttp, type ManagedProcess } from './processes';

export interface RunningPlayground {
  port: number;
  url: string;
  persona: Persona;
  config: PlaygroundConfig;
  process: ManagedProcess;
  /**
   * Sends an activity as if from the Playground's client (POST /_internal/v1/customActivities), starting
   * from the Playground's own template for the conversation (personal chat by default).
   */
  injectActivity(activity: Record<string, unknown>, conversationId?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlayground(opts: {
  botUrl: string;
  persona: Persona;
  /** The organisation file whose people play the personas (relative to the repo); the demo one by default. */
  orgPath?: string;
}): Promise<RunningPlayground> {
  const dir = mkdtempSync(join(tmpdir(), 'panelbot-playground-'));
  const configFile = join(dir, `${opts.persona}.yml`);
  const config = writePlaygroundConfig({
    orgPath: join(repoRoot, opts.orgPath ?? 'config/org.demo.json'),
    persona: opts.persona,
    outFile: configFile,
  });
  const requested = await freePort();
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
  };
  const cli = join(repoRoot, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  const args = [
    cli,
    '-e',
    `${opts.botUrl}/api/messages`,
    '-c',
    'msteams',
    '-p',
    String(requested),
    '--disable-telemetry',
  ];
  const proc = spawnNode('playground', args, {
    cwd: dir,
    env,
    logFile: logFile(`playground-${opts.persona}`),
  });
  let port: number;
  try {
    // It silently takes a random port when the requested one was grabbed meanwhile: believe what it prints.
    port = Number((await proc.waitForOutput(/Listening on (\d+)/, 30_000))[1]);
    await waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 15_000, status: 200, proc });
  } catch (err) {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const base = `http://127.0.0.1:${port}`;

  return {
    port,
    url: `http://localhost:${port}`,
    persona: opts.persona,
    config,
    process: proc,
    async injectActivity(activity, conversationId = config.personalChat.id) {
      const tplRes = await fetch(
        `${base}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
      );
      if (!tplRes.ok)
        throw new Error(
          `Playground template for ${conversationId}: HTTP ${tplRes.status} ${await tplRes.text()}`,
        );
      const template = (await tplRes.json()) as Record<string, unknown>;
      const from = { ...(template.from as object), name: config.currentUser.name };
      const body = { ...template, from, ...activity };
      const res = await fetch(`${base}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`Playground customActivities: HTTP ${res.status} ${await res.text()}`);
    },
    async stop() {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
