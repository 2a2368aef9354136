import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { containers } from '../../src/storage/document-store.port';
import { startCommand } from '../support/start-flags';
import { parseBicep, readBicep, type BicepFile, type BicepValue, type Declaration } from './bicep-reader';

const infra = resolve(__dirname, '../../infra');
const bicepFiles = [join(infra, 'main.bicep'), ...readdirSync(join(infra, 'modules')).filter((f) => f.endsWith('.bicep')).map((f) => join(infra, 'modules', f))];
const parsed = new Map<string, BicepFile>();

beforeAll(async () => {
  for (const file of bicepFiles) parsed.set(file, await readBicep(file));
});

type Obj = Record<string, BicepValue>;
const obj = (v: BicepValue | undefined): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const all = (kind: Declaration['kind']) => [...parsed.values()].flatMap((f) => f.declarations.filter((d) => d.kind === kind));
const resource = (type: string) => {
  const found = all('resource').filter((d) => d.target?.startsWith(`${type}@`) && !d.existing);
  expect(found).toHaveLength(1);
  return obj(found[0].body);
};
const mainFile = () => parsed.get(join(infra, 'main.bicep'))!;

describe('infra Bicep (tree-sitter grammar)', () => {
  it('parses every file without a syntax error', () => {
    for (const [file, result] of parsed) expect({ file, errors: result.errors }).toEqual({ file, errors: [] });
  });

  it('reports a syntax error where there is one (the check can fail)', async () => {
    const { errors } = await parseBicep("resource site 'Microsoft.Web/sites@2023-12-01' = {\n  name: : 'x'\n}\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('passes every module exactly the parameters it declares, and all the required ones', async () => {
    for (const [file, { declarations }] of parsed) {
      for (const mod of declarations.filter((d) => d.kind === 'module')) {
        const path = resolve(dirname(file), mod.target!);
        expect(existsSync(path)).toBe(true);
        const params = (parsed.get(path) ?? (await readBicep(path))).declarations.filter((d) => d.kind === 'param');
        const given = Object.keys(obj(obj(mod.body).params));
        expect(given.filter((g) => !params.some((p) => p.name === g))).toEqual([]);
        expect(params.filter((p) => !p.hasDefault && !given.includes(p.name)).map((p) => p.name)).toEqual([]);
      }
    }
  });

  it('has a parameters file that sets only declared parameters and every required one', () => {
    const file = JSON.parse(readFileSync(join(infra, 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
    const params = mainFile().declarations.filter((d) => d.kind === 'param');
    expect(Object.keys(file.parameters).filter((k) => !params.some((p) => p.name === k))).toEqual([]);
    expect(params.filter((p) => !p.hasDefault && !(p.name in file.parameters)).map((p) => p.name)).toEqual([]);
  });

  it('runs the bot on Linux App Service with Node 20 LTS and a system-assigned identity', () => {
    const site = resource('Microsoft.Web/sites');
    expect(obj(site.identity).type).toBe('SystemAssigned');
    const config = obj(obj(site.properties).siteConfig);
    expect(config.linuxFxVersion).toBe('NODE|20-lts');
    expect(config.alwaysOn).toBe(true);
    expect(bicepFiles.some((f) => readFileSync(f, 'utf8').includes('WEBSITE_NODE_DEFAULT_VERSION'))).toBe(false);
  });

  it('starts the bot as npm start does, with its fixed heap budget (the benchmarks measure that process)', () => {
    const config = obj(obj(resource('Microsoft.Web/sites').properties).siteConfig);
    expect(startCommand()).toMatch(/^node --max-old-space-size=\d+ lib\/index\.js$/);
    expect(config.appCommandLine).toBe(startCommand());
  });

  it('registers a single-tenant Azure Bot on /api/messages with the Teams channel', () => {
    const bot = obj(resource('Microsoft.BotService/botServices').properties);
    expect(bot.msaAppType).toBe('SingleTenant');
    expect(bot.msaAppTenantId).toBeDefined();
    const endpoint = obj(obj(mainFile().declarations.find((d) => d.name === 'bot')?.body).params).endpoint;
    expect(endpoint).toMatch(/^https:\/\/\$\{.+\}\/api\/messages$/);
    const channel = resource('Microsoft.BotService/botServices/channels');
    expect(obj(channel.properties).channelName).toBe('MsTeamsChannel');
    expect(obj(obj(channel.properties).properties).isEnabled).toBe(true);
  });

  it('uses serverless Cosmos DB with continuous backup, Entra ID only, and exactly the containers the code uses', () => {
    const account = obj(resource('Microsoft.DocumentDB/databaseAccounts').properties);
    expect(account.capabilities).toEqual([{ name: 'EnableServerless' }]);
    expect(account.backupPolicy).toEqual({ type: 'Continuous', continuousModeProperties: { tier: 'Continuous7Days' } });
    expect(account.disableLocalAuth).toBe(true);
    const names = all('var').find((d) => d.name === 'containerNames')?.body;
    expect([...(names as string[])].sort()).toEqual(Object.values(containers).sort());
    const container = obj(obj(resource('Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers').properties).resource);
    expect(obj(container.partitionKey).paths).toEqual(['/pk']);
    expect(container.defaultTtl).toBe(-1);
  });

  it('keeps secrets in an RBAC Key Vault and gives the app only the roles it needs', () => {
    expect(obj(resource('Microsoft.KeyVault/vaults').properties).enableRbacAuthorization).toBe(true);
    const cosmosRole = obj(resource('Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments').properties);
    expect(String(cosmosRole.roleDefinitionId)).toMatch(/sqlRoleDefinitions\/\$\{cosmosDataContributorId\}$/);
    const access = [...parsed.entries()].find(([f]) => f.endsWith('access.bicep'))![1];
    const roleIds = access.declarations.filter((d) => d.kind === 'var').map((d) => d.body);
    expect(roleIds).toEqual(expect.arrayContaining(['4633458b-17de-408a-b874-0445c86b69e6', '00000000-0000-0000-0000-000000000002']));
  });

  it('gives the app the settings src/config.ts reads, with secrets as Key Vault references', () => {
    const settings = obj(obj(obj(mainFile().declarations.find((d) => d.name === 'settings')?.body).params).settings);
    for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'MicrosoftAppPassword', 'COSMOS_ENDPOINT', 'COSMOS_USE_MANAGED_IDENTITY', 'LINK_SIGNING_SECRET', 'PUBLIC_BASE_URL', 'ORG_CONFIG']) {
      expect(settings).toHaveProperty(name);
    }
    expect(settings.MicrosoftAppType).toBe('SingleTenant');
    expect(settings.COSMOS_USE_MANAGED_IDENTITY).toBe('true');
    expect(settings.MicrosoftAppPassword).toMatch(/^@Microsoft\.KeyVault\(VaultName=.+;SecretName=.+\)$/);
    expect(settings.LINK_SIGNING_SECRET).toMatch(/^@Microsoft\.KeyVault\(VaultName=.+;SecretName=.+\)$/);
    const configSource = readFileSync(resolve(__dirname, '../../src/config.ts'), 'utf8');
    const platform = ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'ApplicationInsightsAgent_EXTENSION_VERSION', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];
    const unknown = Object.keys(settings).filter((k) => !platform.includes(k) && !new RegExp(`\\b${k}:`).test(configSource));
    expect(unknown).toEqual([]);
  });
});
