/** One persona in the Playground, driven through headless Chromium like a person in Teams would. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { findChromium } from '../../../scripts/chromium';
import type { Persona } from '../../../scripts/playground-config';
import type { RunningBot } from './bot';
import { startPlayground, type RunningPlayground } from './playground';
import { stopAllProcesses } from './processes';

const COMPOSE_BOX = '[data-lexical-editor="true"]';
const CARD = '.ac-adaptiveCard';

export interface TeamsClient {
  readonly persona: Persona;
  readonly page: Page;
  readonly playground: RunningPlayground;
  /** Types into the compose box and presses Enter. */
  say(text: string): Promise<void>;
  /** Clicks a button by its accessible name; the last one on the page unless `within` narrows it. */
  clickButton(name: string | RegExp, within?: Locator): Promise<void>;
  /** Waits until the text is visible somewhere in the conversation and returns it. */
  waitForText(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** The last rendered Adaptive Card that contains `text` (waits for it). */
  card(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** PNG of the page, or of one element with some of its surroundings (for a card: the bot's name and avatar). */
  screenshot(path: string, target?: Locator): Promise<void>;
  injectActivity: RunningPlayground['injectActivity'];
  close(): Promise<void>;
}

const openClients = new Set<TeamsClient>();

/** Closes every client and stops every child process still running: safe in afterAll even after a failed start. */
export async function closeAll(): Promise<void> {
  await Promise.all([...openClients].map((c) => c.close().catch(() => undefined)));
  await stopAllProcesses();
}

export async function openClient(
  bot: Pick<RunningBot, 'url'>,
  persona: Persona,
  opts: { orgPath?: string } = {},
): Promise<TeamsClient> {
  const browser = findChromium(); // scripts/chromium.ts: CHROMIUM_PATH, /usr/bin/chromium, or @sparticuz/chromium
  const playground = await startPlayground({ botUrl: bot.url, persona, orgPath: opts.orgPath });
  const profile = mkdtempSync(join(tmpdir(), 'panelbot-chromium-'));
  let context: BrowserContext | undefined;
  try {
    // A persistent context on a fresh folder: a clean profile every run, nothing shared between personas.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      args: browser.args,
      env: browser.env,
      headless: true,
      viewport: { width: 1280, height: 1400 }, // tall: long cards fit in one screenshot,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(playground.url);
    await page.locator(COMPOSE_BOX).waitFor({ state: 'visible', timeout: 30_000 });
    const opened = client(persona, page, playground, async () => {
      openClients.delete(opened);
      await context?.close();
      await playground.stop();
      rmSync(profile, { recursive: true, force: true });
    });
    openClients.add(opened);
    return opened;
  } catch (err) {
    await context?.close().catch(() => undefined);
    await playground.stop();
    rmSync(profile, { recursive: true, force: true });
    throw err;
  }
}

function client(
  persona: Persona,
  page: Page,
  playground: RunningPlayground,
  close: () => Promise<void>,
): TeamsClient {
  const self: TeamsClient = {
    persona,
    page,
    playground,
    async say(text) {
      const box = page.locator(COMPOSE_BOX);
      await box.click();
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    },
    async clickButton(name, within) {
      await (within ?? page).getByRole('button', { name }).last().click();
    },
    async waitForText(text, timeoutMs = 15_000) {
      const found = page.getByText(text).last();
      await found.waitFor({ state: 'visible', timeout: timeoutMs });
      return found;
    },
    async card(text, timeoutMs = 15_000) {
      const found = page.locator(CARD).filter({ hasText: text }).last();
      await found.waitFor({ state: 'visible', timeout: timeoutMs });
      return found;
    },
    async screenshot(path, target) {
      mkdirSync(dirname(path), { recursive: true });
      await target?.scrollIntoViewIfNeeded();
      const box = target ? await target.boundingBox() : null;
      if (target && !box) throw new Error('screenshot: the element is not visible');
      const clip = box
        ? {
            x: Math.max(0, box.x - 72),
            y: Math.max(0, box.y - 32),
            width: box.width + 96,
            height: box.height + 56,
          }
        : undefined;
      await page.screenshot({ path, animations: 'disabled', ...(clip ? { clip } : {}) });
    },
    injectActivity: (activity, conversationId) => playground.injectActivity(activity, conversationId),
    close,
  };
  return self;
}
