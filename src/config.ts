import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { secretWeakness } from './platform/secret-strength';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const guid = optionalString.pipe(z.string().regex(GUID, 'must be a GUID').optional());

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  PUBLIC_BASE_URL: optionalString.pipe(z.string().url().optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: guid,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalString,
  ORG_CONFIG: z.string().default('config/org.demo.json'),
  STORAGE: z.enum(['sqlite', 'cosmos']).optional(),
  DATA_DIR: z.string().default('.data'),
  COSMOS_ENDPOINT: optionalString.pipe(z.string().url().optional()),
  COSMOS_KEY: optionalString,
  COSMOS_DATABASE: z.string().default('panelbot'),
  COSMOS_USE_MANAGED_IDENTITY: bool,
  LINK_SIGNING_SECRET: optionalString,
  DELIVERY_RATE_PER_SECOND: z.coerce.number().positive().max(50).default(30),
  /** On Cosmos the rate above is the app's, shared by every instance (off: each instance has it all). */
  DELIVERY_SHARED_BUDGET: z.enum(['on', 'off']).optional(),
  /** Set by App Service per instance; names this instance's slice of the shared rate. */
  WEBSITE_INSTANCE_ID: optionalString,
  /** How long a worker's claim on outbox items holds; a crashed instance's items wait this long. */
  DELIVERY_LEASE_MS: z.coerce.number().int().min(4_000).max(600_000).optional(),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Bot Connector URL until Teams has sent the bot one (e.g. https://smba.trafficmanager.net/emea/). */
  TEAMS_SERVICE_URL: optionalString.pipe(z.string().url().optional()),
  UI_LOCALE_OVERRIDE: z
    .enum(['nl', 'nl-BE', 'en', 'it', ''])
    .optional()
    .transform((v) => (v ? v : undefined)),
  GRAPH_ENABLED: bool,
  GRAPH_TENANT_ID: optionalString,
  GRAPH_CLIENT_ID: optionalString,
  GRAPH_CLIENT_SECRET: optionalString,
  GRAPH_USE_MANAGED_IDENTITY: bool,
  GRAPH_BASE_URL: optionalString,
  GRAPH_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(10),
  /** Proactive installs per second, paced on their own (each is three Graph calls). */
  GRAPH_INSTALL_RATE_PER_SECOND: optionalString.pipe(z.coerce.number().positive().max(1000).optional()),
  GRAPH_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  TEAMS_APP_ID: guid,
  TEAMS_CATALOG_APP_ID: guid,
  /** The only way to run without authentication: local runs and tests, bound to 127.0.0.1. */
  LOCAL_NO_AUTH: bool,
  /** Card actions and messages per person: a burst, then a steady rate (per instance). */
  USER_RATE_BURST: z.coerce.number().int().min(1).max(100_000).default(20),
  USER_RATE_PER_SECOND: z.coerce.number().positive().max(10_000).default(2),
  /** Inzicht tab SSO: the app's Application ID URI (api://<host>/<appId>); the app id is accepted too. */
  TAB_SSO_RESOURCE: optionalString,
  /** Inzicht tab SSO: the Entra app the tab's token is for, when not the bot's own. */
  TAB_SSO_CLIENT_ID: optionalString,
  LOCAL_TOKEN_ISSUER: optionalString,
});

const set = (v: string | undefined) => v !== undefined && v.trim() !== '';
const isTrue = (v: string | undefined) => ['true', '1', 'yes'].includes(v ?? '');
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
export const defaultGraphBaseUrl = 'https://graph.microsoft.com/v1.0';

/** Authentication fails closed: without an app id only the explicit local switch starts the bot. */
function authChecks(env: NodeJS.ProcessEnv): string[] {
  const local = isTrue(env.LOCAL_NO_AUTH);
  const problems: string[] = [];
  if (local && set(env.MicrosoftAppId))
    problems.push(
      'LOCAL_NO_AUTH: set together with MicrosoftAppId; choose one (authentication or a local run)',
    );
  if (local && set(env.WEBSITE_SITE_NAME))
    problems.push(
      'LOCAL_NO_AUTH: refused in Azure App Service (WEBSITE_SITE_NAME is set); set MicrosoftAppId',
    );
  if (local && env.NODE_ENV === 'production')
    problems.push('LOCAL_NO_AUTH: refused with NODE_ENV=production; set MicrosoftAppId');
  if (!local && !set(env.MicrosoftAppId)) {
    const nearMiss = Object.keys(env).find(
      (k) => k !== 'MicrosoftAppId' && k.toLowerCase() === 'microsoftappid' && set(env[k]),
    );
    const hint = nearMiss ? ` (found ${nearMiss}: names are case-sensitive)` : '';
    problems.push(
      `MicrosoftAppId: required${hint}; only LOCAL_NO_AUTH=1 runs without authentication, on 127.0.0.1`,
    );
  }
  for (const key of ['LINK_SIGNING_SECRET', 'MicrosoftAppPassword'] as const) {
    const weakness = set(env[key]) ? secretWeakness((env[key] as string).trim()) : undefined;
    if (weakness) problems.push(`${key}: ${weakness}`);
  }
  return problems;
}

