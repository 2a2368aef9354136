/**
 * Networks benchmark: one coordinator announcement to a network of 2,000 members, end to end through
 * the real networks services and the real delivery engine, to the Teams-like fake connector.
 *
 *   npx tsx bench/networks-announcement.bench.ts [--recipients 2000] [--rate 50] [--fail 0.01] [--store sqlite|cosmos]
 *
 * The parent runs the fake connector and counts what arrived (lost, duplicates); a child process is
 * the "bot process": it seeds the members through MembershipService.join, then the coordinator's
 * saveDraft + send (AnnouncementService), and runs the delivery worker until the broadcast is done.
 * Its peak RSS is its own. Wall time runs from "Versturen" to the last delivery, against the floor
 * N / rate that Teams' per-app limit imposes.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { registerNetworksJobs } from '../src/features/networks/networks.jobs';
import { createNetworksModule } from '../src/features/networks/networks.module';
import en from '../src/features/networks/i18n/en.json';
import italian from '../src/features/networks/i18n/it.json';
import nl from '../src/features/networks/i18n/nl.json';
import { announcementFormSchema } from '../src/features/networks/networks.schemas';
import { systemClock } from '../src/platform/clock';
import { ConversationDirectory } from '../src/platform/conversations';
import { BotProactiveSender } from '../src/platform/delivery/bot-proactive-sender';
import { createDelivery, userKey } from '../src/platform/delivery';
import { I18n } from '../src/platform/i18n/i18n';
import platformEn from '../src/platform/i18n/en.json';
import platformIt from '../src/platform/i18n/it.json';
import platformNl from '../src/platform/i18n/nl.json';
import { createLogger } from '../src/platform/logger';
import { Organisation } from '../src/platform/org/organisation';
import type { OrgFile } from '../src/platform/org/org.schema';
import { PeopleNames } from '../src/platform/people/people-names';
import { registerSignupMessages } from '../src/platform/signups';
import type { DocumentStore } from '../src/storage/document-store.port';
import { CosmosDocumentStore } from '../src/storage/cosmos-store';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { startCosmosServer, testConnectionPolicy } from '../test/support/cosmos-server';
import { FakeConnector } from '../test/support/fake-connector';
import { Downloads } from '../src/platform/downloads';
import { alwaysOpen } from '../test/support/open-calendar';
import { copiesPerConversation, lostAndDuplicates } from './delivery-tally';

interface Task {
  store:
    { kind: 'sqlite'; file: string } | { kind: 'cosmos'; endpoint: string; key: string; database: string };
  connectorUrl: string;
  recipients: number;
  rate: number;
}

interface Report {
  seedMs: number;
  sendMs: number;
  wallS: number;
  peakRssMb: number;
  status: { total: number; sent: number; failed: number; inactive: number };
}

const memberId = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const conversationOf = (n: number) => `a:personal-bench-${n}`;
const lotte = '7a11e1b0-0000-4000-8000-000000000008'; // coordinator of R-Pride in the demo organisation

async function openStore(task: Task): Promise<DocumentStore> {
  if (task.store.kind === 'sqlite') return new SqliteDocumentStore(task.store.file);
  const store = new CosmosDocumentStore({ ...task.store, connectionPolicy: testConnectionPolicy });
  await store.init();
  return store;
}

/** The bot process. */
async function child(task: Task): Promise<Report> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const store = await openStore(task);
  const org = Organisation.fromObject(JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as OrgFile);
  const i18n = new I18n((l) => org.terms(l));
  i18n.register({ nl: platformNl, en: platformEn, it: platformIt });
  i18n.register({ nl, en, it: italian });
  registerSignupMessages(i18n);
  const conversations = new ConversationDirectory(store, () => systemClock.now());
  const engine = createDelivery({
    store,
    sender: new BotProactiveSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    directory: conversations,
    clock: systemClock,
    calendar: alwaysOpen,
    logger: createLogger({ level: 'warn', name: 'bench-bot' }),
    options: { ratePerSecond: task.rate, pollMs: 200 },
  });
  const m = createNetworksModule({
    store,
    clock: systemClock,
    org,
    i18n,
    logger: createLogger({ level: 'warn' }),
    delivery: engine.delivery,
    conversations,
    scheduler: engine.scheduler,
    people: new PeopleNames(org, undefined),
    downloads: new Downloads('http://127.0.0.1:1', 'bench-secret', () => new Date()),
  });
  registerNetworksJobs(engine.scheduler, m);

  const seedStart = Date.now();
  for (let n = 1; n <= task.recipients; n++) {
    const id = memberId(n);
    await m.membership.join(org.actor(id, 'nl'), 'r-pride', `Lid ${n}`);
    await conversations.save(
      userKey(id),
      {
        serviceUrl: task.connectorUrl,
        channelId: 'msteams',
        conversation: { id: conversationOf(n), conversationType: 'personal' },
        bot: { id: '28:bench' },
      },
      { locale: n % 10 === 0 ? 'en-GB' : 'nl-NL' },
    );
  }
  const seedMs = Date.now() - seedStart;

  engine.worker.start();
  engine.scheduler.start();
  const coordinator = org.actor(lotte, 'nl');
  const draft = await m.announcements.saveDraft(
    coordinator,
    announcementFormSchema.parse({
      kind: 'meetup',
      networkId: 'r-pride',
      text: 'Pride-borrel na het werk. Iedereen welkom, neem gerust een collega mee.',
      link: 'https://intranet.example.org/r-pride',
      title: 'Pride-borrel',
      date: '2099-06-26',
      time: '17:00',
      place: 'Timmerhuis, foyer',
      capacity: '150',
      rsvp: 'true',
      toMembers: 'true',
      toChannel: 'false',
    }),
  );
  const pressed = Date.now();
  await m.announcements.send(coordinator, draft.id);
  const sendMs = Date.now() - pressed;
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const status = await engine.delivery.status(draft.id);
    if (status && status.queued === 0 && status.finishedAt) {
      await engine.worker.stop();
      await engine.scheduler.stop();
      clearInterval(sampler);
      await store.close();
      return {
        seedMs,
        sendMs,
        wallS: (Date.parse(status.finishedAt) - pressed) / 1000,
        peakRssMb: Math.max(peak, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
        status: { total: status.total, sent: status.sent, failed: status.failed, inactive: status.inactive },
      };
    }
  }
}

