/**
 * The Inzicht tab of Genova's organisation file read by an Italian Teams client, in headless Chromium
 * framed by the fake Teams host: every heading, caption and row label in Italian, none of Rotterdam's words.
 */
import { exampleOrg, rotterdamWords } from '../support/example-org';
import { InzichtTab } from './support/inzicht-tab';

const programmateam = 'c9a78620-4a22-4040-8370-b6cc5da2cc98'; // Genova's example file

describe('Inzicht tab for Genova in Italian', () => {
  let rig: InzichtTab;
  beforeAll(async () => {
    rig = await InzichtTab.start(exampleOrg('genova'));
  });
  afterAll(async () => rig?.stop());

  it('shows the sections, figures and tables in Italian', async () => {
    const [page, tab] = await rig.open(programmateam, 'default', 'it-IT');
    await page.frameLocator('#tab').locator('body[data-ready="true"]').waitFor({ timeout: 30_000 });

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

    await rig.shoot(page, 'inzicht-genova-it.png');
    await page.close();
  });
});
