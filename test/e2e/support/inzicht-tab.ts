import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { seedPanelYear } from '../../../scripts/lib/inzicht-seed';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { LocalTokenIssuer } from '../../support/local-token-issuer';
import { TestBot } from '../../support/test-bot';
import { findChromium } from '../../../scripts/chromium';
import { FakeTeamsHost } from './fake-teams-host';
import { screenshotFile } from './paths';

/**
 * The Inzicht tab in headless Chromium, framed by a fake Teams host that answers teams-js (SSO token from
 * the local test issuer). The bot runs in this process on the SQLite store with a seeded year.
 */
export class InzichtTab {
  private constructor(
    readonly bot: TestBot,
    private readonly issuer: LocalTokenIssuer,
    private readonly host: FakeTeamsHost,
    private readonly browser: Browser,
  ) {}

  static async start(orgPatch?: (raw: OrgFile) => void): Promise<InzichtTab> {
    const issuer = await LocalTokenIssuer.start();
    const bot = await TestBot.start({ env: issuer.env, orgPatch });
    await seedPanelYear(bot.deps.store, bot.clock, () => bot.runtime.inzicht.figures.fold(true));
    const host = await FakeTeamsHost.start();
    const c = findChromium();
    const browser = await chromium.launch({
      executablePath: c.executablePath,
      args: c.args,
      env: c.env,
      headless: true,
    });
    return new InzichtTab(bot, issuer, host, browser);
  }

  /** The tab as `oid` sees it in a Teams client with this theme and locale, once its heading shows. */
  async open(oid: string, theme: 'default' | 'dark' | 'contrast', locale = 'nl-NL'): Promise<[Page, Frame]> {
    // The token is valid from the bot's clock; the browser runs on real time, which does not matter to it.
    const token = await this.issuer.token({ oid }, this.bot.clock.now());
    const page = await this.browser.newPage({
      viewport: { width: 1280, height: 6000 },
      colorScheme: theme === 'dark' ? 'dark' : 'light',
    });
    const tabUrl = `${this.bot.url}/inzicht/?period=2026`;
    await page.goto(this.host.host({ token, theme, locale, tabUrl }));
    await page.frameLocator('#tab').locator('h1').first().waitFor({ timeout: 30_000 });
    const frame = page.frames().find((x) => x.url().startsWith(this.bot.url));
    if (!frame) throw new Error('tab frame not found');
    return [page, frame];
  }

  /** A full-page screenshot; docs/screenshots holds the reviewed copies, and the test refreshes them. */
  async shoot(page: Page, name: string): Promise<void> {
    const file = screenshotFile(name);
    mkdirSync(dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    copyFileSync(file, `docs/screenshots/${name}`);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await this.host.stop();
    await this.bot.stop();
    await this.issuer.stop();
  }
}
