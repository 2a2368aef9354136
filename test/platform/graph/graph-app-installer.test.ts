import { GraphAppInstaller } from '../../../src/platform/graph/graph-app-installer';
import { GraphDirectory } from '../../../src/platform/graph/graph-directory';
import { GraphHttp } from '../../../src/platform/graph/graph-http';
import { silentLogger } from '../../../src/platform/logger';
import { FakeGraph } from '../../support/fake-graph';
import {
  capturedLogger,
  catalog,
  CATALOG_ID,
  graphHttp,
  MANIFEST_ID,
  staticCredential,
  TOKEN,
  userId,
  virtualTime,
} from './graph-fixture';

const BOT_ID = '00000000-0000-4000-8000-0000000000b0';
const people = {
  fresh: userId(1),
  installed: userId(2),
  blocked: userId(3),
  unlicensed: userId(4),
  disabled: userId(5),
  unknown: userId(99),
};

describe('GraphAppInstaller against the fake Graph', () => {
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = await FakeGraph.start({
      token: TOKEN,
      botId: BOT_ID,
      catalog,
      users: [
        { id: people.fresh, displayName: 'Fatima Ouali', mail: 'fatima.ouali@example.org' },
        { id: people.installed, displayName: 'Bram de Wit', mail: 'bram.dewit@example.org' },
        { id: people.blocked, displayName: 'Sanne Bakker', blocked: true },
        { id: people.unlicensed, displayName: 'Youssef Amrani', noLicense: true },
        { id: people.disabled, displayName: 'Petra Jansen', accountEnabled: false },
      ],
      installedFor: [people.installed],
    });
  });

  afterEach(() => graph.stop());

  const installer = (http = graphHttp(graph), options: { catalogAppId?: string } = {}) =>
    new GraphAppInstaller(http, silentLogger(), { teamsAppId: MANIFEST_ID, ...options });

  it('installs the app (201), then returns the 1:1 chat id of that installation', async () => {
    const installs: Array<[string, string]> = [];
    graph.onInstall((user, chat) => void installs.push([user, chat]));

    const outcome = await installer().installForUser(people.fresh.toUpperCase());

    const chatId = `19:${people.fresh}_${BOT_ID}@unq.gbl.spaces`;
    expect(outcome).toEqual({ ok: true, chatId, alreadyInstalled: false });
    expect(graph.installed(people.fresh)).toBe(true);
    expect(installs).toEqual([[people.fresh, chatId]]);
    expect(graph.requests.map((r) => `${r.method} ${r.kind} ${r.status}`)).toEqual([
      'GET catalog 200',
      'POST install 201',
      'GET installations 200',
      'GET chat 200',
    ]);
    const [lookup, install, list, chat] = graph.requests;
    expect(decodeURIComponent(lookup.query)).toBe(`?$filter=externalId eq '${MANIFEST_ID}'`);
    expect(install.body).toEqual({
      'teamsApp@odata.bind': `${graph.url}/appCatalogs/teamsApps/${CATALOG_ID}`,
    });
    expect(decodeURIComponent(list.query)).toBe(`?$expand=teamsApp&$filter=teamsApp/id eq '${CATALOG_ID}'`);
    expect(chat.path).toBe(
      `/users/${people.fresh}/teamwork/installedApps/${graph.installationOf(people.fresh)?.installationId}/chat`,
    );
  });

  it('treats 409 (already installed) as success and still finds the chat', async () => {
    const outcome = await installer().installForUser(people.installed);
    expect(outcome).toEqual({
      ok: true,
      chatId: `19:${people.installed}_${BOT_ID}@unq.gbl.spaces`,
      alreadyInstalled: true,
    });
    expect(graph.calls('install').map((r) => r.status)).toEqual([409]);
  });

  it('reports a person for whom a permission policy blocks the app (403) as blocked', async () => {
    const outcome = await installer().installForUser(people.blocked);
    expect(outcome).toEqual({ ok: false, reason: 'blocked', detail: 'HTTP_403:Forbidden' });
    expect(graph.installed(people.blocked)).toBe(false);
  });

  it('reports no licence and a disabled account with their reasons', async () => {
    const target = installer();
    expect(await target.installForUser(people.unlicensed)).toEqual({
      ok: false,
      reason: 'noLicense',
      detail: 'HTTP_403:Forbidden',
    });
    // A bare 403: the account itself tells why.
    expect(await target.installForUser(people.disabled)).toEqual({
      ok: false,
      reason: 'disabled',
      detail: 'HTTP_403:Forbidden',
    });
    expect(graph.calls('user').map((r) => `${r.path}${decodeURIComponent(r.query)}`)).toEqual([
      `/users/${people.disabled}?$select=id,accountEnabled`,
    ]);
  });

  it('reports an unknown user as userNotFound, and a malformed id without asking Graph', async () => {
    const target = installer();
    expect(await target.installForUser(people.unknown)).toEqual({
      ok: false,
      reason: 'userNotFound',
      detail: 'HTTP_404:Request_ResourceNotFound',
    });
    const before = graph.requests.length;
    expect(await target.installForUser('not-a-guid/../x')).toEqual({
      ok: false,
      reason: 'userNotFound',
      detail: 'INVALID_ID',
    });
    expect(graph.requests.length).toBe(before);
  });

  it('on 429 pauses the shared limiter for Retry-After, then installs', async () => {
    const time = virtualTime();
    const http = graphHttp(graph, time);
    graph.inject({
      scope: 'request',
      method: 'POST',
      path: /\/teamwork\/installedApps$/,
      status: 429,
      retryAfterSeconds: 1,
    });

    const outcome = await installer(http).installForUser(people.fresh);

    expect(outcome).toMatchObject({ ok: true, alreadyInstalled: false });
    expect(graph.calls('install').map((r) => r.status)).toEqual([429, 201]);
    expect(time.pausesOf(1000)).toEqual([1000]);
    expect(http.limiter.throttles).toBe(1);
    expect(http.limiter.ratePerSecond).toBeLessThan(100);
  });

  it('gives up on a persistent 429 as a retryable failure', async () => {
    const http = graphHttp(graph);
    graph.inject({
      scope: 'request',
      method: 'POST',
      path: /\/teamwork\/installedApps$/,
      status: 429,
      retryAfterSeconds: 0,
      times: 50,
    });
    const outcome = await installer(http).installForUser(people.fresh);
    expect(outcome).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'HTTP_429:TooManyRequests',
      retryable: true,
    });
    expect(graph.calls('install')).toHaveLength(http.policy.maxThrottles + 1);
  });

  it('looks the catalog id up once, and not at all when it is configured', async () => {
    const target = installer();
    await target.installForUser(people.fresh);
    await target.installForUser(people.installed);
    expect(graph.calls('catalog')).toHaveLength(1);

    graph.reset();
    const configured = installer(graphHttp(graph), { catalogAppId: CATALOG_ID.toUpperCase() });
    expect(await configured.installForUser(people.installed)).toMatchObject({ ok: true });
    expect(graph.calls('catalog')).toHaveLength(0);
  });

  it('answers notConfigured when the app is not in the organisation catalog', async () => {
    graph.configure({ catalog: [] });
    const outcome = await installer().installForUser(people.fresh);
    expect(outcome).toEqual({ ok: false, reason: 'notConfigured', detail: 'APP_NOT_IN_CATALOG' });
    expect(graph.calls('install')).toHaveLength(0);
  });

  it('fails without retrying when no token can be had, and retries a network error with back-off', async () => {
    const clock = virtualTime();
    const noToken = new GraphHttp({
      baseUrl: graph.url,
      credential: { getToken: async () => Promise.reject(new Error('AADSTS7000215: invalid client secret')) },
      ratePerSecond: 100,
      now: clock.now,
      wait: clock.wait,
    });
    expect(await installer(noToken).installForUser(people.fresh)).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'AUTH',
    });
    await expect(new GraphDirectory(noToken, silentLogger()).profiles([people.fresh])).rejects.toMatchObject({
      code: 'unavailable',
      detail: 'AUTH',
    });
    expect(graph.requests).toHaveLength(0);

    const gone = await FakeGraph.start({ token: TOKEN });
    await gone.stop();
    const time = virtualTime();
    const unreachable = new GraphHttp({
      baseUrl: gone.url,
      credential: staticCredential,
      ratePerSecond: 100,
      now: time.now,
      wait: time.wait,
      random: () => 0.5,
    });
    expect(await installer(unreachable, { catalogAppId: CATALOG_ID }).installForUser(people.fresh)).toEqual({
      ok: false,
      reason: 'failed',
      detail: 'NETWORK',
      retryable: true,
    });
    // Five attempts, four jittered back-offs between them (base 500 ms, random 0.5).
    expect(time.waits.filter((w) => w >= 100)).toEqual([375, 750, 1500, 3000]);
  });

  it('logs ids and outcomes, never names or e-mail addresses', async () => {
    const { logger, lines } = capturedLogger('trace');
    const http = graphHttp(graph);
    const target = new GraphAppInstaller(http, logger, { teamsAppId: MANIFEST_ID });
    const directory = new GraphDirectory(http, logger);
    graph.inject({ scope: 'batchItem', path: /^\/users\//, status: 403 });

    await directory.profiles(Object.values(people));
    for (const person of Object.values(people)) await target.installForUser(person);

    const output = lines.join('');
    expect(output).toContain(people.blocked);
    expect(output).toContain('"reason":"blocked"');
    for (const secret of [
      'Fatima',
      'Ouali',
      'Bram',
      'Sanne',
      'Youssef',
      'Petra',
      'example.org',
      'license information',
      'permission policy',
    ]) {
      expect(output).not.toContain(secret);
    }
  });
});
