import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../src/config';
import type { ConversationDirectory } from '../../src/platform/conversations';
import { Downloads } from '../../src/platform/downloads';
import { NetworkMembership } from '../../src/platform/contracts/network-membership.port';
import { HelpRegistry } from '../../src/platform/help';
import { createLogger } from '../../src/platform/logger';
import { Organisation } from '../../src/platform/org/organisation';
import { PeopleNames } from '../../src/platform/people/people-names';
import type { Delivery, Scheduler } from '../../src/platform/delivery/delivery.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { createPollsModule } from '../../src/features/polls/polls.module';
import {
  openClient,
  repoRoot,
  screenshotFile,
  startBot,
  type RunningBot,
  type TeamsClient,
  catalogues,
} from './support';

const i18n = catalogues();
const attendee = (n: number) => `7a11e1b0-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const scores = ['5', '4', '4', '3', '5', '2', '4'];
const comments = [
  'Heel leerzaam, vooral de voorbeelden uit de praktijk.',
  '',
  'Graag meer tijd voor vragen.',
  '',
  'Top!',
  '',
  '',
];

/**
 * Seeds the bot's own SQLite file through the real polls services: a satisfaction poll with 7 of 12 answers,
 * answered two weeks ago and closed a minute ago (an anonymous poll shows its results only once closed).
 */
async function seed(dataDir: string): Promise<void> {
  const closesAt = Date.now() - 60_000;
  const answeredAt = closesAt - 13 * 86_400_000;
  const store = new SqliteDocumentStore(join(dataDir, 'panelbot.sqlite'));
  const noop = {
    enqueue: async () => ({}),
    forget: async () => 0,
    schedule: async () => undefined,
    on: () => undefined,
    cancel: async () => undefined,
  };
  const org = Organisation.load(join(repoRoot, 'config/org.demo.json'));
  const polls = createPollsModule({
    config: { linkSigningSecret: 'e2e' } as Config,
    logger: createLogger({ level: 'silent' }),
    store,
    clock: { now: () => new Date(answeredAt) },
    org,
    i18n,
    help: new HelpRegistry(),
    conversations: {
      localeOf: async () => undefined,
      channels: async () => [],
    } as unknown as ConversationDirectory,
    delivery: noop as unknown as Delivery,
    scheduler: noop as unknown as Scheduler,
    downloads: new Downloads('http://localhost', 'e2e', () => new Date()),
    people: new PeopleNames(org, undefined),
    networkMembership: new NetworkMembership(),
  });
  const attendees = Array.from({ length: 12 }, (_, i) => attendee(i + 3));
  await polls.open.openSatisfactionPoll({
    sourceId: 'atelier-e2e',
    title: 'Inclusief werven en selecteren',
    heldAt: new Date(answeredAt - 86_400_000).toISOString(),
    attendeeIds: attendees,
    organiserIds: [],
    closesAt: new Date(closesAt).toISOString(),
  });
  for (const [i, score] of scores.entries()) {
    await polls.answers.submit(org.actor(attendees[i], 'nl'), {
      pollId: 'sat-atelier-e2e',
      answer: score,
      comment: comments[i],
    });
  }
  await store.close();
}

describe('poll results in the Agents Playground (headless Chromium)', () => {
  let bot: RunningBot;
  let programmateam: TeamsClient;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'panelbot-e2e-polls-'));
    await seed(dataDir);
    // The Playground always reports en-US; the panel works in Dutch, so this run pins the UI language.
    bot = await startBot({ env: { DATA_DIR: dataDir, UI_LOCALE_OVERRIDE: 'nl' }, name: 'bot-polls' });
    programmateam = await openClient(bot, 'programmateam');
  }, 120_000);

  afterAll(async () => {
    await programmateam?.close();
    await bot?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('an organiser opens "peilingen" and the results card with bars, mean, share and nameless comments', async () => {
    await programmateam.say('peilingen');
    const list = await programmateam.card(i18n.t('nl', 'polls.list.title'));
    await programmateam.clickButton(i18n.t('nl', 'polls.list.results'), list);
    const card = await programmateam.card(
      i18n.t('nl', 'polls.results.response', { count: 7, total: 12, percent: 58 }),
    );
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(i18n.t('nl', 'polls.results.mean', { mean: '3,9' }));
    expect(text).toContain(i18n.t('nl', 'polls.results.share', { percent: 71 }));
    expect(text).toContain('Graag meer tijd voor vragen.');
    expect(text).not.toMatch(/Noor|Daan|Priya|Lotte|Sem|Aylin|Bram|Fatima|Jeroen|Eva|Kofi|Medewerker/);
    await expect(card.getByRole('button', { name: i18n.t('nl', 'polls.results.export') })).toBeTruthy();
    await programmateam.screenshot(screenshotFile('poll-results.png'), card);
  }, 60_000);
});
