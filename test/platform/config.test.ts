import { ConfigError, loadConfig, redactedSummary } from '../../src/config';

describe('loadConfig', () => {
  it('gives a local run embedded storage, the demo organisation and authentication off', () => {
    const config = loadConfig({});
    expect(config.storage).toEqual({ kind: 'sqlite', file: '.data/panelbot.sqlite' });
    expect(config.orgConfigPath).toBe('config/org.demo.json');
    expect(config.auth.appId).toBeUndefined();
    expect(redactedSummary(config).auth).toBe('OFF (local run)');
  });

  it('reports every bad variable on its own line', () => {
    try {
      loadConfig({ PORT: 'abc', MicrosoftAppId: 'x', STORAGE: 'cosmos', LOG_LEVEL: 'loud' });
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
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 'tenant',
      LINK_SIGNING_SECRET: 's3cr3t',
    });
    expect(config.storage.kind).toBe('cosmos');
    const summary = JSON.stringify(redactedSummary(config));
    expect(summary).not.toContain('secret-key');
    expect(summary).not.toContain('pw');
    expect(summary).not.toContain('s3cr3t');
  });
});