/** Rules across variables; checked on the raw environment so they are reported with the others. */
function crossChecks(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = authChecks(env);
  const appId = set(env.MicrosoftAppId);
  if (appId && !set(env.MicrosoftAppTenantId))
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppId is set (single-tenant bot)');
  if (
    appId &&
    (env.MicrosoftAppType ?? 'SingleTenant') === 'SingleTenant' &&
    !set(env.MicrosoftAppPassword)
  ) {
    problems.push('MicrosoftAppPassword: required for a SingleTenant bot');
  }
  if (env.STORAGE === 'cosmos' && !set(env.COSMOS_ENDPOINT))
    problems.push('COSMOS_ENDPOINT: required when STORAGE=cosmos');
  if (
    set(env.COSMOS_ENDPOINT) &&
    !set(env.COSMOS_KEY) &&
    !['true', '1', 'yes'].includes(env.COSMOS_USE_MANAGED_IDENTITY ?? '')
  ) {
    problems.push('COSMOS_KEY: set a key or COSMOS_USE_MANAGED_IDENTITY=true');
  }
  if (appId && !set(env.LINK_SIGNING_SECRET))
    problems.push('LINK_SIGNING_SECRET: required with authentication (signs download links)');
  if (appId && set(env.UI_LOCALE_OVERRIDE))
    problems.push("UI_LOCALE_OVERRIDE: only for local runs; Teams tells each user's language");
  problems.push(...graphChecks(env), ...localChecks(env));
  return problems;
}

/** The local token issuer only beside LOCAL_NO_AUTH (which is itself refused in production, above). */
function localChecks(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const issuer = trimmed(env.LOCAL_TOKEN_ISSUER);
  if (issuer !== undefined) {
    if (!isTrue(env.LOCAL_NO_AUTH)) problems.push('LOCAL_TOKEN_ISSUER: only with LOCAL_NO_AUTH=1');
    const url = URL.canParse(issuer) ? new URL(issuer) : undefined;
    if (!url || url.protocol !== 'http:' || !loopbackHosts.has(url.hostname))
      problems.push('LOCAL_TOKEN_ISSUER: must be an http URL on 127.0.0.1/localhost');
  }
  return problems;
}

const trimmed = (v: string | undefined) => (set(v) ? (v as string).trim() : undefined);

/** The Graph app registration falls back to the bot's own (the usual single-tenant set-up). */
function graphIdentity(env: NodeJS.ProcessEnv) {
  const clientId = trimmed(env.GRAPH_CLIENT_ID) ?? trimmed(env.MicrosoftAppId);
  const sameAppAsBot =
    !set(env.GRAPH_CLIENT_ID) || trimmed(env.GRAPH_CLIENT_ID) === trimmed(env.MicrosoftAppId);
  return {
    clientId,
    tenantId: trimmed(env.GRAPH_TENANT_ID) ?? trimmed(env.MicrosoftAppTenantId),
    // The bot's secret only belongs to the bot's app registration.
    secret:
      trimmed(env.GRAPH_CLIENT_SECRET) ?? (sameAppAsBot ? trimmed(env.MicrosoftAppPassword) : undefined),
    managedIdentity: isTrue(env.GRAPH_USE_MANAGED_IDENTITY),
  };
}

/** Graph is optional, but once enabled everything it needs must be there: it fails closed. */
function graphChecks(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const base = trimmed(env.GRAPH_BASE_URL);
  if (base !== undefined) {
    const url = URL.canParse(base) ? new URL(base) : undefined;
    if (!url) problems.push('GRAPH_BASE_URL: not a URL');
    else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
      problems.push('GRAPH_BASE_URL: must be https (plain http only on 127.0.0.1/localhost, for tests)');
    }
  }
  if (!isTrue(env.GRAPH_ENABLED)) return problems;
  const id = graphIdentity(env);
  if (!id.managedIdentity) {
    if (!id.clientId)
      problems.push(
        'GRAPH_CLIENT_ID: required when GRAPH_ENABLED=true (or set MicrosoftAppId, or GRAPH_USE_MANAGED_IDENTITY=true)',
      );
    if (!id.tenantId)
      problems.push('GRAPH_TENANT_ID: required when GRAPH_ENABLED=true (or set MicrosoftAppTenantId)');
    if (!id.secret)
      problems.push(
        'GRAPH_CLIENT_SECRET: required when GRAPH_ENABLED=true, or set GRAPH_USE_MANAGED_IDENTITY=true',
      );
  }
  if (
    set(env.GRAPH_TENANT_ID) &&
    set(env.MicrosoftAppTenantId) &&
    trimmed(env.GRAPH_TENANT_ID)?.toLowerCase() !== trimmed(env.MicrosoftAppTenantId)?.toLowerCase()
  ) {
    problems.push('GRAPH_TENANT_ID: differs from MicrosoftAppTenantId; the bot and Graph serve one tenant');
  }
  if (!set(env.TEAMS_APP_ID) && !set(env.TEAMS_CATALOG_APP_ID)) {
    problems.push(
      'TEAMS_APP_ID: required when GRAPH_ENABLED=true (the manifest id), or set TEAMS_CATALOG_APP_ID',
    );
  }
  return problems;
}

