import { DirectoryError } from '../../../src/platform/directory/directory.port';
import { GraphDirectory } from '../../../src/platform/graph/graph-directory';
import { silentLogger } from '../../../src/platform/logger';
import { FakeGraph } from '../../support/fake-graph';
import { graphHttp, TOKEN, userId, virtualTime } from './graph-fixture';

describe('GraphDirectory against the fake Graph', () => {
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = await FakeGraph.start({
      token: TOKEN,
      users: Array.from({ length: 40 }, (_, i) => ({
        id: userId(i + 1),
        displayName: `Collega ${i + 1}`,
        mail: `collega${i + 1}@example.org`,
        ...(i % 2 === 0 ? { preferredLanguage: 'nl-NL' } : {}),
      })),
    });
  });

  afterEach(() => graph.stop());

  it('resolves 45 ids in three $batch requests of at most 20; unknown ids are absent', async () => {
    const directory = new GraphDirectory(graphHttp(graph), silentLogger());
    const known = Array.from({ length: 40 }, (_, i) => userId(i + 1));
    const unknown = Array.from({ length: 5 }, (_, i) => userId(900 + i));
    const ids = [...known.slice(0, 3).map((id) => id.toUpperCase()), ...known.slice(3), ...unknown];

    const profiles = await directory.profiles(ids);

    const batches = graph.calls('batch');
    expect(batches).toHaveLength(3);
    expect(batches.every((b) => b.status === 200 && b.authorized)).toBe(true);
    const sizes = batches
      .map((b) => (b.body as { requests: unknown[] }).requests.length)
      .sort((a, b) => a - b);
    expect(sizes).toEqual([5, 20, 20]);
    const items = graph.batchItems();
    expect(items).toHaveLength(45);
    expect(
      items.every(
        (i) =>
          i.method === 'GET' &&
          i.path.startsWith('/users/') &&
          i.query === '?$select=id,displayName,preferredLanguage',
      ),
    ).toBe(true);

    expect(profiles.size).toBe(40);
    expect(profiles.get(userId(1))).toEqual({ displayName: 'Collega 1', preferredLanguage: 'nl-NL' });
    expect(profiles.get(userId(2))).toEqual({ displayName: 'Collega 2' });
    for (const id of unknown) expect(profiles.has(id)).toBe(false);
    expect([...profiles.keys()].every((k) => k === k.toLowerCase())).toBe(true);
  });

  it('retries an item throttled inside a batch after its Retry-After, pausing every Graph call', async () => {
    const time = virtualTime();
    const http = graphHttp(graph, time);
    const directory = new GraphDirectory(http, silentLogger());
    graph.inject({ scope: 'batchItem', path: /^\/users\//, status: 429, retryAfterSeconds: 1, times: 2 });

    const ids = [1, 2, 3, 4, 5].map(userId);
    const profiles = await directory.profiles(ids);

    expect([...profiles.keys()].sort()).toEqual([...ids].sort());
    const batches = graph.calls('batch');
    expect(batches.map((b) => (b.body as { requests: unknown[] }).requests.length)).toEqual([5, 2]);
    expect(graph.batchItems().filter((i) => i.status === 429)).toHaveLength(2);
    // The limiter paused for the item's Retry-After (1 s), once, and halved its rate.
    expect(time.pausesOf(1000)).toEqual([1000]);
    expect(http.limiter.throttles).toBe(1);
    expect(http.limiter.ratePerSecond).toBeLessThan(100);
  });

  it('retries a $batch answered 503 with jittered back-off, then succeeds', async () => {
    const time = virtualTime();
    const directory = new GraphDirectory(graphHttp(graph, time), silentLogger());
    graph.inject({ scope: 'request', path: /^\/\$batch$/, status: 503, times: 2 });

    const profiles = await directory.profiles([userId(7)]);

    expect(profiles.get(userId(7))?.displayName).toBe('Collega 7');
    expect(graph.calls('batch').map((b) => b.status)).toEqual([503, 503, 200]);
    // backoffMs with random 0.5: attempt 1 → 375 ms, attempt 2 → 750 ms (base 500 ms).
    expect(time.waits.filter((w) => w >= 100)).toEqual([375, 750]);
  });

  it('gives up with DirectoryError(unavailable) when the service stays down', async () => {
    const directory = new GraphDirectory(graphHttp(graph), silentLogger());
    graph.inject({ scope: 'request', path: /^\/\$batch$/, status: 503, times: 99 });
    await expect(directory.profiles([userId(1)])).rejects.toMatchObject({
      code: 'unavailable',
      detail: 'HTTP_503:ServiceUnavailable',
    });
    expect(graph.calls('batch')).toHaveLength(5);
  });

  it('lists transitive group members across pages: users only, lower-case, each once', async () => {
    const members = [1, 2, 3, 4, 5].map(userId);
    graph.setGroupMembers('AAAA0000-0000-4000-8000-00000000000A', [
      members[0],
      members[1].toUpperCase(),
      'nested-group',
      members[2],
    ]);
    graph.setGroupMembers('nested-group', [members[3], members[0], members[4]]);
    const directory = new GraphDirectory(graphHttp(graph), silentLogger(), { pageSize: 2 });

    const ids = await directory.transitiveMemberIds('aaaa0000-0000-4000-8000-00000000000a');

    expect([...ids].sort()).toEqual([...members].sort());
    const pages = graph.calls('groupMembers');
    expect(pages).toHaveLength(3);
    expect(pages[0].path).toBe(
      '/groups/aaaa0000-0000-4000-8000-00000000000a/transitiveMembers/microsoft.graph.user',
    );
    expect(pages[0].query).toBe('?$select=id&$top=2');
    expect(pages[1].query).toMatch(/\$skiptoken=/);
    expect(pages.every((p) => p.status === 200 && p.authorized)).toBe(true);
  });

  it('says groupNotFound for an unknown group', async () => {
    const directory = new GraphDirectory(graphHttp(graph), silentLogger());
    const error = await directory
      .transitiveMemberIds('bbbb0000-0000-4000-8000-00000000000b')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ code: 'groupNotFound' });
  });

  it('sends the bearer token with every request; the fake refuses a request without one', async () => {
    const directory = new GraphDirectory(graphHttp(graph), silentLogger());
    await directory.profiles([userId(1)]);
    expect(graph.requests.filter((r) => !r.inBatch).every((r) => r.authorized)).toBe(true);

    const bare = await fetch(`${graph.url}/users/${userId(1)}`);
    expect(bare.status).toBe(401);
    expect(await bare.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    const wrong = await fetch(`${graph.url}/users/${userId(1)}`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
  });
});
