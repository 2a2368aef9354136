import { startLoopbackServer, stopLoopbackServer } from './loopback-server';
import { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A local Microsoft Graph on 127.0.0.1 for tests and benchmarks, speaking the parts Panelbot uses as
 * Graph documents them: users (`$select`), group `transitiveMembers` with `@odata.nextLink` paging,
 * JSON batching (`POST /$batch`, at most 20 requests, responses matched by id and not in request
 * order), the app catalog, `users/{id}/teamwork/installedApps` (201 / 409 / 403 / 404 / 429 with
 * Retry-After), the installation's 1:1 chat, and error bodies `{ error: { code, message } }`.
 * Every request must carry `Authorization: Bearer …` (401 otherwise). Everything is recorded.
 */

export interface FakeGraphUser {
  id: string;
  displayName?: string;
  preferredLanguage?: string;
  mail?: string;
  /** false: a disabled account. Installing answers a bare 403; `accountEnabled` tells why. */
  accountEnabled?: boolean;
  /** A Teams app permission policy blocks the app for this person (403). */
  blocked?: boolean;
  /** No Teams licence (403). */
  noLicense?: boolean;
}

export interface FakeCatalogApp {
  id: string;
  externalId: string;
  displayName?: string;
  distributionMethod?: 'organization' | 'sideloaded' | 'store';
}

export interface FakeGraphOptions {
  users?: FakeGraphUser[];
  /** Members per group id: user ids and ids of nested groups. */
  groups?: Record<string, string[]>;
  catalog?: FakeCatalogApp[];
  /** People who have the app already (installing again answers 409). */
  installedFor?: string[];
  /** Bot id used in the chat ids the fake hands out. */
  botId?: string;
  /** Most group members per page whatever `$top` asks, to exercise next links. Default 999. */
  pageSize?: number;
  /** Installs per second (token bucket); excess installs get 429 with Retry-After. No limit when undefined. */
  installRatePerSecond?: number;
  /** Bucket size; default installRatePerSecond / 5. */
  installBurst?: number;
  /** Retry-After of throttled installs, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Share (0–1) of top-level requests answered with one of `failureStatuses` (default 503). */
  failureRate?: number;
  failureStatuses?: number[];
  /** The one bearer token accepted; any non-empty bearer token when undefined. */
  token?: string;
  /** Delay before answering: fixed, or a uniform [min, max]. */
  latencyMs?: number | [number, number];
  /** Keep request bodies (turn off for big benchmarks). Default true. */
  keepBodies?: boolean;
  random?: () => number;
}

/** A one-off answer for the next matching request(s), e.g. a 429 on one batch item. */
export interface GraphFault {
  method?: string;
  /** Tested against the path under the version root, e.g. `/users/<id>/teamwork/installedApps`. */
  path?: RegExp;
  status: number;
  retryAfterSeconds?: number;
  /** How many matching requests get it; default 1. */
  times?: number;
  /** Top-level requests, items inside a $batch, or either (default). */
  scope?: 'request' | 'batchItem' | 'any';
}

export type GraphRequestKind =
  | 'batch'
  | 'user'
  | 'groupMembers'
  | 'addGroupMember'
  | 'catalog'
  | 'install'
  | 'installations'
  | 'chat'
  | 'other';

export interface GraphRequestRecord {
  kind: GraphRequestKind;
  method: string;
  /** Path under the version root, decoded, e.g. `/users/<id>`. */
  path: string;
  /** The query string as sent (with its `?`), or ''. */
  query: string;
  status: number;
  /** Arrival time in ms (performance clock). */
  at: number;
  /** An item inside a $batch (the $batch itself is recorded too, as `batch`). */
  inBatch: boolean;
  authorized: boolean;
  body?: unknown;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface Installation {
  installationId: string;
  catalogAppId: string;
  chatId: string;
}

const VERSION = '/v1.0';
const JSON_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const BATCH_LIMIT = 20;

export class FakeGraph {
  readonly requests: GraphRequestRecord[] = [];
  private options: FakeGraphOptions;
  private readonly users = new Map<string, FakeGraphUser>();
  private readonly groups = new Map<string, string[]>();
  private readonly installations = new Map<string, Installation>();
  private readonly faults: Array<GraphFault & { left: number }> = [];
  private readonly installHooks: Array<(userId: string, chatId: string) => void | Promise<void>> = [];
  private catalog: FakeCatalogApp[];
  private tokens: number;
  private lastRefill = performance.now();

  private constructor(
    private readonly server: Server,
    /** The service root to give the adapter (GRAPH_BASE_URL), version included. */
    readonly url: string,
    options: FakeGraphOptions,
  ) {
    this.options = options;
    for (const user of options.users ?? []) this.addUser(user);
    for (const [id, members] of Object.entries(options.groups ?? {})) this.setGroupMembers(id, members);
    this.catalog = (options.catalog ?? []).map((a) => ({ ...a, id: a.id.toLowerCase() }));
    this.tokens = this.burst();
    for (const userId of options.installedFor ?? [])
      this.createInstallation(userId.toLowerCase(), this.catalog[0]);
  }

  static async start(options: FakeGraphOptions = {}): Promise<FakeGraph> {
    const ready: { graph?: FakeGraph } = {};
    const { server, origin } = await startLoopbackServer(
      () => ready.graph && ((req, res) => ready.graph!.handle(req, res)),
    );
    ready.graph = new FakeGraph(server, `${origin}${VERSION}`, options);
    return ready.graph;
  }

  addUser(user: FakeGraphUser): void {
    this.users.set(user.id.toLowerCase(), { ...user, id: user.id.toLowerCase() });
  }

  updateUser(id: string, changes: Partial<Omit<FakeGraphUser, 'id'>>): void {
    const user = this.users.get(id.toLowerCase());
    if (!user) throw new Error(`FakeGraph: no user ${id}`);
    this.users.set(user.id, { ...user, ...changes });
  }

  removeUser(id: string): void {
    this.users.delete(id.toLowerCase());
    this.installations.delete(id.toLowerCase());
  }

  setGroupMembers(groupId: string, memberIds: string[]): void {
    this.groups.set(
      groupId.toLowerCase(),
      memberIds.map((m) => m.toLowerCase()),
    );
  }

  /** Whether the app is installed in this person's personal scope. */
  installed(userId: string): boolean {
    return this.installations.has(userId.toLowerCase());
  }

  installationOf(userId: string): Installation | undefined {
    return this.installations.get(userId.toLowerCase());
  }

  /**
   * Called for every new installation (not for 409s) before the 201 goes out, as Teams would then send
   * the bot its install event: e.g. let the fake Bot Connector accept a conversation with this person.
   */
  onInstall(hook: (userId: string, chatId: string) => void | Promise<void>): void {
    this.installHooks.push(hook);
  }

  inject(fault: GraphFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  configure(changes: Partial<FakeGraphOptions>): void {
    this.options = { ...this.options, ...changes };
    if (changes.catalog) this.catalog = changes.catalog.map((a) => ({ ...a, id: a.id.toLowerCase() }));
    this.tokens = Math.min(this.tokens, this.burst());
  }

  /** Top-level requests of one kind (batch items excluded). */
  calls(kind: GraphRequestKind): GraphRequestRecord[] {
    return this.requests.filter((r) => r.kind === kind && !r.inBatch);
  }

  /** Items answered inside $batch requests. */
  batchItems(): GraphRequestRecord[] {
    return this.requests.filter((r) => r.inBatch);
  }

  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.tokens = this.burst();
    this.lastRefill = performance.now();
  }

  stop(): Promise<void> {
    return stopLoopbackServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const url = new URL(req.url ?? '/', 'http://fake');
    const inVersion = url.pathname === VERSION || url.pathname.startsWith(`${VERSION}/`);
    const path = inVersion ? url.pathname.slice(VERSION.length) || '/' : url.pathname;
    const auth = req.headers.authorization;
    const bearer = typeof auth === 'string' ? /^Bearer\s+(\S+)$/i.exec(auth.trim())?.[1] : undefined;
    const authorized =
      bearer !== undefined && (this.options.token === undefined || bearer === this.options.token);
    const method = (req.method ?? 'GET').toUpperCase();
    const segments = decodeSegments(path);
    const record: GraphRequestRecord = {
      kind: kindOf(method, segments),
      method,
      path: segments ? `/${segments.join('/')}` : path,
      query: url.search,
      status: 0,
      at,
      inBatch: false,
      authorized,
    };
    this.requests.push(record);
    const body = await readJson(req);
    if (this.options.keepBodies !== false && body !== undefined) record.body = body;
    await this.delay();
    let reply: Reply;
    if (!authorized) {
      reply = {
        status: 401,
        body: error(
          'InvalidAuthenticationToken',
          bearer === undefined ? 'Access token is empty.' : 'Access token validation failure.',
        ),
      };
    } else if (!inVersion || !segments) {
      reply = { status: 400, body: error('BadRequest', 'Invalid version.') };
    } else {
      reply =
        this.fault(record, 'request') ??
        this.randomFailure() ??
        (await this.route(method, segments, url.searchParams, body, false));
    }
    record.status = reply.status;
    // restify patches ServerResponse in the same process: set the status and headers, never chain writeHead().
    res.statusCode = reply.status;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined) {
      res.end();
      return;
    }
    res.setHeader('content-type', JSON_TYPE);
    res.end(JSON.stringify(reply.body));
  }

  private async route(
    method: string,
    seg: string[],
    query: URLSearchParams,
    body: unknown,
    inBatch: boolean,
  ): Promise<Reply> {
    const [root, id, sub, rel, installationId, leaf] = seg;
    if (method === 'POST' && seg.length === 1 && root === '$batch') {
      return inBatch
        ? { status: 400, body: error('BadRequest', 'A batch request cannot contain another batch.') }
        : this.batch(body);
    }
    if (root === 'users' && seg.length === 2 && method === 'GET') return this.user(id, query);
    if (
      root === 'groups' &&
      sub === 'transitiveMembers' &&
      method === 'GET' &&
      (seg.length === 3 || (seg.length === 4 && rel === 'microsoft.graph.user'))
    ) {
      return this.members(id, seg.length === 4, query);
    }
    if (root === 'groups' && sub === 'members' && rel === '$ref' && seg.length === 4 && method === 'POST')
      return this.addMember(id, body);
    if (root === 'appCatalogs' && id === 'teamsApps' && seg.length === 2 && method === 'GET')
      return this.catalogApps(query);
    if (root === 'users' && sub === 'teamwork' && rel === 'installedApps') {
      if (seg.length === 4 && method === 'POST') return this.install(id, body);
      if (seg.length === 4 && method === 'GET') return this.listInstallations(id, query);
      if (seg.length === 6 && leaf === 'chat' && method === 'GET') return this.chat(id, installationId);
    }
    return {
      status: 400,
      body: error('BadRequest', `Resource not found for the segment '${seg[seg.length - 1] ?? ''}'.`),
    };
  }

  private async batch(body: unknown): Promise<Reply> {
    const requests = (body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0)
      return { status: 400, body: error('BadRequest', 'Invalid batch payload format.') };
    if (requests.length > BATCH_LIMIT)
      return {
        status: 400,
        body: error('BadRequest', `Number of batch requests exceeds the limit of ${BATCH_LIMIT}.`),
      };
    const ids = new Set<string>();
    for (const item of requests as Array<Record<string, unknown>>) {
      const id = typeof item?.id === 'string' ? item.id.toLowerCase() : '';
      if (!id || typeof item.method !== 'string' || typeof item.url !== 'string')
        return { status: 400, body: error('BadRequest', 'Invalid batch payload format.') };
      if (ids.has(id))
        return { status: 400, body: error('BadRequest', 'Request id must be unique within a batch.') };
      ids.add(id);
    }
    const responses: Array<Record<string, unknown>> = [];
    for (const item of requests as Array<{ id: string; method: string; url: string; body?: unknown }>) {
      const url = new URL(item.url.startsWith('/') ? item.url : `/${item.url}`, 'http://fake');
      const method = item.method.toUpperCase();
      const segments = decodeSegments(url.pathname);
      const record: GraphRequestRecord = {
        kind: kindOf(method, segments),
        method,
        path: segments ? `/${segments.join('/')}` : url.pathname,
        query: url.search,
        status: 0,
        at: performance.now(),
        inBatch: true,
        authorized: true,
      };
      this.requests.push(record);
      const reply = segments
        ? (this.fault(record, 'batchItem') ??
          (await this.route(method, segments, url.searchParams, item.body, true)))
        : { status: 400, body: error('BadRequest', 'Invalid request URL.') };
      record.status = reply.status;
      const headers: Record<string, string> = { ...(reply.headers ?? {}) };
      if (reply.body !== undefined) headers['Content-Type'] = JSON_TYPE;
      responses.push({
        id: item.id,
        status: reply.status,
        headers,
        ...(reply.body === undefined ? {} : { body: reply.body }),
      });
    }
    // Graph does not promise the request order: answer in reverse so clients must match by id.
    return { status: 200, body: { responses: responses.reverse() } };
  }

  private user(id: string, query: URLSearchParams): Reply {
    const user = this.users.get(id.toLowerCase());
    if (!user) return notFound(id);
    const full: Record<string, unknown> = {
      id: user.id,
      displayName: user.displayName ?? null,
      preferredLanguage: user.preferredLanguage ?? null,
      mail: user.mail ?? null,
      accountEnabled: user.accountEnabled ?? true,
    };
    const selected = query
      .get('$select')
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? ['id', 'displayName', 'mail', 'preferredLanguage'];
    const body: Record<string, unknown> = {
      '@odata.context': `${this.url}/$metadata#users(${selected.join(',')})/$entity`,
    };
    for (const field of selected) if (field in full) body[field] = full[field];
    return { status: 200, body };
  }

  private members(groupId: string, usersOnly: boolean, query: URLSearchParams): Reply {
    const id = groupId.toLowerCase();
    if (!this.groups.has(id)) return notFound(groupId);
    const all = this.transitive(id);
    const list = usersOnly ? all.filter((m) => m.type === 'user') : all;
    const top = Math.min(999, Math.max(1, Number(query.get('$top') ?? 100) || 100));
    const pageSize = Math.min(top, this.options.pageSize ?? 999);
    const skipToken = query.get('$skiptoken');
    const offset = skipToken
      ? Number(
          Buffer.from(skipToken, 'base64url')
            .toString('utf8')
            .replace(/^offset:/, ''),
        ) || 0
      : 0;
    const page = list.slice(offset, offset + pageSize);
    const select = query.get('$select') ?? 'id';
    const body: Record<string, unknown> = {
      '@odata.context': `${this.url}/$metadata#${usersOnly ? 'users' : 'directoryObjects'}(${select})`,
      value: page.map((m) =>
        usersOnly ? { id: m.id } : { '@odata.type': `#microsoft.graph.${m.type}`, id: m.id },
      ),
    };
    if (offset + pageSize < list.length) {
      const token = Buffer.from(`offset:${offset + pageSize}`).toString('base64url');
      const cast = usersOnly ? '/microsoft.graph.user' : '';
      body['@odata.nextLink'] =
        `${this.url}/groups/${id}/transitiveMembers${cast}?$select=${encodeURIComponent(select)}&$top=${top}&$skiptoken=${token}`;
    }
    return { status: 200, body };
  }

  /** `POST /groups/{id}/members/$ref` with `{"@odata.id": ".../directoryObjects/{userId}"}`: 204, or 400 for a member. */
  private addMember(groupId: string, body: unknown): Reply {
    const id = groupId.toLowerCase();
    const members = this.groups.get(id);
    if (!members) return notFound(groupId);
    const ref = (body as { '@odata.id'?: unknown } | undefined)?.['@odata.id'];
    const userId =
      typeof ref === 'string' ? /\/directoryObjects\/([^/?]+)$/.exec(ref)?.[1]?.toLowerCase() : undefined;
    if (!userId) return { status: 400, body: error('Request_BadRequest', 'Invalid object identifier.') };
    if (members.includes(userId))
      return {
        status: 400,
        body: error(
          'Request_BadRequest',
          "One or more added object references already exist for the following modified properties: 'members'.",
        ),
      };
    members.push(userId);
    return { status: 204 };
  }

  /** Members through nested groups, each once; a cycle of groups ends. */
  private transitive(groupId: string): Array<{ id: string; type: 'user' | 'group' }> {
    const seen = new Set<string>([groupId]);
    const out: Array<{ id: string; type: 'user' | 'group' }> = [];
    const visit = (gid: string) => {
      for (const member of this.groups.get(gid) ?? []) {
        if (seen.has(member)) continue;
        seen.add(member);
        if (this.groups.has(member)) {
          out.push({ id: member, type: 'group' });
          visit(member);
        } else {
          out.push({ id: member, type: 'user' });
        }
      }
    };
    visit(groupId);
    return out;
  }

  private catalogApps(query: URLSearchParams): Reply {
    const filter = query.get('$filter');
    let apps = this.catalog;
    if (filter) {
      const match = /^\s*(externalId|id)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
      if (!match) return { status: 400, body: error('BadRequest', 'Unsupported filter.') };
      const field = match[1].toLowerCase() === 'id' ? 'id' : 'externalId';
      apps = apps.filter((a) => a[field].toLowerCase() === match[2].toLowerCase());
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${this.url}/$metadata#appCatalogs/teamsApps`,
        value: apps.map((a) => ({
          id: a.id,
          externalId: a.externalId,
          displayName: a.displayName ?? 'Panelbot',
          distributionMethod: a.distributionMethod ?? 'organization',
        })),
      },
    };
  }

  private async install(userIdRaw: string, body: unknown): Promise<Reply> {
    if (!this.admitInstall(performance.now())) {
      return {
        status: 429,
        headers: { 'Retry-After': String(this.options.retryAfterSeconds ?? 1) },
        body: error('TooManyRequests', 'Too many requests.'),
      };
    }
    const userId = userIdRaw.toLowerCase();
    const user = this.users.get(userId);
    if (!user) return notFound(userIdRaw);
    const bind = (body as Record<string, unknown> | undefined)?.['teamsApp@odata.bind'];
    if (typeof bind !== 'string')
      return { status: 400, body: error('BadRequest', 'teamsApp@odata.bind is required.') };
    const catalogId = /\/appCatalogs\/teamsApps\/([^/?#]+)$/.exec(bind)?.[1]?.toLowerCase();
    const app = this.catalog.find((a) => a.id === catalogId);
    if (!app) return { status: 404, body: error('NotFound', 'The app was not found in the catalog.') };
    if (user.accountEnabled === false) return { status: 403, body: error('Forbidden', 'Forbidden') };
    if (user.noLicense) {
      return {
        status: 403,
        body: error(
          'Forbidden',
          'Failed to get license information for the user. Ensure user has a valid Office365 license assigned to them.',
        ),
      };
    }
    if (user.blocked) {
      return {
        status: 403,
        body: error(
          'Forbidden',
          `App is blocked by app permission policy. UserObjectId: ${userId}, AppId: ${app.id}, AppType: Private`,
          'AccessDenied',
        ),
      };
    }
    if (this.installations.has(userId))
      return { status: 409, body: error('Conflict', 'App is already installed.') };
    const installation = this.createInstallation(userId, app);
    for (const hook of this.installHooks) await hook(userId, installation.chatId);
    return { status: 201 };
  }

  private createInstallation(userId: string, app: FakeCatalogApp | undefined): Installation {
    const catalogAppId = app?.id ?? 'unknown-app';
    const installation: Installation = {
      // Shaped like Graph's: opaque, base64 of the user and the app.
      installationId: Buffer.from(`${userId}##${catalogAppId}`).toString('base64'),
      catalogAppId,
      chatId: `19:${userId}_${this.options.botId ?? '00000000-0000-0000-0000-000000000b07'}@unq.gbl.spaces`,
    };
    this.installations.set(userId, installation);
    return installation;
  }

  private listInstallations(userIdRaw: string, query: URLSearchParams): Reply {
    const userId = userIdRaw.toLowerCase();
    if (!this.users.has(userId)) return notFound(userIdRaw);
    const installation = this.installations.get(userId);
    const app = installation ? this.catalog.find((a) => a.id === installation.catalogAppId) : undefined;
    const filter = query.get('$filter');
    let matches = installation !== undefined;
    if (filter) {
      const match = /^\s*teamsApp\/(id|externalId)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
      if (!match) return { status: 400, body: error('BadRequest', 'Unsupported filter.') };
      const wanted = match[2].toLowerCase();
      matches =
        matches &&
        (match[1].toLowerCase() === 'id'
          ? installation?.catalogAppId === wanted
          : app?.externalId.toLowerCase() === wanted);
    }
    const expand = (query.get('$expand') ?? '').split(',').map((s) => s.trim());
    const value =
      matches && installation
        ? [
            {
              id: installation.installationId,
              ...(expand.includes('teamsApp')
                ? {
                    teamsApp: {
                      id: installation.catalogAppId,
                      externalId: app?.externalId ?? null,
                      displayName: app?.displayName ?? 'Panelbot',
                      distributionMethod: app?.distributionMethod ?? 'organization',
                    },
                  }
                : {}),
            },
          ]
        : [];
    return {
      status: 200,
      body: { '@odata.context': `${this.url}/$metadata#users('${userId}')/teamwork/installedApps`, value },
    };
  }

  private chat(userIdRaw: string, installationId: string): Reply {
    const installation = this.installations.get(userIdRaw.toLowerCase());
    if (!installation || installation.installationId !== installationId) return notFound(installationId);
    return {
      status: 200,
      body: {
        '@odata.context': `${this.url}/$metadata#chats/$entity`,
        id: installation.chatId,
        chatType: 'oneOnOne',
      },
    };
  }

  private fault(record: GraphRequestRecord, scope: 'request' | 'batchItem'): Reply | undefined {
    const fault = this.faults.find(
      (f) =>
        f.left > 0 &&
        (f.scope ?? 'any') !== (scope === 'request' ? 'batchItem' : 'request') &&
        (!f.method || f.method.toUpperCase() === record.method) &&
        (!f.path || f.path.test(record.path)),
    );
    if (!fault) return undefined;
    fault.left -= 1;
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
    const code =
      fault.status === 429 ? 'TooManyRequests' : fault.status >= 500 ? 'ServiceUnavailable' : 'Injected';
    return { status: fault.status, headers, body: error(code, 'Injected by the test.') };
  }

  private randomFailure(): Reply | undefined {
    if (!this.options.failureRate || this.random() >= this.options.failureRate) return undefined;
    const statuses = this.options.failureStatuses ?? [503];
    const status = statuses[Math.floor(this.random() * statuses.length)];
    return { status, body: error('ServiceUnavailable', 'Injected failure.') };
  }

  private admitInstall(now: number): boolean {
    const rate = this.options.installRatePerSecond;
    if (!rate) return true;
    this.tokens = Math.min(this.burst(), this.tokens + ((now - this.lastRefill) * rate) / 1000);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private burst(): number {
    return Math.max(1, this.options.installBurst ?? Math.ceil((this.options.installRatePerSecond ?? 0) / 5));
  }

  private async delay(): Promise<void> {
    const fixed = this.options.latencyMs;
    const ms = Array.isArray(fixed) ? fixed[0] + this.random() * (fixed[1] - fixed[0]) : (fixed ?? 0);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }

  private random(): number {
    return (this.options.random ?? Math.random)();
  }
}

function kindOf(method: string, seg: string[] | undefined): GraphRequestKind {
  if (!seg) return 'other';
  if (seg.length === 1 && seg[0] === '$batch') return 'batch';
  if (seg[0] === 'users' && seg.length === 2) return 'user';
  if (seg[0] === 'groups' && seg[2] === 'transitiveMembers') return 'groupMembers';
  if (seg[0] === 'groups' && seg[2] === 'members' && seg[3] === '$ref') return 'addGroupMember';
  if (seg[0] === 'appCatalogs') return 'catalog';
  if (seg[0] === 'users' && seg[3] === 'installedApps') {
    if (seg.length === 4) return method === 'POST' ? 'install' : 'installations';
    if (seg[5] === 'chat') return 'chat';
  }
  return 'other';
}

function decodeSegments(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

function error(code: string, message: string, innerCode?: string) {
  return {
    error: {
      code,
      message,
      innerError: {
        ...(innerCode ? { code: innerCode } : {}),
        date: new Date().toISOString().slice(0, 19),
        'request-id': 'fake-graph',
      },
    },
  };
}

function notFound(id: string): Reply {
  return {
    status: 404,
    body: error(
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  };
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as unknown) : undefined);
      } catch {
        resolve(undefined);
      }
    });
    req.on('error', () => resolve(undefined));
  });
}
