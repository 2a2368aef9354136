import { DateTime } from 'luxon';
import type { Locator } from 'playwright-core';
import { closeAll, openClient, screenshotFile, startBot, type RunningBot, type TeamsClient } from './support';

jest.setTimeout(120_000);

/** A compact Input.ChoiceSet is a Fluent combobox in the Playground; its options open in a pop-up. */
async function choose(client: TeamsClient, combobox: Locator, option: string): Promise<void> {
  await combobox.click();
  await client.page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Panel inschakelen end to end in the Agents Playground: a manager (a medewerker) asks for a W&S panel
 * member, the programmateam accepts and names the kernteamlid who takes it, a kernteamlid volunteers and
 * agrees to share their name, and the requester sees the confirmation with that name. Three clients,
 * each its own Playground; proactive messages go through the bot's real delivery worker.
 */
describe('advies in the Agents Playground (headless Chromium)', () => {
  let bot: RunningBot;
  let manager: TeamsClient;
  let programmateam: TeamsClient;
  let kernteamlid: TeamsClient;
  // Three weeks ahead, whatever day the test runs: the bot runs on the real clock.
  const deadline = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 21 }).toFormat('yyyy-MM-dd');

  beforeAll(async () => {
    // The Playground always reports en-US; the panel works in Dutch, so this run pins the UI language.
    bot = await startBot({ env: { UI_LOCALE_OVERRIDE: 'nl' }, name: 'bot-advies' });
    manager = await openClient(bot, 'medewerker');
    programmateam = await openClient(bot, 'programmateam');
    kernteamlid = await openClient(bot, 'kernteamlid');
    // Each person has talked to the bot once, so it can reach them in their 1:1 chat.
    for (const client of [programmateam, kernteamlid]) {
      await client.say('help');
      await client.card('Wat kan ik');
    }
  }, 180_000);

  afterAll(async () => {
    await closeAll();
    await bot?.stop();
  });

  it('a manager requests a W&S panel member; programmateam accepts; a kernteamlid joins; the manager sees it', async () => {
    const kernteamName = kernteamlid.playground.config.currentUser.name;

    await manager.say('panel inschakelen');
    const form = await manager.card('Wat wil je van het panel?');
    await form.getByRole('radio', { name: 'Wervings- en selectiecommissie' }).check();
    await form.getByLabel('Onderwerp').fill('Teamleider Wijkteams Noord');
    await choose(manager, form.getByRole('combobox', { name: 'Cluster' }), 'Maatschappelijke Ontwikkeling');
    await form
      .getByLabel('Wat wil je van het panel?')
      .fill('Wij zoeken een panellid voor de selectiecommissie.');
    await form.getByLabel('Wanneer heb je het nodig?').fill(deadline);
    await form.getByLabel(/Link naar het stuk/).fill('https://intranet.example.org/vacatures/teamleider');
    await form.getByLabel('Naam van de vacature').fill('Teamleider Wijkteams Noord');
    await form.getByLabel('Functieschaal (fsk)').fill('11');
    await form.getByLabel('Data van de selectieronde').fill('Gesprekken op 15 en 17 januari');
    await form.getByLabel('Hoeveel panelleden zoek je?').fill('1');
    await manager.screenshot(screenshotFile('advies-request-form.png'), form);
    await manager.clickButton('Versturen', form);
    const sent = await manager.card('Je aanvraag is verstuurd');
    const code = /Je code is (A-[A-Z0-9]{5})/.exec((await sent.textContent()) ?? '')?.[1];
    expect(code).toBeDefined();
    await manager.screenshot(screenshotFile('advies-request-sent.png'), sent);

    // The programmateam is told, opens the queue and accepts with the kernteamlid who takes it.
    await programmateam.card('Nieuwe aanvraag voor het panel', 30_000);
    await programmateam.say('adviesaanvragen');
    const queue = await programmateam.card(`${code!} · Teamleider Wijkteams Noord`);
    await programmateam.screenshot(screenshotFile('advies-queue.png'), queue);
    await programmateam.clickButton(`Bekijken: ${code!}`, queue);
    const request = await programmateam.card(`Aanvraag ${code!}`);
    await programmateam.clickButton(/^Aannemen$/, request);
    await choose(programmateam, request.getByRole('combobox', { name: /Welk kernteamlid/ }), kernteamName);
    await programmateam.screenshot(screenshotFile('advies-triage.png'), request);
    await programmateam.clickButton('Aannemen en kernteam vragen', request);
    const accepted = await programmateam.card('Aangenomen. Het kernteam krijgt de vraag wie meedoet.');
    expect(await accepted.textContent()).toContain(`Neemt het op${kernteamName}`);

    // The kernteamlid gets "Wie doet mee?", ticks consent and joins: the last (only) seat is theirs.
    const ask = await kernteamlid.card('Wie doet mee?', 30_000);
    await ask.getByRole('checkbox', { name: /Mijn naam mag gedeeld worden/ }).check();
    await kernteamlid.screenshot(screenshotFile('advies-volunteer.png'), ask);
    await kernteamlid.clickButton('Ik doe mee', ask);
    const joined = await kernteamlid.card('Je doet mee');
    expect(await joined.textContent()).toContain('1 van 1 plek bezet');

    // The requester sees the confirmation, with the name the volunteer agreed to share.
    const confirmation = await manager.card('Er doet een panellid mee', 30_000);
    const text = (await confirmation.textContent()) ?? '';
    expect(text).toContain('1 van 1 plek bezet');
    expect(text).toContain(`Wie meedoet: ${kernteamName}`);
    await manager.screenshot(screenshotFile('advies-confirmation.png'), confirmation);
  });
});
