import { catalogues, screenshotFile, type TeamsClient } from './support';
import { openLocalisedClient, type LocalisedSession } from './support/localised-client';

jest.setTimeout(120_000);

const ORG = 'config/org.genova.example.json';
const i18n = catalogues(ORG);

/**
 * Genova's request form in the Agents Playground: a W&S request asks the vacancy's area of the CCNL
 * Funzioni Locali (the organisation file's grades) as a drop-down, not Rotterdam's fsk number.
 */
describe("Genova's W&S grades on the request form (headless Chromium)", () => {
  let session: LocalisedSession;
  let manager: TeamsClient;

  beforeAll(async () => {
    session = await openLocalisedClient({
      name: 'bot-advies-grades',
      org: ORG,
      locale: 'it-IT',
      persona: 'medewerker',
    });
    manager = session.client;
  }, 150_000);

  afterAll(async () => session?.stop(), 60_000);

  it('offers the Italian areas in a drop-down labelled "Area di inquadramento"', async () => {
    await manager.say('chiedi un parere');
    const form = await manager.card(i18n.t('it', 'advies.form.wsTitle'));
    await form.getByRole('radio', { name: i18n.t('it', 'advies.kind.ws') }).check();
    expect(await form.getByLabel('Livello di inquadramento').count()).toBe(0);
    const area = form.getByRole('combobox', { name: 'Area di inquadramento' });
    await area.click();
    const options = manager.page.getByRole('option');
    await options.first().waitFor({ state: 'visible' });
    expect(await options.allTextContents()).toEqual([
      'Area degli Operatori',
      'Area degli Operatori esperti',
      'Area degli Istruttori',
      "Area dei Funzionari e dell'Elevata Qualificazione",
      'Dirigenza',
    ]);
    await manager.page.getByRole('option', { name: 'Area degli Istruttori', exact: true }).click();
    await manager.screenshot(screenshotFile('advies-genova-grade.png'), form);
    expect(await area.inputValue()).toBe('Area degli Istruttori');
  });
});
