import { ManualClock } from '../../src/platform/clock';
import type { ConversationRecord } from '../../src/platform/conversations';
import { userKey } from '../../src/platform/delivery';
import type { JobDoc } from '../../src/platform/delivery/job.types';
import { kennisatelierJobs } from '../../src/features/kennisatelier/kennisatelier.verbs';
import { CosmosDocumentStore } from '../../src/storage/cosmos-store';
import { containers } from '../../src/storage/document-store.port';
import { cardText, cardsOf } from '../support/cards';
import { BotCluster } from '../support/bot-cluster';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from '../support/cosmos-server';
import { RoundRobinProxy } from '../support/round-robin-proxy';
import { startTestBot, type TestBot } from '../support/test-bot';
import {
  createAtelier,
  installEverywhere,
  organiserName,
  storedRoster,
} from '../features/kennisatelier/kennisatelier.helpers';

/**
 * Three whole bot processes (src/index.ts) on one Cosmos test server behind a round-robin proxy, all
 * on 127.0.0.1. The in-process test bot only speaks for Teams (its users post through the proxy) and
 * reads the shared store; it runs no worker and no scheduler of its own.
 */
const INSTANCES = 3;
const RATE = 50;
// Sends time out at half the lease: on a crowded machine a 3 s timeout made card updates retry for minutes.
const LEASE_MS = 20_000;
/** Sends a worker has in flight at once (delivery-options.ts): the most a kill -9 can double. */
const CONCURRENCY = 16;
const RECIPIENTS = 450;
const person = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;

let server: CosmosTestServer;
let store: CosmosDocumentStore;
let bot: TestBot;
let cluster: BotCluster;
let proxy: RoundRobinProxy;

beforeAll(async () => {
  server = await startCosmosServer();
  const cosmos = { endpoint: server.endpoint, key: server.key, database: `scaleout-${process.pid}` };
  store = new CosmosDocumentStore({ ...cosmos, connectionPolicy: testConnectionPolicy });
  await store.init();
  bot = await startTestBot({ store, clock: new ManualClock(new Date()) });
  cluster = await BotCluster.start({
    instances: INSTANCES,
    cosmos,
    env: {
      DELIVERY_RATE_PER_SECOND: String(RATE),
      DELIVERY_LEASE_MS: String(LEASE_MS),
      WORKER_POLL_MS: '200',
      LOG_LEVEL: 'info',
    },
    watch: ['scheduler.job_done'],
    // Loading the bot under tsx takes seconds on an idle machine, over a minute on a crowded one.
    startTimeoutMs: 200_000,
  });
  proxy = await RoundRobinProxy.start(cluster.ports);
  bot.routeThrough(proxy.url);
}, 300_000);

afterAll(async () => {
  await proxy?.stop();
  await cluster?.stop();
  await bot?.stop();
  await server?.stop();
});

