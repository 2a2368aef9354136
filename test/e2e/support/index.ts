/**
 * End-to-end harness: the real bot as a child process, the Agents Playground as the Teams client, headless
 * Chromium driving it. Typical use:
 *
 *   const bot = await startBot();
 *   const me = await openClient(bot, 'medewerker');
 *   await me.say('help');
 *   await me.card('What can I do for you?');
 *   await me.close(); await bot.stop();
 *
 * jest-setup.ts (loaded for the e2e project) raises jest's timeout to 120 s and runs `closeAll()` after
 * each file, which also cleans up after a start that failed half-way.
 */
export { startBot, type RunningBot } from './bot';
export { closeAll, openClient, type TeamsClient } from './client';
export { findChromium } from '../../../scripts/chromium';
export { startPlayground, type RunningPlayground } from './playground';
export { repoRoot, screenshotFile } from './paths';
export { catalogues } from './catalogues';
