import type { Server } from 'node:http';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Atelier } from '../../src/features/kennisatelier/kennisatelier.types';
import { systemClock } from '../../src/platform/clock';
import { SignupService } from '../../src/platform/signups';
import { containers } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { closeAll, openClient, screenshotFile, startBot, type RunningBot, type TeamsClient } from './support';
import { dutchProxy } from './support/dutch-proxy';

jest.setTimeout(90_000);

/** Colleagues who signed up before the medewerker, straight at the bot's endpoint as Teams would send them. */
async function signUpColleagues(bot: RunningBot, atelierId: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    const aad = `00000000-0000-4000-a000-${String(i).padStart(12, '0')}`;
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: `seed-${i}`,
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9',
        from: { id: `29:${aad}`, aadObjectId: aad, name: `Collega ${i}` },
        recipient: { id: '28:bot' },
        conversation: { id: `a:seed-${i}`, conversationType: 'personal' },
        locale: 'nl-NL',
        value: { action: { type: 'Action.Execute', verb: 'kennisatelier.signUp', data: { atelierId } } },
      }),
    });
    if (res.status !== 200) throw new Error(`seed sign-up answered ${res.status}`);
  }
}

describe('kennisatelier in the Agents Playground (headless Chromium)', () => {
  let bot: RunningBot;
  let proxy: { url: string; server: Server };
  let organiser: TeamsClient;
  let medewerker: TeamsClient;
  let store: SqliteDocumentStore;
  // Two weeks ahead, whatever day the test runs: the bot runs on the real clock.
  const day = DateTime.now().setZone('Europe/Amsterdam').plus({ days: 14 }).toFormat('yyyy-MM-dd');

  beforeAll(async () => {
    bot = await startBot({ name: 'bot-kennisatelier' });
    proxy = await dutchProxy(bot.url);
    const behindProxy = { ...bot, url: proxy.url };
    organiser = await openClient(behindProxy, 'programmateam');
    medewerker = await openClient(behindProxy, 'medewerker');
    store = new SqliteDocumentStore(join(bot.dataDir, 'panelbot.sqlite'));
  }, 120_000);

  afterAll(async () => {
    await store?.close();
    await organiser?.close();
    await medewerker?.close();
    proxy?.server.close();
    await bot?.stop();
    await closeAll();
  });

  it('an organiser publishes an atelier with the form, and a medewerker signs up with Aanmelden', async () => {
    // The team channel becomes known to the bot when something happens there.
    const channel = organiser.playground.config.team.channels[0]!;
    await organiser.injectActivity({ type: 'message', text: 'help' }, channel.id);

    await organiser.say('nieuw atelier');
    const form = await organiser.card('Nieuw kennisatelier');
    await form.getByLabel('Titel').fill('Inclusief werven in de praktijk');
    await form
      .getByLabel('Omschrijving')
      .fill('Hoe schrijf je een vacature die iedereen aanspreekt? Met voorbeelden uit Stadsontwikkeling.');
    await form.getByLabel(/^Datum/).fill(day);
    await form.getByLabel('Begintijd').fill('14:00');
    await form.getByLabel('Eindtijd').fill('16:00');
    await form.getByLabel(/Zaal of adres/).fill('Stadhuis, zaal 3.14');
    await form
      .getByLabel(/Link naar de Teams-vergadering/)
      .fill('https://teams.microsoft.com/l/meetup-join/19%3ameeting_demo');
    await form.getByLabel(/Aantal plekken/).fill('30');
    // The channel is listed by its Teams name when Teams sent one, else by its id.
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await form
      .getByRole('checkbox', { name: new RegExp(`${escape(channel.name)}|${escape(channel.id)}`) })
      .check();
    await organiser.clickButton('Publiceren', form);
    await organiser.card('Het kennisatelier is aangemaakt');

    const [atelier] = (await store.query<Atelier>(containers.kennisateliers, { pk: 'atelier' })).map(
      (d) => d.data,
    );
    expect(atelier).toMatchObject({
      title: 'Inclusief werven in de praktijk',
      capacity: 30,
      room: 'Stadhuis, zaal 3.14',
    });
    expect(atelier!.channelIds).toHaveLength(1);
    await signUpColleagues(bot, atelier!.id, 12);

    await medewerker.say('ateliers');
    const card = await medewerker.card('12 van 30 plekken bezet');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Inclusief werven in de praktijk');
    expect(text).toContain('Stadhuis, zaal 3.14 · Online via Teams');
    expect(text).not.toContain('Collega');
    await medewerker.screenshot(screenshotFile('atelier-card.png'), card);

    await medewerker.clickButton('Aanmelden', card);
    const mine = await medewerker.card('Je bent aangemeld');
    const personal = (await mine.textContent()) ?? '';
    expect(personal).toContain('13 van 30 plekken bezet');
    expect(personal).toContain('Gelukt: je bent aangemeld. Je krijgt vooraf een herinnering.');
    await medewerker.screenshot(screenshotFile('atelier-personal-view.png'), mine);
    await expect(mine.getByRole('button', { name: 'Afmelden' }).count()).resolves.toBe(1);
    // The calendar file is personal: it opens for this medewerker, as a .ics without other attendees.
    const ics = await mine.getByRole('link', { name: 'Zet in mijn agenda (.ics)' }).getAttribute('title');
    const file = await fetch(`${bot.url}${new URL(ics!).pathname}`);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    const calendar = await file.text();
    expect(calendar).toContain('SUMMARY:Inclusief werven in de praktijk');
    expect(calendar).not.toContain('ATTENDEE');

    const list = await new SignupService(store, systemClock).roster(`kennisatelier:${atelier!.id}`);
    expect(list.attending).toHaveLength(13);
    expect(list.attending).toContain(medewerker.playground.config.currentUser.aadObjectId.toLowerCase());
  });
});
