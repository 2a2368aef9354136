import { startLoopbackServer, stopLoopbackServer } from './loopback-server';
import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A local Bot Connector (the REST API Teams exposes to bots) on 127.0.0.1, for tests and benchmarks.
 * botbuilder without an app id posts to the activity's serviceUrl without tokens, so pointing
 * conversation references at `url` is enough. It enforces Teams-like limits and records everything.
 */

export interface WindowLimit {
  max: number;
  windowMs: number;
}

export interface FakeMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  [extra: string]: unknown;
}

export interface FakeConnectorOptions {
  /** App-wide token bucket; no limit when undefined. Excess requests get 429 with Retry-After. */
  ratePerSecond?: number;
  /** Bucket size (requests that may arrive at once); default ratePerSecond / 5. */
  burst?: number;
  retryAfterSeconds?: number;
  /** Sliding-window limits per conversation (Teams: 7 per 1 s, 60 per 30 s). */
  perConversation?: WindowLimit[];
  /** Share (0–1) of admitted requests that fail with one of `failureStatuses` (default 500, 503). */
  failureRate?: number;
  failureStatuses?: number[];
  /** Conversation ids that always answer with this status (403: app removed; 404: conversation gone). */
  conversationStatus?: Record<string, number>;
  /** Delay before answering: fixed, or a uniform [min, max]. */
  latencyMs?: number | [number, number];
  /** Members per conversation id, for GET .../members. */
  members?: Record<string, FakeMember[]>;
  /** Keep activity bodies (turn off for 12,000-message benchmarks). Default true. */
  keepBodies?: boolean;
  random?: () => number;
  /** Clock for the limits and for `at` (default the real performance clock); tests pass virtual time. */
  now?: () => number;
  /**
   * Like Teams (the default): createConversation with a person answers 403 unless the app is installed
   * for them (personal scope: {@link FakeConnector.markInstalled}, or a team in `teamMembers`). `false`:
   * any createConversation succeeds.
   */
  requireInstallForCreate?: boolean;
  /** aadObjectIds who have the app in their personal scope from the start. */
  installedFor?: string[];
  /** aadObjectIds of members of teams where the app is installed. */
  teamMembers?: string[];
}

export type RequestKind = 'send' | 'reply' | 'update' | 'create' | 'members' | 'other';

export interface ConnectorRequest {
  kind: RequestKind;
  method: string;
  path: string;
  conversationId?: string;
  /** For sends: the id we returned; for replies and updates: the id in the URL. */
  activityId?: string;
  status: number;
  /** Arrival time in ms (`now`: the performance clock unless the test gave one). */
  at: number;
  body?: Record<string, unknown>;
  /** Which bot process sent it (scale-out tests tag their requests: tag-outgoing-requests.ts). */
  instance?: string;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const routes: Array<{ method: string; pattern: RegExp; kind: RequestKind }> = [
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, kind: 'send' },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'reply' },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, kind: 'update' },
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, kind: 'create' },
  {
    method: 'GET',
    pattern: /^\/v3\/conversations\/([^/]+)\/(?:paged)?members(?:\/([^/]+))?$/,
    kind: 'members',
  },
];

