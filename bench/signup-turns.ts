/**
 * Sign-up clicks as Teams sends them: Action.Execute `kennisatelier.signUp` invokes over HTTP to the whole
 * bot (SQLite, logging off), each from a different person, against a bare botbuilder echo turn driven the
 * same way in the same run. The goal of issue #17: the click's throughput within 1.2× of the echo's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import restify from 'restify';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/platform/logger';
import { createRuntime } from '../src/runtime';
import { FakeConnector } from '../test/support/fake-connector';
import { openCalendarOrgFile } from '../test/support/open-calendar';

/** A demo programmateam member (config/org.demo.json): she may create ateliers. */
const ORGANISER = '7a11e1b0-0000-4000-8000-000000000001';
const person = (i: number) => `5e1f0000-0000-4000-8000-${String(i).padStart(12, '0')}`;

function activity(serviceUrl: string, aadObjectId: string, extra: Record<string, unknown>) {
  return {
    id: `bench-${aadObjectId}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${aadObjectId}`, aadObjectId, name: 'Bench' },
    recipient: { id: '28:bot', name: 'Panelbot' },
    conversation: { id: `a:personal-${aadObjectId}`, conversationType: 'personal', tenantId: 't' },
    locale: 'nl-NL',
    ...extra,
  };
}

const invoke = (verb: string, data: Record<string, unknown>) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb, data } },
});

async function post(url: string, body: unknown): Promise<string> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.text();
}

/** `turns` posts with `inFlight` at a time after 30 warm-up posts; turns per second. */
export async function drive(send: (i: number) => Promise<unknown>, turns: number, inFlight: number) {
  for (let i = 0; i < 30; i++) await send(i);
  return burst(send, 30, turns, inFlight);
}

/** Posts `from` … `from + turns - 1` with `inFlight` at a time; turns per second. */
export async function burst(
  send: (i: number) => Promise<unknown>,
  from: number,
  turns: number,
  inFlight: number,
): Promise<number> {
  let next = from;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < from + turns) await send(next++);
    }),
  );
  return (turns / (performance.now() - t0)) * 1000;
}

export interface BotUnderTest {
  url: string;
  stop: () => Promise<void>;
}

/** A bare botbuilder echo bot (CloudAdapter + restify + sendActivity). */
export async function startEchoBot(): Promise<BotUnderTest> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, async (ctx: TurnContext) => {
      if (ctx.activity.type === 'message') await ctx.sendActivity(`echo: ${ctx.activity.text}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { url, stop: async () => void server.close() };
}

/** The echo bot's turn as the benchmark sends it: a message from the `i`-th person. */
export const echoTurn = (url: string, connectorUrl: string) => (i: number) =>
  post(url, activity(connectorUrl, person(i), { type: 'message', text: 'aanmelden' }));

export async function echoTurnsPerSecond(turns: number, inFlight: number): Promise<number> {
  const connector = await FakeConnector.start({ keepBodies: false });
  const echo = await startEchoBot();
  try {
    return await drive(echoTurn(echo.url, connector.url), turns, inFlight);
  } finally {
    await echo.stop();
    await connector.stop();
  }
}

/** The draft id the "new atelier" form carries on its Publish action. */
function draftIdIn(json: string): string {
  const found = /"draftId"\s*:\s*"([^"]+)"/.exec(json);
  if (!found) throw new Error(`no draft in the new-atelier form: ${json.slice(0, 300)}`);
  return found[1];
}

/** The whole bot as production composes it (SQLite in `dataDir`, logging off, no workers). */
export async function startPanelbot(dataDir: string): Promise<BotUnderTest> {
  const runtime = await createRuntime(
    loadConfig({
      LOCAL_NO_AUTH: '1',
      USER_RATE_BURST: '100000',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ORG_CONFIG: openCalendarOrgFile(dataDir),
    }),
    { logger: createLogger({ level: 'silent' }) },
  );
  const server = await runtime.start(0, '127.0.0.1', { workers: false });
  return { url: server.url, stop: async () => void (await runtime.stop()) };
}

/**
 * One atelier with room for `seats` people, announced in a team channel; returns the click of the
 * `i`-th person on its sign-up button, and a check that everyone who clicked holds a seat.
 */
export async function prepareSignUps(url: string, connectorUrl: string, seats: number) {
  const as = (who: string, body: Record<string, unknown>) => post(url, activity(connectorUrl, who, body));
  // The bot is in a team channel, so the atelier has an audience (the form asks for one).
  const channel = '19:bench@thread.tacv2';
  await as(ORGANISER, {
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:bot' }],
    conversation: { id: channel, conversationType: 'channel', isGroup: true, tenantId: 't' },
    channelData: {
      tenant: { id: 't' },
      team: { id: '19:team@thread.tacv2', name: 'Bench' },
      channel: { id: channel },
    },
  });
  const draftId = draftIdIn(await as(ORGANISER, invoke('kennisatelier.newForm', {})));
  const created = await as(
    ORGANISER,
    invoke('kennisatelier.create', {
      draftId,
      title: 'Inclusief werven in de praktijk',
      description: 'Voor iedereen die werft.',
      date: '2027-06-01',
      start: '14:00',
      end: '16:00',
      room: 'Timmerhuis',
      meetingUrl: '',
      capacity: String(seats),
      deadlineDate: '',
      deadlineTime: '',
      channels: channel,
      networks: '',
    }),
  );
  const atelierId = /"atelierId"\s*:\s*"([^"]+)"/.exec(created)?.[1];
  if (!atelierId) throw new Error(`the atelier was not created: ${created}`);
  return {
    click: (i: number) => as(person(i), invoke('kennisatelier.signUp', { atelierId })),
    /** Every click must have been a sign-up, not an error card answered quickly. */
    async check(clicks: number) {
      const status = await as(ORGANISER, invoke('kennisatelier.roster', { atelierId }));
      if (!status.includes(`${clicks}`))
        throw new Error(`not everyone was signed up: ${status.slice(0, 400)}`);
    },
  };
}

/** Panelbot: one atelier with room for everyone; every click a new person signing up. */
export async function signUpTurnsPerSecond(turns: number, inFlight: number): Promise<number> {
  const connector = await FakeConnector.start({ keepBodies: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-signup-turns-'));
  const bot = await startPanelbot(dataDir);
  try {
    const { click, check } = await prepareSignUps(bot.url, connector.url, turns + 100);
    const perSecond = await drive(click, turns, inFlight);
    await check(turns + 30);
    return perSecond;
  } finally {
    await bot.stop();
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