export type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  /** 127.0.0.1 when running without authentication (LOCAL_NO_AUTH), else every interface. */
  host: string;
  /** LOCAL_NO_AUTH=1: no Bot Framework token check; only for local runs and tests. */
  localNoAuth: boolean;
  /** Per-person token bucket at the edge (docs/security.md). */
  userRateLimit: { burst: number; perSecond: number };
  publicBaseUrl: string;
  logLevel: string;
  auth: {
    appId?: string;
    appPassword?: string;
    appType: 'SingleTenant' | 'UserAssignedMSI';
    tenantId?: string;
  };
  orgConfigPath: string;
  storage:
    | { kind: 'sqlite'; file: string }
    | { kind: 'cosmos'; endpoint: string; key?: string; database: string; managedIdentity: boolean };
  linkSigningSecret: string;
  delivery: {
    ratePerSecond: number;
    maxAttempts: number;
    pollMs: number;
    serviceUrl?: string;
    leaseMs?: number;
    /** Several instances share `ratePerSecond` through the store, this one under `instanceId`. */
    sharedBudget?: { instanceId: string };
  };
  /** Local demos only: the Agents Playground always says en-US, so `npm run dev` can pin a language. */
  uiLocaleOverride?: 'nl' | 'nl-BE' | 'en' | 'it';
  /** Microsoft Graph (names, group members, proactive install); off for local runs and the Playground. */
  graph: GraphConfig;
  /** Who signs the Inzicht tab's SSO tokens, and for whom they must be. */
  tabSso: TabSsoConfig;
}

export type TabSsoConfig =
  | { mode: 'off' }
  | { mode: 'entra' | 'local'; issuers: string[]; jwksUrl: string; audiences: string[]; tenantId: string };

