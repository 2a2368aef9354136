import { catalogues, screenshotFile, type TeamsClient } from './support';
import { openLocalisedClient, type LocalisedSession } from './support/localised-client';

jest.setTimeout(120_000);

const ORG = 'config/org.genova.example.json';
const i18n = catalogues(ORG);
const it_ = (key: string, params?: Record<string, string | number>) =>
  i18n.t('it', `sturingsgesprek.${key}`, params);

/** Dutch or English on an Italian editor, or a raw placeholder, would show as one of these. */
const NOT_ITALIAN = /\{@|\{\w+\}|olandese|Nederlands|Vraag|Question \d|\bDIG\b/;

describe("Genova's CUG edits a question set in Italian in the Agents Playground (headless Chromium)", () => {
  let session: LocalisedSession;
  let office: TeamsClient;

  beforeAll(async () => {
    session = await openLocalisedClient({
      name: 'bot-genova-sets',
      org: ORG,
      locale: 'it-IT',
      persona: 'digoffice',
    });
    office = session.client;
  }, 150_000);

  afterAll(async () => session?.stop(), 60_000);

  it('copies a template, sees one field per language labelled in Italian, edits the Italian and saves', async () => {
    await office.say('colloquio');
    const overview = await office.card(it_('card.overview.intro'));
    await office.clickButton(it_('card.overview.sets'), overview);
    const sets = await office.card(it_('card.sets.title'));
    await office.clickButton(it_('card.sets.copy', { name: "Avvio dell'anno" }), sets);
    const editor = await office.card(it_('card.setEditor.copied'));

    const text = (await editor.textContent()) ?? '';
    expect(text).toContain('Domanda 1 – Italiano');
    expect(text).toContain('Domanda 1 – Inglese (se vuoto, vale il testo italiano)');
    expect(text).not.toMatch(NOT_ITALIAN);
    await office.screenshot(screenshotFile('genova-set-editor.png'), editor);

    const edited = 'Su quali azioni del piano D&I punta la tua direzione nel 2027?';
    await editor.getByLabel(/^Domanda 1 – Italiano/).fill(edited);
    await office.clickButton(it_('card.setEditor.save'), editor);
    const saved = await office.card(it_('card.setEditor.saved'));
    await expect(saved.getByLabel(/^Domanda 1 – Italiano/).inputValue()).resolves.toBe(edited);
    // The card is taller than the window: the picture shows its top, with the banner and question 1.
    await saved.getByText(it_('card.setEditor.saved'), { exact: true }).scrollIntoViewIfNeeded();
    await office.screenshot(screenshotFile('genova-set-editor-saved.png'));
  });
});
