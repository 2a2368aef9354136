import {
  openClient,
  screenshotFile,
  startBot,
  type RunningBot,
  type TeamsClient,
  catalogues,
} from './support';

const i18n = catalogues();
const t = (key: string, params: Record<string, string | number> = {}) => i18n.t('en', key, params);

describe('kernteam in the Agents Playground: a signal, and a colleague who joins the kernteam', () => {
  let bot: RunningBot;
  let kernteamlid: TeamsClient;
  let medewerker: TeamsClient;
  let programmateam: TeamsClient;

  // Three Playgrounds and browsers on a small machine: more time than one client needs.
  beforeAll(async () => {
    bot = await startBot();
    kernteamlid = await openClient(bot, 'kernteamlid');
  }, 300_000);

  afterAll(async () => {
    await Promise.all([kernteamlid, medewerker, programmateam].map((c) => c?.close()));
    await bot?.stop();
  });

  it('a kernteamlid logs a signal through the form (the Dutch form says: no names)', async () => {
    await kernteamlid.injectActivity({ type: 'message', text: 'signaal', locale: 'nl-NL' });
    const dutch = await kernteamlid.card(i18n.t('nl', 'kernteam.signalForm.noNames'));
    await kernteamlid.screenshot(screenshotFile('kernteam-signal-form.png'), dutch);

    await kernteamlid.say('signal');
    const form = await kernteamlid.card(t('kernteam.signalForm.noNames'));
    await form.getByText('Behaviour at work').click();
    await form.locator('textarea').last().fill('Jokes about background in the morning stand-up');
    await kernteamlid.clickButton(t('kernteam.signalForm.submit'), form);
    const list = await kernteamlid.card(/Signal S-[0-9A-F]{5} has been recorded\./);
    await expect(list.textContent()).resolves.toContain('Jokes about background in the morning stand-up');
    await kernteamlid.screenshot(screenshotFile('kernteam-signals.png'), list);

    await kernteamlid.say('agenda');
    const agenda = await kernteamlid.card(t('kernteam.agenda.title'));
    await agenda.locator('textarea').last().fill('Looking back on the last knowledge workshop');
    await kernteamlid.clickButton(t('kernteam.agenda.add'), agenda);
    const added = await kernteamlid.card(t('kernteam.agenda.added'));
    await expect(added.textContent()).resolves.toContain('Looking back on the last knowledge workshop');
    await kernteamlid.screenshot(screenshotFile('kernteam-agenda.png'), added);
  }, 180_000);

  it('a medewerker asks to join, the programmateam accepts, and the new kernteamlid sees the signals', async () => {
    medewerker = await openClient(bot, 'medewerker');
    programmateam = await openClient(bot, 'programmateam');
    await medewerker.say('join the panel');
    const form = await medewerker.card(t('kernteam.join.formIntro'));
    await form.getByText(t('kernteam.join.choices.kernteamlid')).click();
    await form.locator('textarea').last().fill('I would like to pick up signals in my cluster');
    await medewerker.clickButton(t('kernteam.join.submit'), form);
    await medewerker.card(t('kernteam.join.sentTitle'));

    await programmateam.say('join requests');
    // Wait for the list by its motivation: "core team member" is in the welcome card too.
    const requests = await programmateam.card('I would like to pick up signals in my cluster');
    await expect(requests.textContent()).resolves.toContain(t('kernteam.join.roles.kernteamlid'));
    await programmateam.screenshot(screenshotFile('kernteam-join-requests.png'), requests);
    // The buttons name the person they are about.
    const name = medewerker.playground.config.currentUser.name;
    await programmateam.clickButton(t('kernteam.join.accept', { name }), requests);
    await programmateam.card(t('kernteam.join.accepted', { role: t('kernteam.join.roles.kernteamlid') }));

    const welcome = await medewerker.card(t('kernteam.join.answer.acceptedTitle'), 30_000);
    await medewerker.screenshot(screenshotFile('kernteam-join-accepted.png'), welcome);
    await medewerker.say('signals');
    await medewerker.card(/Jokes about background/);
  }, 300_000);
});
