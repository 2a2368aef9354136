import { ConfigError, loadConfig, redactedSummary } from '../../../src/config';
import { DirectoryError } from '../../../src/platform/directory/directory.port';
import { createGraphEdge } from '../../../src/platform/graph/create-graph-edge';
import { silentLogger } from '../../../src/platform/logger';
import { FakeGraph } from '../../support/fake-graph';
import { catalog, MANIFEST_ID, staticCredential, TOKEN, userId, virtualTime } from './graph-fixture';

/** Graph settings checked on a local run (LOCAL_NO_AUTH), so only the Graph rules speak. */
const local = { LOCAL_NO_AUTH: '1' };
const botAppId = '3f1b8a52-0c4e-4a51-9d3e-0a9a1b2c3d4e';
const botSecret = 'Qx8~a7Zk2P-mN4vR9tW1yB6cE3fH5jL0sU.dG';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

describe('Graph configuration', () => {
  it('is off by default, and then the edge knows no names and installs nothing', async () => {
    const config = loadConfig(local);
    expect(config.graph).toEqual({ enabled: false });
    const edge = createGraphEdge(config, silentLogger());
    expect(edge.enabled).toBe(false);
    expect((await edge.directory.profiles([userId(1)])).size).toBe(0);
    await expect(edge.directory.transitiveMemberIds(userId(2))).rejects.toEqual(
      new DirectoryError('notConfigured'),
    );
    expect(await edge.installer.installForUser(userId(1))).toEqual({ ok: false, reason: 'notConfigured' });
    expect(redactedSummary(config).graph).toMatch(/^OFF/);
  });

  it('fails closed when enabled without a client id, each missing value on its own line', () => {
    const problems = problemsOf({
      ...local,
      GRAPH_ENABLED: 'true',
      GRAPH_TENANT_ID: 'tenant',
      GRAPH_CLIENT_SECRET: 's3cr3t',
    });
    expect(problems).toEqual([
      'GRAPH_CLIENT_ID: required when GRAPH_ENABLED=true (or set MicrosoftAppId, or GRAPH_USE_MANAGED_IDENTITY=true)',
      'TEAMS_APP_ID: required when GRAPH_ENABLED=true (the manifest id), or set TEAMS_CATALOG_APP_ID',
    ]);
  });

  it('refuses a secret-less set-up, a plain-http Graph outside loopback and ids that are not GUIDs', () => {
    const problems = problemsOf({
      ...local,
      GRAPH_ENABLED: 'true',
      GRAPH_CLIENT_ID: 'client',
      GRAPH_TENANT_ID: 'tenant',
      GRAPH_BASE_URL: 'http://graph.example.org/v1.0',
      TEAMS_APP_ID: 'panelbot',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^TEAMS_APP_ID: must be a GUID/),
        expect.stringMatching(/^GRAPH_BASE_URL: must be https/),
        expect.stringMatching(/^GRAPH_CLIENT_SECRET: required/),
      ]),
    );
  });

  it("takes the bot's app registration by default and never prints the secret", () => {
    const config = loadConfig({
      MicrosoftAppId: botAppId,
      MicrosoftAppPassword: botSecret,
      MicrosoftAppTenantId: 'tenant',
      LINK_SIGNING_SECRET: 'kq3Vd9T2xWm7Lp0Zr5Nb8Yc1Hs4Fj6Ga-Ue_Io',
      GRAPH_ENABLED: 'true',
      TEAMS_APP_ID: MANIFEST_ID.toUpperCase(),
    });
    expect(config.graph).toEqual({
      enabled: true,
      baseUrl: 'https://graph.microsoft.com/v1.0',
      credential: { kind: 'clientSecret', tenantId: 'tenant', clientId: botAppId, secret: botSecret },
      ratePerSecond: 10,
      maxAttempts: 5,
      teamsAppId: MANIFEST_ID,
      catalogAppId: undefined,
    });
    expect(JSON.stringify(redactedSummary(config))).not.toContain(botSecret);
  });

  it('accepts a managed identity without a secret', () => {
    const config = loadConfig({
      ...local,
      GRAPH_ENABLED: 'true',
      GRAPH_USE_MANAGED_IDENTITY: 'true',
      TEAMS_CATALOG_APP_ID: catalog[0].id,
    });
    expect(config.graph).toMatchObject({
      enabled: true,
      credential: { kind: 'managedIdentity' },
      catalogAppId: catalog[0].id,
    });
  });

  it('builds working Graph adapters from the configuration (fake Graph, static token)', async () => {
    const graph = await FakeGraph.start({
      token: TOKEN,
      catalog,
      users: [{ id: userId(1), displayName: 'Collega 1' }],
    });
    try {
      const config = loadConfig({
        ...local,
        GRAPH_ENABLED: 'true',
        GRAPH_CLIENT_ID: 'client',
        GRAPH_TENANT_ID: 'tenant',
        GRAPH_CLIENT_SECRET: 'secret',
        GRAPH_BASE_URL: `${graph.url}/`,
        GRAPH_RATE_PER_SECOND: '20',
        TEAMS_APP_ID: MANIFEST_ID,
      });
      const time = virtualTime();
      const edge = createGraphEdge(config, silentLogger(), {
        credential: staticCredential,
        now: time.now,
        wait: time.wait,
      });
      expect(edge.enabled).toBe(true);
      expect((await edge.directory.profiles([userId(1)])).get(userId(1))).toEqual({
        displayName: 'Collega 1',
      });
      expect(await edge.installer.installForUser(userId(1))).toMatchObject({
        ok: true,
        alreadyInstalled: false,
      });
      expect(graph.requests.every((r) => r.inBatch || r.authorized)).toBe(true);
      // One limiter for both adapters at the configured rate (20/s: 50 ms apart): the directory's $batch took
      // the first token, so each of the installer's four requests waited its turn.
      expect(time.waits).toEqual([50, 50, 50, 50]);
    } finally {
      await graph.stop();
    }
  });
});
