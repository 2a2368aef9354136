import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { ManualClock } from '../../src/platform/clock';
import { createLogger } from '../../src/platform/logger';
import { Organisation } from '../../src/platform/org/organisation';
import type { OrgFile } from '../../src/platform/org/org.schema';
import { createRuntime, type Runtime } from '../../src/runtime';
import { CosmosDocumentStore } from '../../src/storage/cosmos-store';
import { startCosmosServer, testConnectionPolicy } from './cosmos-server';
import { openTestStore } from './test-store';
import type { DocumentStore } from '../../src/storage/document-store.port';
import { FakeConnector, type ConnectorRequest } from './fake-connector';
import type { FakeGraph } from './fake-graph';
import { createGraphEdge } from '../../src/platform/graph/create-graph-edge';
import type { TokenCredential } from '@azure/identity';
import { alwaysOpenCalendar } from './open-calendar';

export const testTenantId = '11111111-2222-4333-8444-555555555555';
const botId = '28:panelbot-test';

export interface BotActivity {
  type: string;
  id?: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  [key: string]: unknown;
}

export interface InvokeResult {
  status: number;
  /** The Adaptive Card the bot answered with (the clicker's new view), if any. */
  card?: Record<string, unknown>;
  /** A plain message answer, if the bot answered with text. */
  text?: string;
  /** Messages the bot sent to this conversation during the click (new cards below the clicked one). */
  sent: BotActivity[];
  body: unknown;
}

export interface StartOptions {
  clock?: ManualClock;
  orgPatch?: (org: OrgFile) => void;
  env?: Record<string, string>;
  /** Another store; default the run's (test-store.ts): a fresh SQLite file, or Cosmos (TEST_STORE). */
  store?: DocumentStore;
  /** Reuse a data folder (to test a restart); default a fresh temp folder, removed on stop. */
  dataDir?: string;
  /** Microsoft Graph answered by this fake on loopback (names, group members, proactive install). */
  graph?: FakeGraph;
}