export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  private options: FakeConnectorOptions;
  private tokens = 0;
  private lastRefill: number;
  private readonly now: () => number;
  private readonly windows = new Map<string, number[]>();
  private sequence = 0;
  private readonly installedUsers = new Set<string>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    options: FakeConnectorOptions,
  ) {
    this.options = options;
    this.now = options.now ?? (() => performance.now());
    this.lastRefill = this.now();
    this.tokens = this.burst();
    for (const id of options.installedFor ?? []) this.markInstalled(id);
  }

  /** The app is now installed in this person's personal scope (wire a fake Graph's `onInstall` to this). */
  markInstalled(aadObjectId: string): void {
    this.installedUsers.add(aadObjectId.toLowerCase());
  }

  /** Whether Teams would let the bot open a 1:1 conversation with this person. */
  canReach(aadObjectId: string): boolean {
    const id = aadObjectId.toLowerCase();
    return (
      this.installedUsers.has(id) || (this.options.teamMembers ?? []).some((m) => m.toLowerCase() === id)
    );
  }

  /** createConversation calls, optionally only those Teams accepted. */
  creates(accepted = false): ConnectorRequest[] {
    return this.requests.filter((r) => r.kind === 'create' && (!accepted || r.status < 300));
  }

  static async start(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
    const ready: { connector?: FakeConnector } = {};
    const { server, origin } = await startLoopbackServer(
      () => ready.connector && ((req, res) => ready.connector!.handle(req, res)),
    );
    ready.connector = new FakeConnector(server, origin, options);
    return ready.connector;
  }

  /** Changes behaviour from now on (e.g. make a conversation answer 403 mid-test). */
  configure(changes: Partial<FakeConnectorOptions>): void {
    this.options = { ...this.options, ...changes };
    this.tokens = Math.min(this.tokens, this.burst());
  }

  /** Messages Teams accepted (new posts and replies), optionally for one conversation. */
  messages(conversationId?: string): ConnectorRequest[] {
    return this.requests.filter(
      (r) =>
        (r.kind === 'send' || r.kind === 'reply') &&
        r.status < 300 &&
        (!conversationId || r.conversationId === conversationId),
    );
  }

  updates(conversationId?: string): ConnectorRequest[] {
    return this.requests.filter(
      (r) =>
        r.kind === 'update' && r.status < 300 && (!conversationId || r.conversationId === conversationId),
    );
  }

  /** Accepted messages per conversation id. */
  deliveredCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages())
      counts.set(m.conversationId as string, (counts.get(m.conversationId as string) ?? 0) + 1);
    return counts;
  }

  throttled(): ConnectorRequest[] {
    return this.requests.filter((r) => r.status === 429);
  }

  /** Most requests admitted (not answered 429) in any sliding window of `windowMs`. */
  peakAdmitted(windowMs = 1000): number {
    const times = this.requests
      .filter((r) => r.status !== 429 && r.kind !== 'members')
      .map((r) => r.at)
      .sort((a, b) => a - b);
    let peak = 0;
    for (let start = 0, end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= windowMs) start++;
      peak = Math.max(peak, end - start + 1);
    }
    return peak;
  }

  async waitFor(predicate: (connector: FakeConnector) => boolean, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this)) {
      if (Date.now() > deadline) throw new Error(`FakeConnector.waitFor timed out after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  reset(): void {
    this.requests.length = 0;
    this.windows.clear();
    this.tokens = this.burst();
    this.lastRefill = this.now();
  }

  stop(): Promise<void> {
    return stopLoopbackServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = this.now();
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.method === req.method && r.pattern.test(path));
    const match = route ? path.match(route.pattern) : null;
    const conversationId = route?.kind !== 'create' && match?.[1] ? decodeURIComponent(match[1]) : undefined;
    const urlActivityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const record: ConnectorRequest = {
      kind: route?.kind ?? 'other',
      method: req.method ?? '',
      path,
      conversationId,
      activityId: urlActivityId,
      status: 0,
      at,
    };
    const instance = req.headers['x-panelbot-instance'];
    if (typeof instance === 'string') record.instance = instance;
    this.requests.push(record);
    const reply = this.decide(record);
    const body = await readJson(req);
    if (this.options.keepBodies !== false) record.body = body;
    const fixed = this.options.latencyMs;
    const latency = Array.isArray(fixed) ? fixed[0] + this.random() * (fixed[1] - fixed[0]) : (fixed ?? 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const answer = reply ?? this.serve(record, body);
    record.status = answer.status;
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    res.setHeader('content-type', 'application/json');
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  /** Limits and injected faults, decided on arrival; undefined = serve normally. */
  private decide(record: ConnectorRequest): Reply | undefined {
    if (record.kind === 'other') return { status: 404, body: error('NotFound') };
    const forced = record.conversationId
      ? this.options.conversationStatus?.[record.conversationId]
      : undefined;
    if (forced)
      return {
        status: forced,
        body: error(forced === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound'),
      };
    if (record.kind === 'members') return undefined;
    if (!this.admitApp(record.at) || !this.admitConversation(record)) {
      return {
        status: 429,
        headers: { 'retry-after': String(this.options.retryAfterSeconds ?? 1) },
        body: error('Throttled'),
      };
    }
    if (this.options.failureRate && this.random() < this.options.failureRate) {
      const statuses = this.options.failureStatuses ?? [500, 503];
      const status = statuses[Math.floor(this.random() * statuses.length)];
      return { status, body: error('ServiceError') };
    }
    return undefined;
  }

  private serve(record: ConnectorRequest, body: Record<string, unknown> | undefined): Reply {
    switch (record.kind) {
      case 'send':
      case 'reply':
        record.activityId = `${record.kind === 'reply' ? record.activityId + '|' : ''}m${++this.sequence}`;
        return { status: 201, body: { id: record.activityId } };
      case 'update':
        return { status: 200, body: { id: record.activityId } };
      case 'create': {
        const member = personOf(body);
        if (this.options.requireInstallForCreate !== false && (!member || !this.canReach(member))) {
          return { status: 403, body: error('Forbidden') };
        }
        // Teams gives the same 1:1 conversation for the same person every time.
        const id = member && !body?.isGroup ? `a:personal-${member}` : `a:${randomUUID()}`;
        record.conversationId = id;
        return { status: 201, body: { id, activityId: body?.activity ? `m${++this.sequence}` : undefined } };
      }
      default:
        return this.members(record);
    }
  }

  private members(record: ConnectorRequest): Reply {
    const all = this.options.members?.[record.conversationId ?? ''] ?? [];
    const userId = record.path.match(/\/members\/([^/]+)$/)?.[1];
    if (userId) {
      const one = all.find(
        (m) => m.id === decodeURIComponent(userId) || m.aadObjectId === decodeURIComponent(userId),
      );
      return one ? { status: 200, body: one } : { status: 404, body: error('MemberNotFound') };
    }
    return { status: 200, body: record.path.includes('/pagedmembers') ? { members: all } : all };
  }

  private admitApp(now: number): boolean {
    const rate = this.options.ratePerSecond;
    if (!rate) return true;
    this.tokens = Math.min(this.burst(), this.tokens + ((now - this.lastRefill) * rate) / 1000);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private admitConversation(record: ConnectorRequest): boolean {
    const limits = this.options.perConversation;
    if (!limits?.length || !record.conversationId) return true;
    const longest = Math.max(...limits.map((l) => l.windowMs));
    const log = (this.windows.get(record.conversationId) ?? []).filter((t) => t > record.at - longest);
    this.windows.set(record.conversationId, log);
    if (limits.some((l) => log.filter((t) => t > record.at - l.windowMs).length >= l.max)) return false;
    log.push(record.at);
    return true;
  }

  private burst(): number {
    return Math.max(1, this.options.burst ?? Math.ceil((this.options.ratePerSecond ?? 0) / 5));
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }
}

function personOf(body: Record<string, unknown> | undefined): string | undefined {
  const members = body?.members as Array<{ id?: string; aadObjectId?: string }> | undefined;
  const first = members?.[0];
  return (first?.aadObjectId ?? first?.id)?.toLowerCase();
}

function error(code: string) {
  return { error: { code, message: code } };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}
