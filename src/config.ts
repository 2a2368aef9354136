import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    PUBLIC_BASE_URL: optionalString.pipe(z.string().url().optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MicrosoftAppId: optionalString,
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
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    WORKER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
    UI_LOCALE_OVERRIDE: z.enum(['nl', 'en', '']).optional().transform((v) => (v ? v : undefined)),
  })
  ;

const set = (v: string | undefined) => v !== undefined && v.trim() !== '';

/** Rules across variables; checked on the raw environment so they are reported with the others. */
function crossChecks(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const appId = set(env.MicrosoftAppId);
  if (appId && !set(env.MicrosoftAppTenantId)) problems.push('MicrosoftAppTenantId: required when MicrosoftAppId is set (single-tenant bot)');
  if (appId && (env.MicrosoftAppType ?? 'SingleTenant') === 'SingleTenant' && !set(env.MicrosoftAppPassword)) {
    problems.push('MicrosoftAppPassword: required for a SingleTenant bot');
  }
  if (env.STORAGE === 'cosmos' && !set(env.COSMOS_ENDPOINT)) problems.push('COSMOS_ENDPOINT: required when STORAGE=cosmos');
  if (set(env.COSMOS_ENDPOINT) && !set(env.COSMOS_KEY) && !['true', '1', 'yes'].includes(env.COSMOS_USE_MANAGED_IDENTITY ?? '')) {
    problems.push('COSMOS_KEY: set a key or COSMOS_USE_MANAGED_IDENTITY=true');
  }
  if (appId && !set(env.LINK_SIGNING_SECRET)) problems.push('LINK_SIGNING_SECRET: required in production (signs download links)');
  if (appId && set(env.UI_LOCALE_OVERRIDE)) problems.push('UI_LOCALE_OVERRIDE: only for local runs; Teams tells each user\'s language');
  return problems;
}

export type Env = z.output<typeof schema>;

export interface Config {
  port: number;
  publicBaseUrl: string;
  logLevel: string;
  auth: { appId?: string; appPassword?: string; appType: 'SingleTenant' | 'UserAssignedMSI'; tenantId?: string };
  orgConfigPath: string;
  storage:
    | { kind: 'sqlite'; file: string }
    | { kind: 'cosmos'; endpoint: string; key?: string; database: string; managedIdentity: boolean };
  linkSigningSecret: string;
  delivery: { ratePerSecond: number; maxAttempts: number; pollMs: number };
  /** Local demos only: the Agents Playground always says en-US, so `npm run dev` can pin a language. */
  uiLocaleOverride?: 'nl' | 'en';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every problem gets its own line. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`);
  problems.push(...crossChecks(env));
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const useCosmos = e.STORAGE === 'cosmos' || (e.STORAGE === undefined && !!e.COSMOS_ENDPOINT);
  const storage: Config['storage'] = useCosmos
    ? { kind: 'cosmos', endpoint: e.COSMOS_ENDPOINT as string, key: e.COSMOS_KEY, database: e.COSMOS_DATABASE, managedIdentity: e.COSMOS_USE_MANAGED_IDENTITY }
    : { kind: 'sqlite', file: `${e.DATA_DIR}/panelbot.sqlite` };
  return Object.freeze({
    port: e.PORT,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    auth: { appId: e.MicrosoftAppId, appPassword: e.MicrosoftAppPassword, appType: e.MicrosoftAppType, tenantId: e.MicrosoftAppTenantId },
    orgConfigPath: e.ORG_CONFIG,
    storage,
    // Local runs without a secret get a per-process one: links then only live as long as the process.
    linkSigningSecret: e.LINK_SIGNING_SECRET ?? `local-${process.pid}-${Date.now()}`,
    delivery: { ratePerSecond: e.DELIVERY_RATE_PER_SECOND, maxAttempts: e.DELIVERY_MAX_ATTEMPTS, pollMs: e.WORKER_POLL_MS },
    uiLocaleOverride: e.UI_LOCALE_OVERRIDE,
  });
}

/** What start-up logs: secrets as set/missing, never their values. */
export function redactedSummary(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    publicBaseUrl: config.publicBaseUrl,
    auth: config.auth.appId ? { appId: 'set', appPassword: config.auth.appPassword ? 'set' : 'missing', tenantId: config.auth.tenantId, appType: config.auth.appType } : 'OFF (local run)',
    orgConfigPath: config.orgConfigPath,
    storage: config.storage.kind === 'cosmos' ? { kind: 'cosmos', database: config.storage.database, key: config.storage.key ? 'set' : 'managed identity' } : config.storage,
    delivery: config.delivery,
  };
}
