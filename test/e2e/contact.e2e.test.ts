import {
  openClient,
  screenshotFile,
  startBot,
  type RunningBot,
  type TeamsClient,
  catalogues,
} from './support';

const i18n = catalogues();
const nl = (key: string, params?: Record<string, string | number>) => i18n.t('nl', key, params);

/**
 * Two people, each in their own Agents Playground against the same running bot: a medewerker asks for
 * confidential contact, the kernteamlid picks it up, and they write to each other through the bot.
 */
describe('confidential contact in the Agents Playground: a medewerker and a kernteamlid', () => {
  let bot: RunningBot;
  let medewerker: TeamsClient;
  let kernteamlid: TeamsClient;

  beforeAll(async () => {
    // The Playground always reports en-US; the panel works in Dutch, so this run pins the UI language.
    bot = await startBot({ env: { UI_LOCALE_OVERRIDE: 'nl' }, name: 'bot-contact' });
    kernteamlid = await openClient(bot, 'kernteamlid');
    medewerker = await openClient(bot, 'medewerker');
  }, 120_000);

  afterAll(async () => {
    await medewerker?.close();
    await kernteamlid?.close();
    await bot?.stop();
  }, 60_000);

  it('request, pick-up, messages both ways in plain chat, and Doorverwijzen below the message', async () => {
    // The kernteamlid has talked to the bot before: it can reach her in her own chat.
    await kernteamlid.say('beschikbaar');
    await kernteamlid.card(nl('contact.availability.available'));

    await medewerker.say('vertrouwelijk');
    const intro = await medewerker.card(nl('contact.intro.title'));
    await medewerker.clickButton(nl('contact.intro.start'), intro);
    const form = await medewerker.card(nl('contact.form.identityLabel'));
    await form.getByRole('radio', { name: nl('contact.form.anonymous') }).check();
    await form.getByRole('radio', { name: nl('contact.channel.chat') }).check();
    await form
      .getByLabel(nl('contact.form.messageLabel'))
      .fill('Mijn teamleider maakt grappen over mijn afkomst.');
    await medewerker.clickButton(nl('contact.form.submit'), form);
    const sent = await medewerker.card(/Je verzoek is verstuurd \(zaak [A-Z2-9]{4}\)/);
    const code = /zaak ([A-Z2-9]{4})/.exec((await sent.textContent()) ?? '')![1]!;

    const offer = await kernteamlid.card(nl('contact.offer.title', { code }), 30_000);
    await expect(offer.textContent()).resolves.toContain('Mijn teamleider maakt grappen over mijn afkomst.');
    await kernteamlid.clickButton(nl('contact.offer.pickUp'), offer);
    const picked = await kernteamlid.card(nl('contact.case.pickedUpTitle', { code }));
    const pickedText = (await picked.textContent()) ?? '';
    expect(pickedText).toContain(nl('contact.case.pickedUpNote', { code }));
    expect(pickedText).toContain('Mijn teamleider maakt grappen over mijn afkomst.');
    await kernteamlid.screenshot(screenshotFile('contact-picked-up.png'), picked);

    // Plain text from the kernteamlid goes to her one open case, as the card promised.
    const name = kernteamlid.playground.config.currentUser.name;
    await kernteamlid.say('Dank je voor je bericht. Wanneer gebeurt dat?');
    await kernteamlid.waitForText(nl('contact.case.sentText', { code }));
    const atMedewerker = await medewerker.card('Wanneer gebeurt dat?', 30_000);
    await expect(atMedewerker.textContent()).resolves.toContain(nl('contact.case.fromKernteamlid', { name }));
    await medewerker.screenshot(screenshotFile('contact-medewerker-message.png'), atMedewerker);

    await medewerker.say('Vooral bij het weekstartoverleg.');
    const relayed = await kernteamlid.card('Vooral bij het weekstartoverleg.', 30_000);
    await kernteamlid.clickButton(nl('contact.case.refer'), relayed);
    const choose = await kernteamlid.card(nl('contact.refer.chooseTitle', { code }));
    // The card with the medewerker's message is still there, unchanged, above the new one.
    const stillThere = kernteamlid.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'Vooral bij het weekstartoverleg.' });
    await expect(stillThere.count()).resolves.toBe(1);
    await expect(stillThere.textContent()).resolves.toContain(nl('contact.case.fromRequester'));
    const [top, below] = await Promise.all([stillThere.boundingBox(), choose.boundingBox()]);
    expect(below!.y).toBeGreaterThan(top!.y);
    await kernteamlid.screenshot(screenshotFile('contact-refer-below-message.png'));
  }, 110_000);
});