/** Waits for a condition on real time, with a generous upper bound (never a fixed sleep). */
// A crowded 2-core machine (CI, or other work beside it) once needed more than two minutes for the
// card updates; the bounds only decide how long a real failure takes to show.
async function until(what: string, condition: () => boolean | Promise<boolean>, limitMs = 300_000) {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('scale-out: three bot processes on one Cosmos DB behind a load balancer', () => {
  it('200 clicks for 20 seats spread over the instances end exact; each coalesced refresh job runs once', async () => {
    const { channel } = await installEverywhere(bot, [organiserName]);
    const { atelierId } = await createAtelier(bot.user(organiserName), {
      date: '2027-03-04',
      capacity: '20',
      channels: channel.id,
    });
    const people = Array.from({ length: 200 }, (_, i) => bot.user(`Collega ${i + 1}`, person(i + 1)));
    const answers = await Promise.all(
      people.map((p) => channel.as(p).invoke('kennisatelier.signUp', { atelierId })),
    );
    expect(answers.map((a) => a.status)).toEqual(people.map(() => 200));
    for (const port of cluster.ports) expect(proxy.served.get(port)).toBeGreaterThan(50);
    const roster = await storedRoster(bot, atelierId);
    expect(roster?.attending).toHaveLength(20);
    expect(roster?.waitlist).toHaveLength(180);
    expect(new Set([...roster!.attending, ...roster!.waitlist]).size).toBe(200);

    // Every instance's sign-ups asked for the shared card's refresh; the jobs run once, somewhere.
    const refreshJobs = () =>
      store.query<JobDoc>(containers.jobs, {
        pk: 'job',
        where: [{ field: 'kind', op: '=', value: kennisatelierJobs.refreshSharedCard }],
      });
    await until('the refresh jobs to run', async () => {
      const jobs = await refreshJobs();
      return jobs.length > 0 && jobs.every((j) => j.data.status === 'done');
    });
    const jobs = await refreshJobs();
    // Each job ran exactly once in the whole cluster (no failed attempt, one `job_done` in all logs)…
    expect(jobs.map((j) => j.data.attempts)).toEqual(jobs.map(() => 0));
    const runs = cluster.instances.flatMap((b) => b.events.map((e) => e.jobId as string));
    expect(runs.filter((id) => id.includes('.refresh.')).sort()).toEqual(jobs.map((j) => j.id).sort());
    // …and the channel's card ends showing the final counts. (Not one update per job: a job that runs
    // late on a crowded machine renders the same card as the next one, and an unchanged card is not sent.)
    const lastCard = () => {
      const last = bot.updatesIn(channel.id).at(-1);
      return last ? cardText(cardsOf([last])[0]) : '';
    };
    await until('the card to show the final counts', () => {
      const text = lastCard();
      return text.includes('20 van 20 plekken bezet') && text.includes('180 op de wachtlijst');
    });
  }, 600_000);

  it('a broadcast is shared by the workers; kill -9 of one loses nothing, the others finish it', async () => {
    const { connector } = bot;
    const docs = Array.from({ length: RECIPIENTS }, (_, i) => {
      const key = userKey(person(1_000 + i));
      const data: ConversationRecord = {
        key,
        reference: {
          serviceUrl: connector.url,
          channelId: 'msteams',
          conversation: { id: `bc-${i}`, conversationType: 'personal' },
          bot: { id: '28:panelbot-test' },
          user: { id: `29:${i}` },
        },
        active: true,
        updatedAt: new Date().toISOString(),
      };
      return { pk: 'user', id: key, data };
    });
    await store.createMany(containers.conversations, docs);
    connector.reset();
    const activity = { type: 'message' as const, text: 'Nieuws van het Inclusiviteitspanel' };
    await bot.deps.delivery.enqueue({
      broadcastId: 'scaleout-broadcast',
      purpose: 'test.scaleout',
      urgency: 'normal',
      recipients: docs.map((d) => ({ key: d.data.key, activity })),
    });
    const sent = () => connector.messages().filter((m) => m.conversationId?.startsWith('bc-'));
    const victim = cluster.instances[0].name;
    await until('every instance to send some', () =>
      cluster.instances.every((b) => sent().some((m) => m.instance === b.name)),
    );
    await until('a third of the broadcast', () => sent().length >= RECIPIENTS / 3);
    await cluster.kill9(0);
    const killedAt = sent().length;

    await until(
      'every recipient reached',
      () => new Set(sent().map((m) => m.conversationId)).size === RECIPIENTS,
    );
    await until('the broadcast to finish', async () => {
      const record = await store.get<{ active: boolean }>(
        containers.broadcasts,
        'broadcast',
        'scaleout-broadcast',
      );
      return record?.data.active === false;
    });
    const copies = new Map<string, string[]>();
    for (const m of sent())
      copies.set(m.conversationId!, [...(copies.get(m.conversationId!) ?? []), m.instance!]);
    const doubled = [...copies.entries()].filter(([, by]) => by.length > 1);
    // At-least-once: only a send the killed instance had in flight (accepted, outcome not yet written)
    // can go out twice, so every second copy follows a first one from the victim, at most its concurrency.
    expect(doubled.length).toBeLessThanOrEqual(CONCURRENCY);
    for (const [, by] of doubled) expect(by[0]).toBe(victim);
    expect(sent().filter((m) => m.instance === victim).length).toBeLessThanOrEqual(killedAt);
    const survivors = cluster.instances
      .slice(1)
      .map((b) => sent().filter((m) => m.instance === b.name).length);
    expect(Math.min(...survivors)).toBeGreaterThan(0);
    // The app's rate holds for the instances together (tokens saved up in each bucket aside).
    expect(connector.peakAdmitted(1_000)).toBeLessThanOrEqual(RATE + 10);
    process.stderr.write(
      `scale-out broadcast: ${RECIPIENTS} recipients, kill -9 after ${killedAt}, ` +
        `${doubled.length} doubled, peak ${connector.peakAdmitted(1_000)}/s\n`,
    );
  }, 600_000);
});
