import {
  openClient,
  screenshotFile,
  startBot,
  type RunningBot,
  type TeamsClient,
  catalogues,
} from './support';

const i18n = catalogues();
const nl = (key: string, params?: Record<string, string | number>) =>
  i18n.t('nl', `sturingsgesprek.${key}`, params);

/** The DIG office renames a doorbraak in its Playground: the card renders, the change shows at once. */
describe('doorbraken in the Agents Playground: the DIG office', () => {
  let bot: RunningBot;
  let office: TeamsClient;

  beforeAll(async () => {
    bot = await startBot({ env: { UI_LOCALE_OVERRIDE: 'nl' }, name: 'bot-doorbraken' });
    office = await openClient(bot, 'digoffice');
  }, 120_000);

  afterAll(async () => {
    await office?.close();
    await bot?.stop();
  }, 60_000);

  it('opens the list from the sturingsgesprek overview and renames doorbraak 5', async () => {
    await office.say('sturingsgesprek');
    const overview = await office.card(nl('card.overview.intro'));
    await office.clickButton(nl('card.overview.doorbraken'), overview);
    const list = await office.card(nl('card.doorbraken.introOffice', { count: 11 }));
    const field = list.getByLabel('Doorbraak 5 (Nederlands)');
    await field.fill('Werkplekken zijn toegankelijk voor iedereen');
    await office.clickButton(nl('card.doorbraken.rename', { number: 5 }), list);
    const saved = await office.card(nl('card.doorbraken.saved'));
    await expect(saved.textContent()).resolves.toContain(
      'Doorbraak 5: Werkplekken zijn toegankelijk voor iedereen',
    );
    await office.screenshot(screenshotFile('sturingsgesprek-doorbraken.png'), saved);
  });
});