/** Entra ID (v1 and v2 tokens) for the bot's tenant; the local test issuer only with LOCAL_NO_AUTH. */
function tabSsoConfig(e: Env): TabSsoConfig {
  const clientId = e.TAB_SSO_CLIENT_ID ?? e.MicrosoftAppId;
  const audiences = [e.TAB_SSO_RESOURCE, clientId].filter((a): a is string => !!a);
  if (e.LOCAL_NO_AUTH && e.LOCAL_TOKEN_ISSUER) {
    const issuer = e.LOCAL_TOKEN_ISSUER.replace(/\/$/, '');
    return {
      mode: 'local',
      issuers: [issuer],
      jwksUrl: `${issuer}/keys`,
      audiences: audiences.length ? audiences : ['api://localhost/panelbot-local'],
      tenantId: e.MicrosoftAppTenantId ?? localTenantId,
    };
  }
  const tenantId = e.MicrosoftAppTenantId;
  if (!tenantId || !audiences.length) return { mode: 'off' };
  return {
    mode: 'entra',
    issuers: [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`],
    jwksUrl: `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`,
    audiences,
    tenantId,
  };
}

/** The tenant the local test issuer writes into its tokens when the bot has none configured. */
export const localTenantId = '00000000-0000-4000-8000-00000000a0ca';

export type GraphCredentialConfig =
  | { kind: 'clientSecret'; tenantId: string; clientId: string; secret: string }
  /** System-assigned without a client id; user-assigned with one. */
  | { kind: 'managedIdentity'; clientId?: string };

export type GraphConfig =
  | { enabled: false }
  | {
      enabled: true;
      /** Service root including the version, e.g. https://graph.microsoft.com/v1.0. */
      baseUrl: string;
      credential: GraphCredentialConfig;
      /** Requests per second for this instance (every Graph call, $batch counted once). */
      ratePerSecond: number;
      /** Attempts for 5xx and network errors per request. */
      maxAttempts: number;
      /** Proactive installs per second, when paced on their own. */
      installRatePerSecond?: number;
      /** The manifest id of the Teams app; its catalog id is looked up once. */
      teamsAppId?: string;
      /** The organisation catalog's id of the app, when known: saves the look-up. */
      catalogAppId?: string;
    };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every problem gets its own line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  problems.push(...crossChecks(env));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const useCosmos = e.STORAGE === 'cosmos' || (e.STORAGE === undefined && !!e.COSMOS_ENDPOINT);
  const storage: Config['storage'] = useCosmos
    ? {
        kind: 'cosmos',
        endpoint: e.COSMOS_ENDPOINT as string,
        key: e.COSMOS_KEY,
        database: e.COSMOS_DATABASE,
        managedIdentity: e.COSMOS_USE_MANAGED_IDENTITY,
      }
    : { kind: 'sqlite', file: `${e.DATA_DIR}/panelbot.sqlite` };
  return Object.freeze({
    port: e.PORT,
    host: e.LOCAL_NO_AUTH ? '127.0.0.1' : '0.0.0.0',
    localNoAuth: e.LOCAL_NO_AUTH,
    userRateLimit: { burst: e.USER_RATE_BURST, perSecond: e.USER_RATE_PER_SECOND },
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    auth: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    orgConfigPath: e.ORG_CONFIG,
    storage,
    // Local runs without a secret get a random one: links then only live as long as the process.
    linkSigningSecret: e.LINK_SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    delivery: {
      ratePerSecond: e.DELIVERY_RATE_PER_SECOND,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      pollMs: e.WORKER_POLL_MS,
      serviceUrl: e.TEAMS_SERVICE_URL,
      leaseMs: e.DELIVERY_LEASE_MS,
      sharedBudget:
        (e.DELIVERY_SHARED_BUDGET ?? (useCosmos ? 'on' : 'off')) === 'on'
          ? { instanceId: e.WEBSITE_INSTANCE_ID ?? `${hostname()}-${process.pid}` }
          : undefined,
    },
    uiLocaleOverride: e.UI_LOCALE_OVERRIDE,
    graph: graphConfig(e, env),
    tabSso: tabSsoConfig(e),
  });
}

function graphConfig(e: Env, env: NodeJS.ProcessEnv): GraphConfig {
  if (!e.GRAPH_ENABLED) return { enabled: false };
  const id = graphIdentity(env);
  // crossChecks guarantee the client-secret fields whenever managed identity is off.
  const credential: GraphCredentialConfig = id.managedIdentity
    ? { kind: 'managedIdentity', clientId: trimmed(env.GRAPH_CLIENT_ID) }
    : {
        kind: 'clientSecret',
        tenantId: id.tenantId as string,
        clientId: id.clientId as string,
        secret: id.secret as string,
      };
  return {
    enabled: true,
    baseUrl: (e.GRAPH_BASE_URL ?? defaultGraphBaseUrl).replace(/\/+$/, ''),
    credential,
    ratePerSecond: e.GRAPH_RATE_PER_SECOND,
    maxAttempts: e.GRAPH_MAX_ATTEMPTS,
    installRatePerSecond: e.GRAPH_INSTALL_RATE_PER_SECOND,
    teamsAppId: e.TEAMS_APP_ID?.toLowerCase(),
    catalogAppId: e.TEAMS_CATALOG_APP_ID?.toLowerCase(),
  };
}

/** What start-up logs: secrets as set/missing, never their values. */
export function redactedSummary(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    publicBaseUrl: config.publicBaseUrl,
    auth: config.auth.appId
      ? {
          appId: 'set',
          appPassword: config.auth.appPassword ? 'set' : 'missing',
          tenantId: config.auth.tenantId,
          appType: config.auth.appType,
        }
      : 'OFF (LOCAL_NO_AUTH: local run on 127.0.0.1)',
    orgConfigPath: config.orgConfigPath,
    storage:
      config.storage.kind === 'cosmos'
        ? {
            kind: 'cosmos',
            database: config.storage.database,
            key: config.storage.key ? 'set' : 'managed identity',
          }
        : config.storage,
    delivery: config.delivery,
    userRateLimit: config.userRateLimit,
    graph: config.graph.enabled
      ? {
          baseUrl: config.graph.baseUrl,
          credential:
            config.graph.credential.kind === 'clientSecret'
              ? {
                  kind: 'clientSecret',
                  tenantId: config.graph.credential.tenantId,
                  clientId: config.graph.credential.clientId,
                  secret: 'set',
                }
              : { kind: 'managedIdentity', clientId: config.graph.credential.clientId ?? 'system-assigned' },
          ratePerSecond: config.graph.ratePerSecond,
          teamsAppId: config.graph.teamsAppId,
          catalogAppId: config.graph.catalogAppId,
        }
      : 'OFF (names from the organisation file only; no proactive install)',
    inzichtSignIn: config.tabSso.mode === 'local' ? 'LOCAL test issuer (LOCAL_NO_AUTH)' : config.tabSso.mode,
  };
}
