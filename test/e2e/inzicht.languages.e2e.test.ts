/**
 * The Inzicht tab of Genova's organisation file read by an Italian Teams client, in headless Chromium
 * framed by the fake Teams host: every heading, caption and row label in Italian, none of Rotterdam's words.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { seedPanelYear } from '../../scripts/lib/inzicht-seed';
import { exampleOrg, rotterdamWords } from '../support/example-org';
import { LocalTokenIssuer } from '../support/local-token-issuer';
import { TestBot } from '../support/test-bot';
import { findChromium, screenshotFile } from './support';
import { FakeTeamsHost } from './support/fake-teams-host';

const programmateam = 'c9a78620-4a22-4040-8370-b6cc5da2cc98'; // Genova's example file

describe('Inzicht tab for Genova in Italian', () => {
  let issuer: LocalTokenIssuer;
  let bot: TestBot;
  let host: FakeTeamsHost;
  let browser: Browser;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.start();
    bot = await TestBot.start({ env: issuer.env, orgPatch: exampleOrg('genova') });
    await seedPanelYear(bot.deps.store, bot.clock, () => bot.runtime.inzicht.figures.fold(true));
    host = await FakeTeamsHost.start();
    const c = findChromium();
    browser = await chromium.launch({ executablePath: c.executablePath, args: c.args, env: c.env });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await bot?.stop();
    await issuer?.stop();
  });

  it('shows the sections, figures and tables in Italian', async () => {
    const token = await issuer.token({ oid: programmateam }, bot.clock.now());
    const page = await browser.newPage({ viewport: { width: 1280, height: 6000 } });
    const tabUrl = `${bot.url}/inzicht/?period=2026`;
    await page.goto(host.host({ token, theme: 'default', locale: 'it-IT', tabUrl }));
    await page.frameLocator('#tab').locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });
    const tab = page.frames().find((x) => x.url().startsWith(bot.url));
    if (!tab) throw new Error('tab frame not found');

    await expect(tab.locator('h2').allTextContents()).resolves.toEqual([
      'Laboratori',
      'Sondaggi e soddisfazione',
      'Contatti riservati',
      'Reti',
      'Incontro di indirizzo',
    ]);
    await expect(tab.locator('#figure-kennisatelier-perAtelier caption').textContent()).resolves.toBe(
      'Per laboratorio',
    );
    await expect(
      tab.locator('#figure-kennisatelier-perAtelier thead th').allTextContents(),
    ).resolves.toContain('Laboratorio del 17/02/2026');
    await expect(
      tab.locator('#figure-sturingsgesprek-completion tbody th').first().textContent(),
    ).resolves.toBe('Tutte le direzioni');
    const text = (await tab.locator('body').innerText()).split('\n');
    expect(text.filter((line) => rotterdamWords.genova.test(line) || line.includes('{@'))).toEqual([]);

    const file = screenshotFile('inzicht-genova-it.png');
    mkdirSync(dirname(file), { recursive: true });
    await page.screenshot({ path: file, fullPage: true });
    copyFileSync(file, 'docs/screenshots/inzicht-genova-it.png');
    await page.close();
  });
});
