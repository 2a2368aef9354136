import { ConfigError, loadConfig, redactedSummary } from '../../src/config';

const appId = '3f1b8a52-0c4e-4a51-9d3e-0a9a1b2c3d4e';
const appPassword = 'Qx8~a7Zk2P-mN4vR9tW1yB6cE3fH5jL0sU.dG';
const linkSecret = 'kq3Vd9T2xWm7Lp0Zr5Nb8Yc1Hs4Fj6Ga-Ue_Io';

describe('loadConfig', () => {
  it('gives a local run (LOCAL_NO_AUTH) embedded storage, the demo organisation and authentication off', () => {
    const config = loadConfig({ LOCAL_NO_AUTH: '1' });
    expect(config.storage).toEqual({ kind: 'sqlite', file: '.data/panelbot.sqlite' });
    expect(config.orgConfigPath).toBe('config/org.demo.json');
    expect(config.auth.appId).toBeUndefined();
    expect(redactedSummary(config).auth).toMatch(/^OFF \(LOCAL_NO_AUTH/);
  });

  it('reports every bad variable on its own line', () => {
    try {
      loadConfig({ PORT: 'abc', MicrosoftAppId: appId, STORAGE: 'cosmos', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^LOG_LEVEL: /m);
      expect(problems).toMatch(/^MicrosoftAppTenantId: required/m);
      expect(problems).toMatch(/^COSMOS_ENDPOINT: required/m);
    }
  });

  it('selects Cosmos when an endpoint is configured and never prints secrets', () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/',
      COSMOS_KEY: 'secret-key',
      MicrosoftAppId: appId,
      MicrosoftAppPassword: appPassword,
      MicrosoftAppTenantId: 'tenant',
      LINK_SIGNING_SECRET: linkSecret,
    });
    expect(config.storage.kind).toBe('cosmos');
    const summary = JSON.stringify(redactedSummary(config));
    expect(summary).not.toContain('secret-key');
    expect(summary).not.toContain(appPassword);
    expect(summary).not.toContain(linkSecret);
  });
});

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

const authEnv = {
  MicrosoftAppId: appId,
  MicrosoftAppPassword: appPassword,
  MicrosoftAppTenantId: '11111111-2222-4333-8444-555555555555',
  LINK_SIGNING_SECRET: linkSecret,
};

describe('finding 1: secrets accepted blindly', () => {
  it.each([
    ['x', /shorter than 32 bytes/],
    ['changeme', /shorter than 32 bytes/],
    ['changemechangemechangemechangeme', /placeholder \(contains "changeme"\)/],
    ['x'.repeat(40), /too little entropy/],
    ['abababababababababababababababababab', /too little entropy/],
    ['abcdefghijklmnopqrstuvwxyz0123456789', /too little entropy/],
    [
      '@Microsoft.KeyVault(SecretUri=https://kv-panel.vault.azure.net/secrets/link-signing/)',
      /unresolved Key Vault reference/,
    ],
  ])('refuses LINK_SIGNING_SECRET %j on one clear line', (secret, why) => {
    const problems = problemsOf({ ...authEnv, LINK_SIGNING_SECRET: secret });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^LINK_SIGNING_SECRET: /);
    expect(problems[0]).toMatch(why);
    expect(problems[0]).not.toContain(secret.slice(-12));
  });

  it('refuses a weak or unresolved MicrosoftAppPassword the same way', () => {
    expect(problemsOf({ ...authEnv, MicrosoftAppPassword: 'not-used' })).toEqual([
      'MicrosoftAppPassword: is shorter than 32 bytes',
    ]);
    expect(
      problemsOf({ ...authEnv, MicrosoftAppPassword: '@Microsoft.KeyVault(VaultName=kv;SecretName=bot)' }),
    ).toEqual([expect.stringMatching(/^MicrosoftAppPassword: is an unresolved Key Vault reference/)]);
  });

  it('accepts random secrets, and a local run without one gets a random per-process secret', () => {
    expect(problemsOf(authEnv)).toEqual([]);
    const a = loadConfig({ LOCAL_NO_AUTH: '1' }).linkSigningSecret;
    const b = loadConfig({ LOCAL_NO_AUTH: '1' }).linkSigningSecret;
    expect(a).not.toEqual(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
  });

  it('requires LINK_SIGNING_SECRET with authentication, and checks a given one even locally', () => {
    expect(problemsOf({ ...authEnv, LINK_SIGNING_SECRET: '' })).toEqual([
      expect.stringMatching(/^LINK_SIGNING_SECRET: required/),
    ]);
    expect(problemsOf({ LOCAL_NO_AUTH: '1', LINK_SIGNING_SECRET: 'dev' })).toEqual([
      'LINK_SIGNING_SECRET: is shorter than 32 bytes',
    ]);
  });
});

describe('finding 2: authentication fails closed', () => {
  it('refuses to start without MicrosoftAppId unless LOCAL_NO_AUTH=1, and binds the local run to 127.0.0.1', () => {
    expect(problemsOf({})).toEqual([expect.stringMatching(/^MicrosoftAppId: required;.*LOCAL_NO_AUTH=1/)]);
    expect(problemsOf({ MicrosoftAppId: '  ' })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required/),
    ]);
    const local = loadConfig({ LOCAL_NO_AUTH: '1' });
    expect(local).toMatchObject({ host: '127.0.0.1', localNoAuth: true });
    expect(loadConfig(authEnv)).toMatchObject({ host: '0.0.0.0', localNoAuth: false });
  });

  it('names a misspelt MicrosoftAppId and refuses a value that is not an app id', () => {
    expect(problemsOf({ MicrosoftAppID: appId })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required \(found MicrosoftAppID: names are case-sensitive\)/),
    ]);
    expect(problemsOf({ ...authEnv, MicrosoftAppId: 'my-bot' })).toEqual(['MicrosoftAppId: must be a GUID']);
  });

  it('refuses LOCAL_NO_AUTH in Azure App Service, with NODE_ENV=production, and next to an app id', () => {
    expect(problemsOf({ LOCAL_NO_AUTH: '1', WEBSITE_SITE_NAME: 'app-panelbot' })).toEqual([
      expect.stringMatching(/^LOCAL_NO_AUTH: refused in Azure App Service/),
    ]);
    expect(problemsOf({ LOCAL_NO_AUTH: 'true', NODE_ENV: 'production' })).toEqual([
      'LOCAL_NO_AUTH: refused with NODE_ENV=production; set MicrosoftAppId',
    ]);
    expect(problemsOf({ ...authEnv, LOCAL_NO_AUTH: '1' })).toEqual([
      expect.stringMatching(/^LOCAL_NO_AUTH: set together with MicrosoftAppId/),
    ]);
  });
});
