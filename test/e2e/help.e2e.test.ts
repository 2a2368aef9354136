import {
  openClient,
  screenshotFile,
  startBot,
  type RunningBot,
  type TeamsClient,
  catalogues,
} from './support';

const i18n = catalogues();

describe('help in the Agents Playground (headless Chromium)', () => {
  let bot: RunningBot;
  let medewerker: TeamsClient;

  beforeAll(async () => {
    bot = await startBot();
    medewerker = await openClient(bot, 'medewerker');
  });

  afterAll(async () => {
    await medewerker?.close();
    await bot?.stop();
  });

  it('answers "help" typed in the compose box with the help card', async () => {
    await medewerker.say('help');
    // The Playground stamps every activity it sends with locale en-US, so the bot answers in English.
    const card = await medewerker.card(i18n.t('en', 'help.title'));
    await expect(card.textContent()).resolves.toContain(
      i18n.t('en', 'help.rolesLine', { roles: i18n.t('en', 'help.noRoles') }),
    );
  });

  it('shows the Dutch help card to a Dutch client, with the reminder that the panel is not a reporting point', async () => {
    await medewerker.injectActivity({ type: 'message', text: 'help', locale: 'nl-NL' });
    const card = await medewerker.card(i18n.t('nl', 'help.title'));
    const text = await card.textContent();
    expect(text).toContain(i18n.t('nl', 'help.rolesLine', { roles: i18n.t('nl', 'help.noRoles') }));
    expect(text).toContain(i18n.t('nl', 'help.footer'));
    await medewerker.screenshot(screenshotFile('help-card.png'), card);
  });

  it('knows a kernteamlid by their Entra object id when they open their own Playground', async () => {
    const kernteamlid = await openClient(bot, 'kernteamlid');
    try {
      await kernteamlid.say('help');
      const card = await kernteamlid.card(i18n.t('en', 'help.title'));
      await expect(card.textContent()).resolves.toContain(
        i18n.t('en', 'help.rolesLine', { roles: i18n.t('en', 'help.roles.kernteamlid') }),
      );
    } finally {
      await kernteamlid.close();
    }
  });
});
