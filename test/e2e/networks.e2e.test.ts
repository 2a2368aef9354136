import type { Server } from 'node:http';
import { DateTime } from 'luxon';
import { closeAll, openClient, screenshotFile, startBot, type RunningBot, type TeamsClient } from './support';
import { dutchProxy } from './support/dutch-proxy';

jest.setTimeout(120_000);

/** A medewerker joins R-Pride; its coordinator announces a meetup; the medewerker signs up, in Dutch. */
describe('networks in the Agents Playground (headless Chromium)', () => {
  let bot: RunningBot;
  let proxy: { url: string; server: Server };
  let coordinator: TeamsClient;
  let medewerker: TeamsClient;
  // Three weeks ahead, whatever day the test runs: the bot runs on the real clock.
  const day = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 21 }).toFormat('yyyy-MM-dd');

  beforeAll(async () => {
    bot = await startBot({ name: 'bot-networks' });
    proxy = await dutchProxy(bot.url);
    const behindProxy = { ...bot, url: proxy.url };
    coordinator = await openClient(behindProxy, 'coordinator');
    medewerker = await openClient(behindProxy, 'medewerker');
  }, 150_000);

  afterAll(async () => {
    await coordinator?.close();
    await medewerker?.close();
    proxy?.server.close();
    await bot?.stop();
    await closeAll();
  });

  it('a medewerker joins R-Pride from the list; each button names its network', async () => {
    await medewerker.say('netwerken');
    const list = await medewerker.card('Medewerkersnetwerken');
    await expect(list.getByRole('button', { name: /^Lid worden van / }).count()).resolves.toBe(4);
    await medewerker.screenshot(screenshotFile('networks-browse.png'), list);
    await medewerker.clickButton('Lid worden van R-Pride', list);
    const joined = await medewerker.card('Je bent nu lid van R-Pride');
    await expect(
      joined.getByRole('button', { name: 'Lidmaatschap van R-Pride opzeggen' }).count(),
    ).resolves.toBe(1);
  });

  it('the coordinator types the text, switches to a meetup without losing it, previews and sends', async () => {
    await coordinator.say('aankondiging');
    const form = await coordinator.card('Nieuwe aankondiging');
    const text = 'Kom naar de Pride-borrel! We kijken terug op het jaar en maken plannen.';
    await form.getByLabel('Tekst').fill(text);
    await coordinator.clickButton('Bijeenkomst aankondigen', form);
    const meetup = await coordinator.card('Nieuwe bijeenkomst');
    expect(await meetup.getByLabel('Tekst').inputValue()).toBe(text);
    await meetup.getByLabel('Titel').fill('Pride-borrel');
    await meetup.getByLabel('Datum').fill(day);
    await meetup.getByLabel('Begintijd').fill('17:00');
    await meetup.getByLabel('Plaats of Teams-link').fill('Timmerhuis, foyer');
    await meetup.getByLabel(/Aantal plaatsen/).fill('20');
    await coordinator.screenshot(screenshotFile('networks-meetup-form.png'), meetup);
    await coordinator.clickButton('Voorbeeld', meetup);
    const preview = await coordinator.card('Voorbeeld: nog niets verstuurd');
    await expect(preview.getByRole('button', { name: 'Versturen naar 1 lid' }).count()).resolves.toBe(1);
    await coordinator.screenshot(screenshotFile('networks-meetup-preview.png'), preview);
    await coordinator.clickButton('Versturen naar 1 lid', preview);
    await coordinator.card(/Verstuurd/);
  });

  it('the member gets the meetup with only "sign up", signs up, and gets a calendar file', async () => {
    const card = await medewerker.card('Pride-borrel', 30_000);
    await expect(card.getByRole('button', { name: 'Aanmelden voor bijeenkomst' }).count()).resolves.toBe(1);
    await expect(card.getByRole('button', { name: /Afmelden/ }).count()).resolves.toBe(0);
    await medewerker.screenshot(screenshotFile('networks-meetup-card.png'), card);
    await medewerker.clickButton('Aanmelden voor bijeenkomst', card);
    const mine = await medewerker.card('Je bent aangemeld.');
    await expect(mine.getByRole('button', { name: 'Afmelden voor bijeenkomst' }).count()).resolves.toBe(1);
    await expect(mine.getByRole('button', { name: 'Aanmelden voor bijeenkomst' }).count()).resolves.toBe(0);
    await medewerker.screenshot(screenshotFile('networks-meetup-signed-up.png'), mine);
    const link = await mine.getByRole('link', { name: 'Zet in mijn agenda (.ics)' }).getAttribute('title');
    const file = await fetch(`${bot.url}${new URL(link!).pathname}`);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    expect(await file.text()).toContain('SUMMARY:Pride-borrel');
  });

  it("the member pauses R-Pride's announcements until turned back on, from the announcement", async () => {
    const card = await medewerker.card('Je bent aangemeld.');
    await medewerker.clickButton('Aankondigingen pauzeren', card);
    await expect(card.getByRole('button', { name: 'Tot ik ze weer aanzet' }).count()).resolves.toBe(1);
    await medewerker.screenshot(screenshotFile('networks-pause-options.png'), card);
    await medewerker.clickButton('Tot ik ze weer aanzet', card);
    await medewerker.waitForText('Je krijgt geen aankondigingen van R-Pride tot je ze weer aanzet.');
    await medewerker.say('netwerken');
    const list = await medewerker.card('aankondigingen gepauzeerd tot je ze weer aanzet');
    await expect(
      list.getByRole('button', { name: 'Aankondigingen van R-Pride weer aanzetten' }).count(),
    ).resolves.toBe(1);
    await medewerker.screenshot(screenshotFile('networks-paused-list.png'), list);
  });
});
