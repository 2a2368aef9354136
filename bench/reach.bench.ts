/**
 * Reach benchmark: one broadcast to N people of whom most never opened the bot, through the real
 * outbox worker, the person-reach step, the Graph edge (against the fake Graph) and the Bot Connector
 * sender (against the fake connector).
 *
 *   npm run bench:reach -- [--recipients 12000] [--need-install 0.9] [--install-rate 40] [--rate 50]
 *                          [--graph-rate 0 (= 10 × install rate: an install is three Graph calls)]
 *                          [--concurrency 32 (items in flight in the worker)]
 *                          [--install-pace 0 (= 0.95 × install rate: our own pacing of installs)]
 *
 * The floor is set by the slower of the two limits: installs / install rate, or recipients / send rate.
 * Everything runs in this process (fakes included), so the peak RSS is an upper bound for the bot.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationDirectory, type ConversationRecord } from '../src/platform/conversations';
import { createDelivery, userKey } from '../src/platform/delivery';
import { BotProactiveSender } from '../src/platform/delivery/bot-proactive-sender';
import { createGraphEdge } from '../src/platform/graph/create-graph-edge';
import { silentLogger } from '../src/platform/logger';
import { containers } from '../src/storage/document-store.port';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { FakeConnector } from '../test/support/fake-connector';
import { FakeGraph } from '../test/support/fake-graph';
import { alwaysOpen } from '../test/support/open-calendar';
import { lostAndDuplicates } from './delivery-tally';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const N = Number(option('recipients', '12000'));
const NEED_INSTALL = Number(option('need-install', '0.9'));
const INSTALL_RATE = Number(option('install-rate', '40'));
const RATE = Number(option('rate', '50'));
const GRAPH_RATE = Number(option('graph-rate', '0')) || INSTALL_RATE * 10;
/** Items in flight: an install is three Graph round trips before the send, so more than for sends alone. */
const CONCURRENCY = Number(option('concurrency', '32'));
/** Our own install pace: a little under the service's, so jitter on the wire does not earn 429s. */
const PACE = Number(option('install-pace', '0')) || INSTALL_RATE * 0.95;
const TENANT = 'bench-tenant';
const CATALOG_ID = 'c47a1060-0000-4000-8000-00000000ca7a';
const BOT = '28:bench';

