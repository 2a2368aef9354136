import { ConfigError, loadConfig, localTenantId } from '../../../src/config';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (err) {
    return (err as ConfigError).problems;
  }
};

describe('Inzicht SSO configuration', () => {
  it('trusts the local test issuer only with LOCAL_NO_AUTH, on loopback, outside production', () => {
    const local = { LOCAL_NO_AUTH: '1', LOCAL_TOKEN_ISSUER: 'http://127.0.0.1:4567' };
    expect(loadConfig(local).tabSso).toEqual({
      mode: 'local',
      issuers: ['http://127.0.0.1:4567'],
      jwksUrl: 'http://127.0.0.1:4567/keys',
      audiences: ['api://localhost/panelbot-local'],
      tenantId: localTenantId,
    });
    expect(problems({ ...local, NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('LOCAL_NO_AUTH: refused with NODE_ENV=production'),
    ]);
    expect(problems({ ...local, WEBSITE_SITE_NAME: 'panelbot-prod' })).toEqual([
      expect.stringContaining('LOCAL_NO_AUTH: refused in Azure App Service'),
    ]);
    expect(problems({ LOCAL_TOKEN_ISSUER: 'http://127.0.0.1:4567' })).toContainEqual(
      'LOCAL_TOKEN_ISSUER: only with LOCAL_NO_AUTH=1',
    );
    expect(problems({ LOCAL_NO_AUTH: '1', LOCAL_TOKEN_ISSUER: 'https://issuer.example.org' })).toEqual([
      expect.stringContaining('127.0.0.1/localhost'),
    ]);
  });

  it("checks Entra ID tokens of the bot's tenant for the app's resource and id in production", () => {
    const tenant = '11111111-2222-4333-8444-555555555555';
    const appId = '1b2c3d4e-0000-4000-8000-00000000abcd';
    const config = loadConfig({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: 'Zq8~vR2#mK9!pL4@wX7$nB3%tY6^hJ1&',
      MicrosoftAppTenantId: tenant,
      LINK_SIGNING_SECRET: 'c7Hq2LmV9xPz4RtW8bNk3FjD6sYg1AeU5oIv0',
      TAB_SSO_RESOURCE: `api://panelbot.example.org/botid-${appId}`,
    });
    expect(config.localNoAuth).toBe(false);
    expect(config.tabSso).toEqual({
      mode: 'entra',
      issuers: [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`],
      jwksUrl: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
      audiences: [`api://panelbot.example.org/botid-${appId}`, appId],
      tenantId: tenant,
    });
    expect(loadConfig({ LOCAL_NO_AUTH: '1' }).tabSso).toEqual({ mode: 'off' });
  });
});
