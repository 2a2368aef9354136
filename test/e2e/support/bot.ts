/** Runs the real bot (src/index.ts through tsx) as a child, on a free port with a fresh data folder, auth off (LOCAL_NO_AUTH). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnNode, waitForHttp, type ManagedProcess } from './processes';
import { openCalendarOrgFile } from '../../support/open-calendar';
import { logFile, repoRoot } from './paths';

export interface RunningBot {
  port: number;
  url: string;
  dataDir: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Settings that would switch on auth or cloud storage must not leak in from the developer's shell. */
const CLOUD_SETTINGS = [
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppTenantId',
  'MicrosoftAppType',
  'STORAGE',
  'COSMOS_ENDPOINT',
  'COSMOS_KEY',
  'PUBLIC_BASE_URL',
  'LINK_SIGNING_SECRET',
  'WEBSITE_SITE_NAME',
];

export async function startBot(
  opts: { env?: Record<string, string>; name?: string; orgSource?: string } = {},
): Promise<RunningBot> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-e2e-'));
  // The demo organisation, open at every hour: the bot runs on the real clock (docs/calendar.md).
  const orgFile = openCalendarOrgFile(dataDir, opts.orgSource);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    ORG_CONFIG: orgFile,
    LOG_LEVEL: 'info',
    // Auth off is only allowed behind the explicit local switch (docs/security.md, finding 2).
    LOCAL_NO_AUTH: opts.env?.MicrosoftAppId ? '' : '1',
    ...opts.env,
  };
  for (const key of CLOUD_SETTINGS) if (!opts.env?.[key]) delete env[key];
  const proc = spawnNode('bot', ['--import', 'tsx', 'src/index.ts'], {
    cwd: repoRoot,
    env,
    logFile: logFile(opts.name ?? 'bot'),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/readyz`, { timeoutMs: 45_000, status: 200, proc });
  } catch (err) {
    await proc.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    url,
    dataDir,
    process: proc,
    async stop() {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
