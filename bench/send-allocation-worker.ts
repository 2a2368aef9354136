/**
 * The measured process of send-allocation.bench.ts: warms up, then profiles allocations over a fixed
 * number of sends (objects collected since included) and counts garbage collections.
 */
import { Session } from 'node:inspector/promises';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { systemClock } from '../src/platform/clock';
import { ConversationDirectory } from '../src/platform/conversations';
import { BotProactiveSender } from '../src/platform/delivery/bot-proactive-sender';
import { createDelivery, userKey } from '../src/platform/delivery';
import { createLogger } from '../src/platform/logger';
import { containers } from '../src/storage/document-store.port';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';
import { alwaysOpen } from '../test/support/open-calendar';
import { announcement, recipientId } from './announcement';
import { seedConversations } from './seed-conversations';
import type { AllocationReport, AllocationTask } from './send-allocation.bench';

interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

/** Package (node_modules/x or @scope/x) or repository file of the innermost frame that is not Node's. */
function whereOf(stack: ProfileNode['callFrame'][]): string {
  for (let i = stack.length - 1; i >= 0; i--) {
    const url = stack[i].url;
    if (!url || url.startsWith('node:')) continue;
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    const file = /\/((?:src|bench|test)\/.*)$/.exec(url);
    const name = pkg ? pkg[1] : file ? file[1] : url;
    // ALLOC_DETAIL=1: by function too, to see which call inside a package allocates.
    return process.env.ALLOC_DETAIL ? `${name} ${stack[i].functionName || '(anonymous)'}` : name;
  }
  const leaf = stack[stack.length - 1];
  return leaf ? `node:${leaf.url.replace(/^node:/, '') || leaf.functionName || '(native)'}` : '(root)';
}

function tally(node: ProfileNode, stack: ProfileNode['callFrame'][], into: Map<string, number>): void {
  stack.push(node.callFrame);
  if (node.selfSize) {
    const where = whereOf(stack);
    into.set(where, (into.get(where) ?? 0) + node.selfSize);
  }
  for (const child of node.children) tally(child, stack, into);
  stack.pop();
}

async function profiled(
  task: AllocationTask,
  sends: number,
  run: () => Promise<void>,
): Promise<AllocationReport> {
  const session = new Session();
  session.connect();
  let scavenges = 0;
  let markCompacts = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) scavenges += 1;
      else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) markCompacts += 1;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 8192,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: !task.promoted,
  } as never);
  await run();
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } };
  gc.disconnect();
  session.disconnect();
  const byWhere = new Map<string, number>();
  tally(profile.head, [], byWhere);
  const total = [...byWhere.values()].reduce((a, b) => a + b, 0);
  return {
    sends,
    bytesPerSend: total / sends,
    byWhere: [...byWhere].map(([w, b]) => [w, b / sends] as [string, number]).sort((a, b) => b[1] - a[1]),
    scavengesPer1000: (scavenges * 1000) / sends,
    markCompactsPer1000: (markCompacts * 1000) / sends,
  };
}

async function senderLoop(sender: BotProactiveSender, url: string, from: number, count: number) {
  const activity = announcement();
  let next = from;
  const lane = async () => {
    while (next < from + count) {
      const n = next++;
      const ref = {
        serviceUrl: url,
        channelId: 'msteams',
        conversation: { id: `conv-${n}` },
        bot: { id: '28:b' },
      };
      await sender.send(ref, activity);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
}

async function engineRun(sender: BotProactiveSender, task: AllocationTask): Promise<AllocationReport> {
  const dir = mkdtempSync(join(tmpdir(), 'send-allocation-'));
  const store = new SqliteDocumentStore(join(dir, 'bench.db'));
  const warmUp = 300;
  await seedConversations(store, task.connectorUrl, warmUp + task.sends, recipientId);
  const engine = createDelivery({
    store,
    sender,
    directory: new ConversationDirectory(store, () => systemClock.now()),
    clock: systemClock,
    calendar: alwaysOpen,
    logger: createLogger({ level: 'warn', name: 'send-allocation' }),
    options: { ratePerSecond: task.rate, pollMs: 50 },
  });
  engine.worker.start();
  const broadcast = async (id: string, from: number, count: number) => {
    const activity = announcement();
    const recipients = Array.from({ length: count }, (_, i) => ({
      key: userKey(recipientId(from + i)),
      activity,
    }));
    await engine.delivery.enqueue({ broadcastId: id, purpose: 'bench', urgency: 'normal', recipients });
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const record = await store.get<{ active: boolean }>(containers.broadcasts, 'broadcast', id);
      if (record?.data.active === false) return;
    }
  };
  await broadcast('warm-up', 1, warmUp);
  const report = await profiled(task, task.sends, () => broadcast('measured', warmUp + 1, task.sends));
  await engine.worker.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return report;
}

process.once('message', (task: AllocationTask) => {
  const sender = new BotProactiveSender(
    new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})),
    '',
  );
  const run =
    task.mode === 'engine'
      ? engineRun(sender, task)
      : senderLoop(sender, task.connectorUrl, 1, 300).then(() =>
          profiled(task, task.sends, () => senderLoop(sender, task.connectorUrl, 301, task.sends)),
        );
  run.then(
    (report) => process.send?.(report, () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
});
