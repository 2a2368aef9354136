/**
 * Turn cost: what one user turn costs in Panelbot against a bare botbuilder echo bot, measured in the
 * same run on the same machine, both over real HTTP with the replies going to the same fake connector.
 *
 *   npx tsx bench/turn-cost.bench.ts [--turns 400] [--concurrency 8]
 *
 * Panelbot turns are "help" (help card: org lookup, i18n, templating, conversation tracking, turn state)
 * and an Action.Execute invoke answered with a card. The echo bot is CloudAdapter + restify + sendActivity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { createRuntime } from '../src/runtime';
import { FakeConnector } from '../test/support/fake-connector';

const { values } = parseArgs({
  options: { turns: { type: 'string', default: '400' }, concurrency: { type: 'string', default: '8' } },
});
const turns = Number(values.turns);
const concurrency = Number(values.concurrency);

async function startEcho(cardPayload?: {
  contentType: string;
  content: unknown;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (ctx: TurnContext) => {
      if (ctx.activity.type === 'message')
        await ctx.sendActivity(
          cardPayload ? { type: 'message', attachments: [cardPayload] } : `echo: ${ctx.activity.text}`,
        );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, stop: async () => void server.close() };
}

/** An Adaptive Card of the help card's size (about 8 KB), with plain static content. */
function sampleCard() {
  const entry = (i: number) => ({
    type: 'Container',
    items: [
      { type: 'TextBlock', text: `Entry ${i} title`, wrap: true },
      {
        type: 'TextBlock',
        text: 'A description of what this entry lets a person do in the bot, in one or two lines.',
        wrap: true,
      },
      { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Openen', verb: `x.${i}`, data: {} }] },
    ],
  });
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Title', wrap: true },
      ...Array.from({ length: 14 }, (_, i) => entry(i)),
    ],
  };
}

function activity(connectorUrl: string, i: number, extra: Record<string, unknown>) {
  const user = `7a11e1b0-0000-4000-8000-${String(0x12 + (i % 4)).padStart(12, '0')}`;
  return {
    id: `bench-${i}`,
    channelId: 'msteams',
    serviceUrl: connectorUrl,
    from: { id: `29:${user}`, aadObjectId: user, name: 'Bench' },
    recipient: { id: '28:bot', name: 'Panelbot' },
    conversation: { id: `a:personal-bench-${i % 4}`, conversationType: 'personal' },
    locale: 'nl-NL',
    ...extra,
  };
}

async function measure(
  url: string,
  connectorUrl: string,
  extra: Record<string, unknown>,
): Promise<{ meanMs: number; p95Ms: number; perSecond: number }> {
  const post = (i: number) =>
    fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity(connectorUrl, i, extra)),
    }).then((r) => r.text());
  for (let i = 0; i < 30; i++) await post(i); // warm-up: JIT, connection pools, statement caches
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < turns) {
        const i = next++;
        const t0 = performance.now();
        await post(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wall = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    meanMs: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    p95Ms: latencies[Math.floor(latencies.length * 0.95)],
    perSecond: (turns / wall) * 1000,
  };
}

async function main() {
  const connector = await FakeConnector.start({ keepBodies: false });
  const echo = await startEcho();
  // Same size of answer as Panelbot's help card, to separate our work from the cost of sending a card.
  const echoCard = await startEcho({
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: sampleCard(),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-bench-'));
  const runtime = await createRuntime(
    loadConfig({ LOCAL_NO_AUTH: '1', USER_RATE_BURST: '100000', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    {
      logger: createLogger({ level: 'silent' }),
    },
  );
  const server = await runtime.start(0, '127.0.0.1', { workers: false });
  try {
    const message = { type: 'message', text: 'help' };
    const invoke = {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'help.show', data: {} } },
    };
    const bare = await measure(echo.url, connector.url, { type: 'message', text: 'help' });
    const bareCard = await measure(echoCard.url, connector.url, { type: 'message', text: 'help' });
    const help = await measure(server.url, connector.url, message);
    const card = await measure(server.url, connector.url, invoke);
    const row = (name: string, r: { meanMs: number; p95Ms: number; perSecond: number }) =>
      `| ${name.padEnd(34)} | ${r.meanMs.toFixed(2).padStart(8)} | ${r.p95Ms.toFixed(2).padStart(8)} | ${r.perSecond.toFixed(0).padStart(7)} | ${(r.meanMs / bare.meanMs).toFixed(2).padStart(5)}× |`;
    process.stdout.write(
      [
        `Turn cost, ${turns} turns, ${concurrency} concurrent, Node ${process.version}`,
        '| turn                               |  mean ms |   p95 ms | turns/s | vs echo |',
        '|------------------------------------|----------|----------|---------|---------|',
        row('bare botbuilder echo (baseline)', bare),
        row('bare botbuilder, same-size card', bareCard),
        row('Panelbot "help" → help card', help),
        row('Panelbot Action.Execute → card', card),
        '',
      ].join('\n'),
    );
  } finally {
    await runtime.stop();
    await echo.stop();
    await echoCard.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
