import { classifyInstallFailure } from '../../../src/platform/graph/graph-app-installer';
import { parseRetryAfter } from '../../../src/platform/graph/graph-middleware';
import { FakeGraph } from '../../support/fake-graph';
import { TOKEN, userId } from './graph-fixture';

const body = (code: string, message: string, innerCode?: string) => ({
  error: { code, message, ...(innerCode ? { innerError: { code: innerCode } } : {}) },
});

describe('classifyInstallFailure', () => {
  it.each([
    [
      403,
      body('Forbidden', 'App is blocked by app permission policy. AppType: Private', 'AccessDenied'),
      { reason: 'blocked' },
    ],
    [
      403,
      body(
        'Forbidden',
        'Failed to get license information for the user. Ensure user has a valid Office365 license assigned to them.',
      ),
      { reason: 'noLicense' },
    ],
    [403, body('Forbidden', 'User Login. Teams is disabled for your tenant.'), { reason: 'noLicense' }],
    [403, body('Forbidden', 'The user account is disabled.'), { reason: 'disabled' }],
    [
      403,
      body(
        'Forbidden',
        "Missing scope permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser'.",
      ),
      { reason: 'failed', detail: 'HTTP_403:Forbidden:PERMISSION' },
    ],
    [
      401,
      body('InvalidAuthenticationToken', 'Access token validation failure.'),
      { reason: 'failed', detail: 'HTTP_401:InvalidAuthenticationToken' },
    ],
    [400, body('BadRequest', 'Invalid bind.'), { reason: 'failed', detail: 'HTTP_400:BadRequest' }],
    [429, body('TooManyRequests', 'Too many requests.'), { reason: 'failed', retryable: true }],
    [503, undefined, { reason: 'failed', detail: 'HTTP_503', retryable: true }],
  ])('%i %j → %j', (status, errorBody, expected) => {
    expect(classifyInstallFailure(status, errorBody)).toMatchObject({ ok: false, ...expected });
  });

  it('leaves a 404 and an unexplained 403 to the account check', () => {
    expect(classifyInstallFailure(404, body('Request_ResourceNotFound', 'x'))).toBeUndefined();
    expect(classifyInstallFailure(403, body('Forbidden', 'Forbidden'))).toBeUndefined();
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0')).toBe(0);
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('the fake Graph keeps JSON batching rules', () => {
  let graph: FakeGraph;
  beforeAll(async () => {
    graph = await FakeGraph.start({ token: TOKEN, users: [{ id: userId(1), displayName: 'Collega 1' }] });
  });
  afterAll(() => graph.stop());

  const post = (requests: unknown[]) =>
    fetch(`${graph.url}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
  const get = (id: string) => ({ id, method: 'GET', url: `/users/${userId(1)}?$select=id` });

  it('refuses more than 20 requests and duplicate ids with 400', async () => {
    expect((await post(Array.from({ length: 21 }, (_, i) => get(String(i + 1))))).status).toBe(400);
    expect((await post([get('1'), get('1')])).status).toBe(400);
  });

  it('answers each request with id, status, headers and body', async () => {
    const response = await post([get('a'), { id: 'b', method: 'GET', url: `users/${userId(2)}` }]);
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as {
      responses: Array<{ id: string; status: number; headers: Record<string, string>; body: unknown }>;
    };
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['b', 404],
      ['a', 200],
    ]);
    expect(responses[1].body).toMatchObject({ id: userId(1) });
    expect(responses[1].headers['Content-Type']).toMatch(/^application\/json/);
    expect(responses[0].body).toMatchObject({ error: { code: 'Request_ResourceNotFound' } });
  });
});
