import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';

/** botframework-connector's types, structurally (the package is botbuilder's, not ours). */
interface Claims {
  claims: Array<{ type: string; value: string }>;
}
interface ConnectorFactoryLike {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}
interface AuthResult {
  audience: string;
  claimsIdentity: Claims;
  callerId?: string;
  connectorFactory?: ConnectorFactoryLike;
}
interface BotAuthLike {
  authenticateRequest(activity: Activity, authHeader: string): Promise<AuthResult>;
  createUserTokenClient(claimsIdentity: Claims): Promise<unknown>;
}

/** Clients for as many services and audiences as a deployment talks to (a handful per cloud). */
const MAX_CLIENTS = 64;

/** The claims that decide which bot identity a client acts as: the factory's app id comes from them. */
const identityOf = (c: Claims) =>
  c.claims
    .filter((x) => ['aud', 'appid', 'azp', 'ver'].includes(x.type))
    .map((x) => `${x.type}=${x.value}`)
    .sort()
    .join('&');

/**
 * The Teams adapter, with the Bot Connector and token clients reused across turns. botbuilder's
 * CloudAdapter builds both afresh for every incoming activity (an HTTP pipeline and credentials each,
 * about a tenth of a sign-up click's CPU time), even when the turn answers in the HTTP response and
 * sends nothing. They hold no per-turn state: a client is kept per bot identity, service URL and
 * audience, and its credentials renew their token when it expires, as on first use.
 */
export class ReusingTeamsAdapter extends TeamsAdapter {
  private readonly connectors = new Map<string, Promise<unknown>>();
  private readonly tokenClients = new Map<string, Promise<unknown>>();

  constructor(...args: ConstructorParameters<typeof TeamsAdapter>) {
    super(...args);
    const auth = this.botFrameworkAuthentication as unknown as BotAuthLike;
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createUserTokenClient = (claimsIdentity) =>
      reuse(this.tokenClients, identityOf(claimsIdentity), () => createUserTokenClient(claimsIdentity));
  }

  protected override async processActivity(
    authHeaderOrResult: string | AuthResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const auth = this.botFrameworkAuthentication as unknown as BotAuthLike;
    const result =
      typeof authHeaderOrResult === 'string'
        ? await auth.authenticateRequest(activity, authHeaderOrResult)
        : authHeaderOrResult;
    const factory = result.connectorFactory;
    const identity = identityOf(result.claimsIdentity);
    const connectorFactory: ConnectorFactoryLike | undefined = factory && {
      create: (serviceUrl, audience) =>
        reuse(this.connectors, `${identity}|${serviceUrl}|${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
    // The base class takes an authenticated result as well as a header; only the factory differs.
    const base = super.processActivity.bind(this) as unknown as (
      r: AuthResult,
      a: Activity,
      l: (context: TurnContext) => Promise<void>,
    ) => Promise<InvokeResponse | undefined>;
    return base({ ...result, connectorFactory }, activity, logic);
  }
}

/** The kept client for `key`, or a new one; a failed creation is not kept. */
function reuse(cache: Map<string, Promise<unknown>>, key: string, make: () => Promise<unknown>) {
  let client = cache.get(key);
  if (!client) {
    if (cache.size >= MAX_CLIENTS) cache.clear();
    client = make();
    cache.set(key, client);
    client.catch(() => cache.delete(key));
  }
  return client;
}