/** The catalog id the tests publish Panelbot under in a fake Graph. */
export const testCatalogAppId = 'c47a1060-0000-4000-8000-00000000ca7a';
const graphToken: TokenCredential = {
  getToken: async () => ({ token: 'test-graph-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

function graphEnv(graph: FakeGraph | undefined): Record<string, string> {
  if (!graph) return {};
  return {
    GRAPH_ENABLED: 'true',
    GRAPH_BASE_URL: graph.url,
    GRAPH_TENANT_ID: testTenantId,
    GRAPH_CLIENT_ID: '0a0a0a0a-0000-4000-8000-00000000c1d0',
    GRAPH_CLIENT_SECRET: 'not-used-with-a-static-test-token',
    TEAMS_CATALOG_APP_ID: testCatalogAppId,
  };
}

let sequence = 0;
const nextId = () => `act-${process.pid}-${++sequence}`;

/**
 * The whole bot as in production (real runtime, real HTTP to /api/messages, the run's real store) with a
 * fake Bot Connector standing in for Teams, and a manual clock for time.
 */
export class TestBot {
  readonly users = new Map<string, TestUser>();
  private constructor(
    readonly runtime: Runtime,
    readonly connector: FakeConnector,
    readonly url: string,
    readonly clock: ManualClock,
    readonly dataDir: string,
    readonly dbFile: string,
    private readonly logLines: string[],
    private readonly ownsDataDir: boolean,
  ) {}

  static async start(options: StartOptions = {}): Promise<TestBot> {
    const clock = options.clock ?? new ManualClock('2026-11-23T09:00:00Z');
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'panelbot-test-'));
    const raw = JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as OrgFile;
    // Flows at any clock time; a test of the calendar sets a real one in its orgPatch.
    raw.calendar = alwaysOpenCalendar;
    options.orgPatch?.(raw);
    const org = Organisation.fromObject(raw, 'test org');
    const config = loadConfig({
      // Without an app id only the explicit local switch may run without authentication.
      LOCAL_NO_AUTH: options.env?.MicrosoftAppId ? '' : '1',
      // The manual clock never refills a person's bucket by itself; tests of the limit set their own.
      USER_RATE_BURST: '100000',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'debug',
      PUBLIC_BASE_URL: 'http://127.0.0.1:1',
      ...graphEnv(options.graph),
      ...options.env,
    });
    const logLines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        logLines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'debug' }, sink);
    const dbFile = join(dataDir, 'panelbot.sqlite');
    // The run's store (TEST_STORE): SQLite in the data folder, or a Cosmos test server's database.
    const store = options.store ?? (await openTestStore(dbFile, () => clock.now().getTime()));
    const connector = await FakeConnector.start();
    const graph = options.graph ? createGraphEdge(config, logger, { credential: graphToken }) : undefined;
    const runtime = await createRuntime(config, { org, store, clock, logger, graph });
    const server = await runtime.start(0, '127.0.0.1', { workers: false });
    return new TestBot(runtime, connector, server.url, clock, dataDir, dbFile, logLines, !options.dataDir);
  }

  get deps() {
    return this.runtime.deps;
  }

  private postUrl?: string;
  /** Posts go to another address from now on: a load balancer in front of several bot processes. */
  routeThrough(url: string): void {
    this.postUrl = url;
  }

  /** A person from the organisation file, by name or aadObjectId; or any new medewerker by a made-up name. */
  user(nameOrId: string, aadObjectId?: string): TestUser {
    const person = this.deps.org.people.find((p) => p.name === nameOrId || p.aadObjectId === nameOrId);
    const id = (aadObjectId ?? person?.aadObjectId ?? syntheticId(nameOrId)).toLowerCase();
    let user = this.users.get(id);
    if (!user) {
      user = new TestUser(this, id, person?.name ?? nameOrId);
      this.users.set(id, user);
    }
    return user;
  }

  channel(title: string, conversationId = `19:${title.replace(/\W/g, '')}@thread.tacv2`): TestChannel {
    return new TestChannel(this, conversationId, title);
  }

  /** Runs due scheduled jobs and sends everything due in the outbox, repeatedly until nothing is left. */
  async runDue(): Promise<void> {
    for (let i = 0; i < 10; i++) {
      const jobs = await this.runtime.delivery.scheduler.runDue();
      await this.runtime.delivery.worker.drain();
      if (jobs === 0) return;
    }
  }

  /** Moves time forward and runs what became due. */
  async advance(ms: number): Promise<void> {
    this.clock.advance(ms);
    await this.runDue();
  }

  /** Every message the fake Teams accepted in a conversation (1:1 chat or channel), oldest first. */
  messagesIn(conversationId: string): BotActivity[] {
    return this.connector.messages(conversationId).map(asActivity);
  }

  /** Every card update (PUT) the fake Teams accepted in a conversation, oldest first. */
  updatesIn(conversationId: string): BotActivity[] {
    return this.connector.updates(conversationId).map(asActivity);
  }

  /** Every message the fake Teams received in this person's 1:1 chat. */
  inbox(user: TestUser): BotActivity[] {
    return this.messagesIn(user.conversationId);
  }

  logs(): string[] {
    return [...this.logLines];
  }

  /** Log lines written since line `from` (for long runs that check the log after every request). */
  logsSince(from: number): { lines: string[]; next: number } {
    return { lines: this.logLines.slice(from), next: this.logLines.length };
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.postUrl ?? this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  async stop(): Promise<void> {
    await this.runtime.stop();
    await this.connector.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  baseActivity(conversation: Record<string, unknown>, from: Record<string, unknown>, locale: string) {
    return {
      id: nextId(),
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      timestamp: this.clock.now().toISOString(),
      from,
      recipient: { id: botId, name: 'Panelbot' },
      conversation: { tenantId: testTenantId, ...conversation },
      channelData: { tenant: { id: testTenantId } },
      locale,
      entities: [{ type: 'clientInfo', locale }],
    };
  }
}

const asActivity = (r: ConnectorRequest): BotActivity => ({
  ...(r.body as BotActivity),
  id: r.activityId ?? (r.body as BotActivity)?.id,
});

function syntheticId(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `00000000-0000-4000-8000-${h.toString(16).padStart(12, '0').slice(-12)}`;
}

abstract class Speaker {
  constructor(protected readonly bot: TestBot) {}
  protected abstract activityBase(): Record<string, unknown>;
  abstract get conversationId(): string;

  /** Sends a message; returns what the bot sent back during that turn. */
  async say(text: string): Promise<BotActivity[]> {
    const before = this.bot.messagesIn(this.conversationId).length;
    const res = await this.bot.post({ ...this.activityBase(), type: 'message', text });
    if (res.status >= 400) throw new Error(`POST /api/messages answered ${res.status}`);
    return this.bot.messagesIn(this.conversationId).slice(before);
  }

  /** Clicks an Action.Execute button: verb plus the data (inputs merged in, as Teams does). */
  async invoke(
    verb: string,
    data: Record<string, unknown> = {},
    options: { replyToId?: string } = {},
  ): Promise<InvokeResult> {
    const before = this.bot.messagesIn(this.conversationId).length;
    const res = await this.bot.post({
      ...this.activityBase(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: options.replyToId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
    const body = res.body as { type?: string; value?: unknown } | undefined;
    return {
      status: res.status,
      body,
      sent: this.bot.messagesIn(this.conversationId).slice(before),
      card:
        body?.type === 'application/vnd.microsoft.card.adaptive'
          ? (body.value as Record<string, unknown>)
          : undefined,
      text: body?.type === 'application/vnd.microsoft.activity.message' ? String(body.value) : undefined,
    };
  }
}

export class TestUser extends Speaker {
  private uiLocale = 'nl-NL';
  constructor(
    bot: TestBot,
    readonly aadObjectId: string,
    readonly name: string,
  ) {
    super(bot);
  }
  get conversationId(): string {
    return `a:personal-${this.aadObjectId}`;
  }
  /** Switches this person's Teams UI language, e.g. 'en' or 'en-US'. */
  locale(tag: string): this {
    this.uiLocale = tag.length === 2 ? (tag === 'en' ? 'en-US' : 'nl-NL') : tag;
    return this;
  }
  get from() {
    return { id: `29:${this.aadObjectId}`, aadObjectId: this.aadObjectId, name: this.name };
  }
  protected activityBase(): Record<string, unknown> {
    return this.bot.baseActivity(
      { id: this.conversationId, conversationType: 'personal' },
      this.from,
      this.uiLocale,
    );
  }
  /** Installs the bot in this person's 1:1 chat (conversationUpdate, as Teams sends on install). */
  async install(): Promise<BotActivity[]> {
    // Teams now lets the bot open a chat with this person (createConversation).
    this.bot.connector.markInstalled(this.aadObjectId);
    const before = this.bot.messagesIn(this.conversationId).length;
    await this.bot.post({
      ...this.activityBase(),
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }],
    });
    return this.bot.messagesIn(this.conversationId).slice(before);
  }
  inbox(): BotActivity[] {
    return this.bot.inbox(this);
  }
}

export class TestChannel extends Speaker {
  constructor(
    bot: TestBot,
    readonly id: string,
    readonly title: string,
    private readonly member: TestUser = bot.user('Medewerker Demo'),
  ) {
    super(bot);
  }
  get conversationId(): string {
    return this.id;
  }
  as(user: TestUser): TestChannel {
    return new TestChannel(this.bot, this.id, this.title, user);
  }
  protected activityBase(): Record<string, unknown> {
    const base = this.bot.baseActivity(
      { id: this.id, conversationType: 'channel', isGroup: true },
      this.member.from,
      'nl-NL',
    );
    return {
      ...base,
      channelData: {
        tenant: { id: testTenantId },
        team: { id: '19:team@thread.tacv2', name: 'Panel' },
        channel: { id: this.id, name: this.title },
      },
    };
  }
  /** The bot is added to the team: the channel becomes a place announcements can go. */
  async install(): Promise<void> {
    await this.bot.post({
      ...this.activityBase(),
      type: 'conversationUpdate',
      membersAdded: [{ id: botId }],
    });
  }
  inbox(): BotActivity[] {
    return this.bot.messagesIn(this.id);
  }
}

export const startTestBot = (options?: StartOptions) => TestBot.start(options);

/** Runs `body` against a fresh test bot and stops it afterwards, also when `body` fails. */
export async function withTestBot(
  options: StartOptions,
  body: (bot: TestBot) => Promise<void>,
): Promise<void> {
  const bot = await startTestBot(options);
  try {
    await body(bot);
  } finally {
    await bot.stop();
  }
}

/** The same on a fresh database of a Cosmos test server (the real SDK over HTTP), started and stopped here. */
export async function withCosmosTestBot(
  database: string,
  options: StartOptions,
  body: (bot: TestBot) => Promise<void>,
): Promise<void> {
  const server = await startCosmosServer();
  try {
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: `${database}-${process.pid}`,
      connectionPolicy: testConnectionPolicy,
    });
    await store.init();
    await withTestBot({ ...options, store }, body);
  } finally {
    await server.stop();
  }
}
