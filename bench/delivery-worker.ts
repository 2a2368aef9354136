/**
 * The "bot process" of the delivery benchmark: enqueues a broadcast (or resumes one) and runs the
 * real delivery worker against the fake connector until the broadcast is finished. Started by
 * delivery.bench.ts with an IPC channel; it may be killed with SIGKILL at any moment.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { systemClock } from '../src/platform/clock';
import { ConversationDirectory } from '../src/platform/conversations';
import { AppRateLimiter } from '../src/platform/delivery/app-rate-limiter';
import { BotProactiveSender } from '../src/platform/delivery/bot-proactive-sender';
import { createDelivery, userKey } from '../src/platform/delivery';
import { createLogger } from '../src/platform/logger';
import { containers, type DocumentStore } from '../src/storage/document-store.port';
import { CosmosDocumentStore } from '../src/storage/cosmos-store';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { testConnectionPolicy } from '../test/support/cosmos-server';
import { alwaysOpen } from '../test/support/open-calendar';
import { announcement, recipientId } from './announcement';
import { startMemorySampler, type PeakMemory } from './memory-sampler';

export interface WorkerTask {
  mode: 'broadcast' | 'resume' | 'bare';
  store:
    { kind: 'sqlite'; file: string } | { kind: 'cosmos'; endpoint: string; key: string; database: string };
  connectorUrl: string;
  broadcastId: string;
  recipients: number;
  rate: number;
  leaseMs: number;
  sendTimeoutMs: number;
}

export interface WorkerReport {
  mode: WorkerTask['mode'];
  /** Epoch ms just before the enqueue (or the bare loop). */
  startedAt: number;
  enqueueMs?: number;
  /** Epoch ms when the last item was done (from the outbox), or when the bare loop ended. */
  finishedAt: number;
  peakRssMb: number;
  memory?: PeakMemory;
  stats?: Record<string, number>;
}

export { announcement, recipientId };

async function openStore(task: WorkerTask): Promise<DocumentStore> {
  if (task.store.kind === 'sqlite') return new SqliteDocumentStore(task.store.file);
  const store = new CosmosDocumentStore({ ...task.store, connectionPolicy: testConnectionPolicy });
  await store.init();
  return store;
}

async function bare(task: WorkerTask, sender: BotProactiveSender): Promise<void> {
  // The floor without any storage: one token bucket, sends in flight, 5xx retried in memory.
  const limiter = new AppRateLimiter({ ratePerSecond: task.rate, burst: Math.ceil(task.rate / 10) });
  const activity = announcement();
  let next = 1;
  const lane = async () => {
    while (next <= task.recipients) {
      const n = next++;
      const ref = {
        serviceUrl: task.connectorUrl,
        channelId: 'msteams',
        conversation: { id: `conv-${n}` },
        bot: { id: '28:bench' },
      };
      for (;;) {
        await limiter.acquire();
        const ok = await sender.send(ref, activity).then(
          () => true,
          () => false,
        );
        if (ok) break;
      }
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
}

async function main(task: WorkerTask): Promise<WorkerReport> {
  const sampler = startMemorySampler();
  let startedAt = Date.now();
  const sender = new BotProactiveSender(
    new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    '',
  );
  if (task.mode === 'bare') {
    startedAt = Date.now();
    await bare(task, sender);
    const memory = sampler.stop();
    return { mode: task.mode, startedAt, finishedAt: Date.now(), peakRssMb: memory.rssMb, memory };
  }
  const store = await openStore(task);
  const engine = createDelivery({
    store,
    sender,
    directory: new ConversationDirectory(store, () => systemClock.now()),
    clock: systemClock,
    calendar: alwaysOpen,
    logger: createLogger({ level: 'warn', name: 'bench-worker' }),
    options: {
      ratePerSecond: task.rate,
      leaseMs: task.leaseMs,
      sendTimeoutMs: task.sendTimeoutMs,
      pollMs: 200,
    },
  });
  let enqueueMs: number | undefined;
  // The clock starts when the organiser presses send: process start-up is not part of a broadcast.
  // As in the bot, the worker is already running when a broadcast is enqueued.
  engine.worker.start();
  startedAt = Date.now();
  // A resumed bot repeats the enqueue, as the retried job that asked for the broadcast would (it is
  // idempotent): that completes a broadcast whose enqueue was killed half-way.
  if (task.mode === 'broadcast' || task.mode === 'resume') {
    const activity = announcement();
    const recipients = Array.from({ length: task.recipients }, (_, i) => ({
      key: userKey(recipientId(i + 1)),
      activity,
    }));
    await engine.delivery.enqueue({
      broadcastId: task.broadcastId,
      purpose: 'bench.announcement',
      urgency: 'normal' as const,
      recipients,
    });
    if (task.mode === 'broadcast') enqueueMs = Date.now() - startedAt;
  }
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    // A point read, not status(): counting 12,000 items every half second would load the store.
    const record = await store.get<{ active: boolean }>(containers.broadcasts, 'broadcast', task.broadcastId);
    if (record?.data.active !== false) continue;
    const status = await engine.delivery.status(task.broadcastId);
    if (status && status.queued === 0 && status.finishedAt) {
      await engine.worker.stop();
      const memory = sampler.stop();
      const stats = engine.worker.stats() as unknown as Record<string, number>;
      await store.close();
      return {
        mode: task.mode,
        startedAt,
        enqueueMs,
        finishedAt: Date.parse(status.finishedAt),
        peakRssMb: memory.rssMb,
        memory,
        stats,
      };
    }
  }
}

process.once('message', (task: WorkerTask) => {
  main(task).then(
    (report) => process.send?.({ type: 'done', report }, () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`bench worker failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
});