const log = (line: string) => process.stderr.write(`${line}\n`);
const personId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function main(): Promise<void> {
  // People who opened the bot are spread through the audience (every k-th), as in a real mailing.
  const share = 1 - NEED_INSTALL;
  const opened = Array.from({ length: N }, (_, n) => n).filter(
    (n) => Math.floor(n * share) !== Math.floor((n + 1) * share),
  );
  const withChat = opened.length;
  const installs = N - withChat;
  const floorS = Math.max(installs / INSTALL_RATE, N / RATE);
  const connector = await FakeConnector.start({
    ratePerSecond: RATE,
    burst: Math.ceil(RATE / 5),
    keepBodies: false,
    retryAfterSeconds: 1,
    requireInstallForCreate: true,
  });
  const graph = await FakeGraph.start({
    users: Array.from({ length: N }, (_, n) => ({ id: personId(n) })),
    catalog: [{ id: CATALOG_ID, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
    installedFor: opened.map(personId),
    installRatePerSecond: INSTALL_RATE,
    retryAfterSeconds: 1,
    keepBodies: false,
  });
  graph.onInstall((userId) => connector.markInstalled(userId));

  const dir = mkdtempSync(join(tmpdir(), 'reach-bench-'));
  const store = new SqliteDocumentStore(join(dir, 'reach.db'));
  const directory = new ConversationDirectory(store, () => new Date());
  // The people who opened the bot: a stored chat each (the first through save(), which notes the serviceUrl).
  const reference = (n: number) => ({
    serviceUrl: connector.url,
    channelId: 'msteams',
    conversation: { id: `a:personal-${personId(n)}`, conversationType: 'personal', tenantId: TENANT },
    bot: { id: BOT },
    user: { id: `29:${n}`, aadObjectId: personId(n) },
  });
  if (withChat > 0) await directory.save(userKey(personId(opened[0])), reference(opened[0]));
  const docs = opened.slice(1).map((n) => {
    const key = userKey(personId(n));
    const updatedAt = new Date().toISOString();
    const data: ConversationRecord = { key, reference: reference(n), active: true, updatedAt };
    return { pk: 'user', id: key, data };
  });
  for (let i = 0; i < docs.length; i += 1000) {
    await store.createMany(containers.conversations, docs.slice(i, i + 1000));
  }
  for (const n of opened) connector.markInstalled(personId(n));

  const edge = createGraphEdge(
    {
      graph: {
        enabled: true,
        baseUrl: graph.url,
        credential: { kind: 'clientSecret', tenantId: TENANT, clientId: 'bench', secret: 'bench' },
        ratePerSecond: GRAPH_RATE,
        maxAttempts: 5,
        catalogAppId: CATALOG_ID,
      },
    },
    silentLogger(),
    {
      credential: { getToken: async () => ({ token: 'bench', expiresOnTimestamp: Date.now() + 3_600_000 }) },
    },
  );
  const engine = createDelivery({
    store,
    sender: new BotProactiveSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), ''),
    directory,
    clock: { now: () => new Date() },
    calendar: alwaysOpen,
    logger: silentLogger(),
    options: { ratePerSecond: RATE, pollMs: 100, concurrency: CONCURRENCY },
    reach: { installer: edge.installer, tenantId: TENANT, fallbackBotId: BOT, installRatePerSecond: PACE },
  });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  log(`reach: ${N} recipients, ${installs} need an install; installs ${INSTALL_RATE}/s, sends ${RATE}/s`);
  const startedAt = Date.now();
  await engine.delivery.enqueue({
    broadcastId: 'reach-bench',
    purpose: 'bench.reach',
    urgency: 'normal' as const,
    recipients: Array.from({ length: N }, (_, n) => ({
      key: userKey(personId(n)),
      activity: { type: 'message' as const, text: 'Hallo' },
    })),
  });
  const elapsed = () => ((Date.now() - startedAt) / 1000).toFixed(0);
  const progress = setInterval(() => log(`  ${elapsed()} s: ${connector.messages().length} sent`), 15_000);
  await engine.worker.drain();
  const wallS = (Date.now() - startedAt) / 1000;
  clearInterval(progress);
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);

  const status = await engine.delivery.status('reach-bench');
  const counts = connector.deliveredCounts();
  const { lost, duplicates } = lostAndDuplicates(
    Array.from({ length: N }, (_, n) => {
      const installation = graph.installationOf(personId(n));
      const viaInstall = installation ? (counts.get(installation.chatId) ?? 0) : 0;
      return (counts.get(`a:personal-${personId(n)}`) ?? 0) + viaInstall;
    }),
  );
  const installCalls = graph.calls('install');
  const stats = engine.worker.stats();
  await store.close();
  await graph.stop();
  await connector.stop();
  rmSync(dir, { recursive: true, force: true });

  const share100 = (NEED_INSTALL * 100).toFixed(0);
  console.log(`\nReach benchmark: ${N} recipients, ${installs} (${share100} %) never opened the bot`);
  console.log(
    `Fake Graph allows ${INSTALL_RATE} installs/s; fake connector ${RATE}/s; app limiter ${RATE}/s;`,
  );
  console.log(
    `Graph client ${GRAPH_RATE} req/s; installs paced at ${PACE}/s; worker concurrency ${CONCURRENCY}`,
  );
  console.log(`Floor = max(${installs} / ${INSTALL_RATE}, ${N} / ${RATE}) = ${floorS.toFixed(1)} s\n`);
  console.log(
    '| wall (s) | × floor | reached | stored | install | createConversation | unreachable | lost |' +
      ' duplicates | Graph 429s | connector 429s | peak RSS (MB) |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const reach = status?.reach;
  const unreachable = Object.values(reach?.unreachable ?? {}).reduce((a, b) => a + b, 0);
  const cells = [
    wallS.toFixed(1),
    (wallS / floorS).toFixed(3),
    status?.sent ?? 0,
    reach?.stored ?? 0,
    reach?.install ?? 0,
    reach?.createConversation ?? 0,
    unreachable,
    lost,
    duplicates,
    installCalls.filter((r) => r.status === 429).length,
    connector.throttled().length,
    (peakRss / 1024 / 1024).toFixed(0),
  ];
  console.log(`| ${cells.join(' | ')} |`);
  const { sent, installed, retried, throttled } = stats;
  const { unreachable: gaveUp } = stats;
  console.log(
    `\nworker: sent ${sent}, installed ${installed}, unreachable ${gaveUp}, retried ${retried}, throttled ${throttled}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
