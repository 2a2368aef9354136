/**
 * Loaded before every end-to-end test file (jest.config.js, project e2e). A project cannot set jest's
 * testTimeout, and the default 5 s is far too short to start a bot, a Playground and Chromium. The
 * afterAll runs after each file's own hooks: nothing a failed start left behind keeps jest from exiting.
 */
import { closeAll } from './client';

jest.setTimeout(120_000);

afterAll(async () => {
  await closeAll();
}, 30_000);