async function parent(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
  };
  const N = Number(option('recipients', '2000'));
  const RATE = Number(option('rate', '50'));
  const FAIL = Number(option('fail', '0.01'));
  const kind = option('store', 'sqlite');
  const connector = await FakeConnector.start({
    ratePerSecond: RATE,
    burst: Math.ceil(RATE / 5),
    failureRate: FAIL,
    keepBodies: false,
    retryAfterSeconds: 1,
  });
  const dir = mkdtempSync(join(tmpdir(), 'networks-bench-'));
  const cosmos = kind === 'cosmos' ? await startCosmosServer() : undefined;
  const store: Task['store'] = cosmos
    ? { kind: 'cosmos', endpoint: cosmos.endpoint, key: cosmos.key, database: 'bench' }
    : { kind: 'sqlite', file: join(dir, 'bench.db') };

  process.stderr.write(
    `[${kind}] seeding ${N} members through MembershipService, then one announcement at ${RATE}/s\n`,
  );
  const bot = fork(__filename, ['--child'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const report = await new Promise<Report>((resolve, reject) => {
    bot.on('message', (msg: { report?: Report }) => msg.report && resolve(msg.report));
    bot.on('exit', (code) => code !== 0 && reject(new Error(`bot process exited ${code}`)));
    bot.send({ store, connectorUrl: connector.url, recipients: N, rate: RATE } satisfies Task);
  });

  const { lost, duplicates } = lostAndDuplicates(
    copiesPerConversation(connector.deliveredCounts(), N, conversationOf),
  );
  const floorS = N / RATE;
  const faults = connector.requests.filter((r) => r.status >= 500).length;
  await connector.stop();
  await cosmos?.stop();
  rmSync(dir, { recursive: true, force: true });

  console.log(
    `\nNetworks announcement benchmark: ${N} members of R-Pride, store ${kind}; fake connector ${RATE}/s, ${FAIL * 100}% 500/503`,
  );
  console.log(`Floor = ${N} / ${RATE} = ${floorS.toFixed(1)} s\n`);
  console.log(
    '| members | wall (s) | × floor | lost | duplicates | 429s | 5xx | sent | failed | peak RSS (MB) | send click (ms) | seed (s) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const cells = [
    N,
    report.wallS.toFixed(1),
    (report.wallS / floorS).toFixed(3),
    lost,
    duplicates,
    connector.throttled().length,
    faults,
    report.status.sent,
    report.status.failed,
    report.peakRssMb.toFixed(0),
    report.sendMs,
    (report.seedMs / 1000).toFixed(1),
  ];
  console.log(`| ${cells.join(' | ')} |`);
  if (lost > 0 || duplicates > 0) process.exitCode = 1;
}

if (process.argv.includes('--child')) {
  process.once('message', (task: Task) => {
    child(task).then(
      (report) => process.send?.({ report }, () => process.exit(0)),
      (err: unknown) => {
        process.stderr.write(`bench bot failed: ${(err as Error).stack ?? String(err)}\n`);
        process.exit(1);
      },
    );
  });
} else {
  parent().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
