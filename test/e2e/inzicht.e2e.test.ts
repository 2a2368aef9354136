/** The Inzicht tab in headless Chromium, framed by a fake Teams host (test/e2e/support/inzicht-tab.ts). */
import { readFileSync } from 'node:fs';
import { InzichtTab } from './support/inzicht-tab';

const sanne = '7a11e1b0-0000-4000-8000-000000000001'; // programmateam
const medewerker = '7a11e1b0-0000-4000-8000-0000000000ff';
const figureIds = [
  'kennisatelier-trend',
  'kennisatelier-perAtelier',
  'polls-satisfaction',
  'polls-satisfactionPerAtelier',
  'polls-response',
  'contact-topic',
  'contact-channel',
  'contact-referral',
  'networks-members',
  'networks-announcements',
  'networks-rsvps',
  'sturingsgesprek-completion',
  'sturingsgesprek-doorbraken',
  'sturingsgesprek-resistance',
];

describe('Inzicht tab in a browser', () => {
  let rig: InzichtTab;
  beforeAll(async () => {
    rig = await InzichtTab.start();
  });
  afterAll(async () => rig?.stop());

  it('shows the programmateam every chart with data and its table, light and dark', async () => {
    for (const theme of ['default', 'dark'] as const) {
      const [page, frame] = await rig.open(sanne, theme);
      await frame.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
      for (const id of figureIds) {
        const card = frame.locator(`#figure-${id}`);
        await expect(card.locator('svg').first().count()).resolves.toBeGreaterThan(0);
        await expect(card.locator('table tbody tr').count()).resolves.toBeGreaterThan(0);
        // The chart has an accessible description (ECharts' aria), the table a caption.
        await expect(card.locator('.chart').getAttribute('aria-label')).resolves.toBeTruthy();
        await expect(card.locator('caption').textContent()).resolves.toBeTruthy();
      }
      const total = await frame
        .locator('#figure-contact-topic tbody tr')
        .last()
        .locator('td')
        .allTextContents();
      expect(total).toEqual(['7', '12', '<5', '≥5']);
      await expect(
        frame.locator('#figure-kennisatelier-perAtelier tbody tr').first().locator('td').allTextContents(),
      ).resolves.toEqual(['18', '16', '22', '9']);
      expect(await frame.evaluate('document.documentElement.dataset.theme')).toBe(theme);
      await rig.shoot(page, `inzicht-${theme === 'default' ? 'light' : 'dark'}.png`);
      await page.close();
    }
  });

  it('has no serious or critical accessibility violations (axe-core)', async () => {
    const [page, frame] = await rig.open(sanne, 'default');
    await frame.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    // Injected through the test driver, not the page: the tab's CSP rightly refuses foreign scripts.
    await frame.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const result = (await frame.evaluate('axe.run(document)')) as {
      violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
    };
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
    await page.close();
  });

  it('shows a medewerker the refusal page and no figure', async () => {
    const [page, frame] = await rig.open(medewerker, 'default');
    const alert = frame.locator('[role="alert"]');
    await alert.waitFor();
    await expect(alert.locator('h1').textContent()).resolves.toMatch(/programmateam/);
    expect(await frame.locator('table').count()).toBe(0);
    expect(await frame.content()).not.toMatch(/<5|Uitsluiting/);
    await page.setViewportSize({ width: 1280, height: 480 });
    await rig.shoot(page, 'inzicht-refusal.png');
    await page.close();
  });
});
