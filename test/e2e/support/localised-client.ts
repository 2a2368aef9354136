import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Persona } from '../../../scripts/playground-config';
import { startBot, type RunningBot } from './bot';
import { openClient, type TeamsClient } from './client';
import { dutchProxy } from './dutch-proxy';

export interface LocalisedSession {
  bot: RunningBot;
  client: TeamsClient;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * One organisation's bot and one persona in the Agents Playground whose Teams client speaks `locale`
 * (the Playground itself always says en-US; a proxy sets the locale on every activity). `seed` fills
 * the bot's data folder before it starts.
 */
export async function openLocalisedClient(opts: {
  name: string;
  org: string;
  locale: string;
  persona: Persona;
  seed?: (dataDir: string) => Promise<void>;
}): Promise<LocalisedSession> {
  const dataDir = mkdtempSync(join(tmpdir(), `panelbot-e2e-${opts.name}-`));
  await opts.seed?.(dataDir);
  const bot = await startBot({ env: { DATA_DIR: dataDir }, name: opts.name, orgSource: opts.org });
  const proxy = await dutchProxy(bot.url, opts.locale);
  const client = await openClient({ url: proxy.url }, opts.persona, { orgPath: opts.org });
  return {
    bot,
    client,
    dataDir,
    async stop() {
      await client.close();
      proxy.server.close();
      await bot.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
