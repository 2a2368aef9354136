import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Locator } from 'playwright-core';
import {
  AtelierRepository,
  signupListId,
  signupListKeepUntil,
} from '../../src/features/kennisatelier/kennisatelier.repository';
import type { Atelier } from '../../src/features/kennisatelier/kennisatelier.types';
import { systemClock } from '../../src/platform/clock';
import { satisfactionPollJobKind } from '../../src/platform/contracts/satisfaction-poll.job';
import { JobScheduler } from '../../src/platform/delivery/job-scheduler';
import { createLogger } from '../../src/platform/logger';
import { SignupService } from '../../src/platform/signups';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { catalogues, screenshotFile, type TeamsClient } from './support';
import { openLocalisedClient, type LocalisedSession } from './support/localised-client';

jest.setTimeout(120_000);

const ORG = 'config/org.genova.example.json';
const i18n = catalogues(ORG);
const it_ = (key: string, params?: Record<string, string | number>) => i18n.t('it', key, params);
const ZONE = 'Europe/Rome';

/** Words that only appear when a Dutch or English text, or a raw placeholder, slipped into an Italian card. */
const NOT_ITALIAN = /\{@|kennisatelier|Aanmelden|aangemeld|bedankt|Sign up|Thank you|peiling|\bDIG\b/i;

/** Italian runs longer than Dutch: no text on a card may be squeezed into a column a word or two wide. */
async function expectNoSqueezedText(card: Locator): Promise<void> {
  const widths = await card
    .locator('.ac-textBlock')
    .evaluateAll((blocks) =>
      blocks.map((b) => [b.textContent ?? '', b.getBoundingClientRect().width] as const),
    );
  const squeezed = widths.filter(([text, width]) => text.length > 20 && width < 160);
  expect(squeezed).toEqual([]);
}

/**
 * After a card button the Playground (not the bot) shows its own English notice under the card; it has no
 * Teams counterpart, so it goes before the screenshot.
 */
async function dismissPlaygroundNotice(client: TeamsClient): Promise<void> {
  const dismiss = client.page.getByRole('button', { name: 'Dismiss Invoke Message' }).last();
  await dismiss.waitFor({ state: 'visible', timeout: 10_000 });
  await dismiss.click();
  await dismiss.waitFor({ state: 'detached', timeout: 10_000 });
}

/** An atelier two weeks ahead with its sign-up list, in the bot's store before it starts: what the organiser's form makes. */
async function seedAtelier(dataDir: string): Promise<Atelier> {
  const starts = DateTime.now().setZone(ZONE).plus({ days: 14 }).set({ hour: 14, minute: 0, second: 0 });
  const now = new Date().toISOString();
  const atelier: Atelier = {
    id: 'genova-e2e',
    title: 'Selezione inclusiva: bandi che parlano a tutti',
    description: 'Come scrivere un bando che chiunque sente rivolto a sé? Esempi dalla Direzione Personale.',
    startsAt: starts.toUTC().toISO()!,
    endsAt: starts.plus({ hours: 2 }).toUTC().toISO()!,
    deadline: starts.toUTC().toISO()!,
    room: 'Palazzo Tursi, sala 2',
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_genova',
    capacity: 25,
    channelIds: [],
    networkIds: [],
    createdBy: 'c9a78620-4a22-4040-8370-b6cc5da2cc98',
    createdAt: now,
    updatedAt: now,
    status: 'published',
    revision: 0,
    listedFrom: now,
  };
  const store = new SqliteDocumentStore(join(dataDir, 'panelbot.sqlite'));
  try {
    await new AtelierRepository(store).create(atelier);
    await new SignupService(store, systemClock).open(signupListId(atelier.id), {
      capacity: atelier.capacity,
      deadline: atelier.deadline,
      keepUntil: signupListKeepUntil(atelier),
    });
  } finally {
    await store.close();
  }
  return atelier;
}

describe('Genova in Italian in the Agents Playground (headless Chromium)', () => {
  let session: LocalisedSession;
  let atelier: Atelier;
  let dataDir: string;
  let medewerker: TeamsClient;

  beforeAll(async () => {
    // Genova's staff use Teams in Italian: every activity reaches the bot as it-IT.
    session = await openLocalisedClient({
      name: 'bot-genova',
      org: ORG,
      locale: 'it-IT',
      persona: 'medewerker',
      seed: async (dir) => void (atelier = await seedAtelier(dir)),
    });
    ({ dataDir, client: medewerker } = session);
  }, 150_000);

  afterAll(async () => session?.stop(), 60_000);

  it('answers "aiuto" with the help card in Italian, in Genova\'s words', async () => {
    await medewerker.say('aiuto');
    const card = await medewerker.card(it_('help.title'));
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(it_('help.rolesLine', { roles: it_('help.noRoles') }));
    expect(text).toContain(it_('help.footer'));
    expect(text).toContain(it_('kennisatelier.help.list.title'));
    expect(text).not.toMatch(NOT_ITALIAN);
    await expectNoSqueezedText(card);
    await medewerker.screenshot(screenshotFile('genova-help.png'), card);
  });

  it('a dipendente signs up for a laboratorio with Iscriviti and gets an Italian calendar file', async () => {
    await medewerker.say('laboratori');
    const card = await medewerker.card(atelier.title);
    const listed = (await card.textContent()) ?? '';
    expect(listed).toContain(it_('kennisatelier.seats.limited', { taken: 0, capacity: 25 }));
    expect(listed).not.toMatch(NOT_ITALIAN);
    await expectNoSqueezedText(card);
    await medewerker.screenshot(screenshotFile('genova-laboratorio.png'), card);

    await medewerker.clickButton(it_('kennisatelier.card.signUp'), card);
    const mine = await medewerker.card(it_('kennisatelier.notice.signedUp'));
    const text = (await mine.textContent()) ?? '';
    expect(text).toContain(it_('kennisatelier.status.attending'));
    expect(text).toContain(it_('kennisatelier.seats.limited', { taken: 1, capacity: 25 }));
    expect(text).not.toMatch(NOT_ITALIAN);
    await expectNoSqueezedText(mine);
    await dismissPlaygroundNotice(medewerker);
    await medewerker.screenshot(screenshotFile('genova-laboratorio-iscritto.png'), mine);
    await expect(
      mine.getByRole('button', { name: it_('kennisatelier.card.withdraw') }).count(),
    ).resolves.toBe(1);

    const link = mine.getByRole('link', { name: it_('kennisatelier.card.calendar') });
    const file = await fetch(`${session.bot.url}${new URL((await link.getAttribute('title'))!).pathname}`);
    expect(file.headers.get('content-type')).toContain('text/calendar');
    const ics = (await file.text()).replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`SUMMARY:${atelier.title}`);
    // The only words the bot adds to the file are the place's: in the organisation's language.
    expect(ics).toContain(`LOCATION:Palazzo Tursi\\, sala 2 · ${it_('kennisatelier.card.online')}`);
    for (const other of ['nl', 'en'] as const)
      expect(ics).not.toContain(i18n.t(other, 'kennisatelier.card.online'));
  });

  it('a sondaggio sent to the dipendente: they answer it and see the thanks in Italian', async () => {
    // The poll after an atelier, scheduled the way the laboratorio feature does it; the bot's scheduler runs it.
    const store = new SqliteDocumentStore(join(dataDir, 'panelbot.sqlite'));
    try {
      const scheduler = new JobScheduler({
        store,
        clock: systemClock,
        logger: createLogger({ level: 'silent' }),
        options: {
          jobLeaseMs: 60_000,
          jobPollMs: 1_000,
          jobMaxAttempts: 3,
          backoffBaseMs: 1_000,
          backoffMaxMs: 5_000,
        },
      });
      await scheduler.schedule({
        id: 'genova-e2e-poll',
        kind: satisfactionPollJobKind,
        runAt: new Date(),
        payload: {
          sourceId: 'genova-e2e-previous',
          title: 'Linguaggio inclusivo negli atti',
          heldAt: new Date(Date.now() - 86_400_000).toISOString(),
          attendeeIds: [medewerker.playground.config.currentUser.aadObjectId.toLowerCase()],
          organiserIds: [],
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      });
    } finally {
      await store.close();
    }

    const question = it_('polls.satisfaction.question');
    const card = await medewerker.card(question, 30_000);
    expect((await card.textContent()) ?? '').not.toMatch(NOT_ITALIAN);
    await card.getByRole('radio', { name: it_('polls.satisfaction.score4') }).check();
    await medewerker.screenshot(screenshotFile('genova-sondaggio.png'), card);
    await medewerker.clickButton(it_('polls.card.submit'), card);
    const thanks = await medewerker.card(it_('polls.card.saved'));
    expect((await thanks.textContent()) ?? '').not.toMatch(NOT_ITALIAN);
    await expectNoSqueezedText(thanks);
    await dismissPlaygroundNotice(medewerker);
    await medewerker.screenshot(screenshotFile('genova-sondaggio-grazie.png'), thanks);
  });
});
