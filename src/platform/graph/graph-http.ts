import type { TokenCredential } from '@azure/identity';
import {
  Client,
  RedirectHandler,
  RedirectHandlerOptions,
  ResponseType,
  TelemetryHandler,
  HTTPMessageHandler,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import { AppRateLimiter } from '../delivery/app-rate-limiter';
import { monotonicNow, sleep } from '../delivery/monotonic';
import { backoffMs } from '../delivery/send-policy';
import {
  BearerTokenHandler,
  defaultGraphRetryPolicy,
  GraphAuthError,
  LimitedRetryHandler,
  parseRetryAfter,
  type GraphRetryPolicy,
} from './graph-middleware';

export interface GraphHttpOptions {
  /** Service root including the version, e.g. https://graph.microsoft.com/v1.0. */
  baseUrl: string;
  credential: TokenCredential;
  ratePerSecond: number;
  /** Tokens the limiter may save up; default a fifth of a second's worth. */
  burst?: number;
  retry?: Partial<GraphRetryPolicy>;
  /** Monotonic ms clock and wait, for the limiter and the back-off; tests drive both by hand. */
  now?: () => number;
  wait?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface GraphResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
}

/** No access token for Graph: a set-up fault (credentials, consent), not an outage. */
export { GraphAuthError } from './graph-middleware';

/** The request never got an HTTP answer (network error or timeout, after the retries). */
export class GraphNetworkError extends Error {
  constructor() {
    super('graph: no response');
    this.name = 'GraphNetworkError';
  }
}

/**
 * The one way Panelbot talks to Microsoft Graph: the official client with our middleware chain
 * (shared rate limiter and retries → bearer token → redirects → SDK telemetry → fetch), answering
 * raw status, headers and JSON so each adapter decides what a status means for it.
 */
export class GraphHttp {
  /** Service root without a trailing slash, e.g. https://graph.microsoft.com/v1.0. */
  readonly baseUrl: string;
  readonly limiter: AppRateLimiter;
  readonly policy: GraphRetryPolicy;
  private readonly client: Client;
  private readonly waitFn: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(options: GraphHttpOptions) {
    const base = new URL(options.baseUrl.replace(/\/+$/, ''));
    this.baseUrl = `${base.origin}${base.pathname}`.replace(/\/+$/, '');
    const segments = base.pathname.split('/').filter(Boolean);
    const version = segments.pop() ?? '';
    const host = [base.origin, ...segments].join('/');
    this.policy = { ...defaultGraphRetryPolicy, ...options.retry };
    this.waitFn = options.wait ?? sleep;
    this.random = options.random ?? Math.random;
    this.limiter = new AppRateLimiter({
      ratePerSecond: options.ratePerSecond,
      burst: options.burst ?? Math.max(1, Math.ceil(options.ratePerSecond / 5)),
      now: options.now ?? monotonicNow,
      wait: this.waitFn,
    });
    const authProvider = new TokenCredentialAuthenticationProvider(options.credential, {
      scopes: [`${base.origin}/.default`],
    });
    const retry = new LimitedRetryHandler(this.limiter, this.policy, this.waitFn, this.random);
    const bearer = new BearerTokenHandler(authProvider, base.origin);
    const redirect = new RedirectHandler(new RedirectHandlerOptions());
    const telemetry = new TelemetryHandler();
    const http = new HTTPMessageHandler();
    retry.setNext(bearer);
    bearer.setNext(redirect);
    redirect.setNext(telemetry);
    telemetry.setNext(http);
    this.client = Client.initWithMiddleware({ middleware: retry, baseUrl: host, defaultVersion: version });
  }

  /** A path relative to the service root (`/users/…`), or an absolute link Graph returned under it. */
  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GraphResponse> {
    const request = this.client.api(this.relative(path)).responseType(ResponseType.RAW);
    let raw: Response;
    try {
      raw = (await (method === 'GET' ? request.get() : request.post(body ?? {}))) as Response;
    } catch (err) {
      // The client wraps whatever a middleware threw in a GraphError whose code is the original error's name.
      if (err instanceof GraphAuthError || (err as { code?: unknown } | undefined)?.code === 'GraphAuthError')
        throw new GraphAuthError();
      throw new GraphNetworkError();
    }
    let text: string;
    try {
      text = await raw.text();
    } catch {
      throw new GraphNetworkError();
    }
    return { status: raw.status, headers: raw.headers, body: parseJson(text) };
  }

  /**
   * A link from Graph (`@odata.nextLink`) as a path under the configured root; anything pointing
   * elsewhere is refused, so the token never leaves for another host.
   */
  relative(pathOrUrl: string): string {
    if (!/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`;
    if (!pathOrUrl.toLowerCase().startsWith(`${this.baseUrl.toLowerCase()}/`))
      throw new Error('graph: link outside the configured service root');
    return pathOrUrl.slice(this.baseUrl.length);
  }

  /** A throttled item inside a $batch: pause every Graph caller as a 429 on a request would. */
  throttled(retryAfterMs: number | undefined): void {
    this.limiter.throttled(
      Math.min(retryAfterMs ?? this.policy.defaultRetryAfterMs, this.policy.maxRetryAfterMs),
    );
  }

  /** Waits out the back-off for the nth transient failure of a step the adapters retry themselves. */
  backoff(failures: number, hintMs?: number): Promise<void> {
    const ms = backoffMs(failures, this.policy.backoffBaseMs, this.policy.backoffMaxMs, this.random);
    return this.waitFn(Math.min(Math.max(ms, hintMs ?? 0), this.policy.maxRetryAfterMs));
  }

  retryAfterOf(headers: Record<string, unknown> | undefined): number | undefined {
    const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after');
    return entry ? parseRetryAfter(String(entry[1])) : undefined;
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Graph's error body: `{ error: { code, message, innerError } }`. The message is for matching only, never for logs. */
export function graphError(body: unknown): { code?: string; message?: string; innerCode?: string } {
  const error = (
    body as { error?: { code?: unknown; message?: unknown; innerError?: { code?: unknown } } } | undefined
  )?.error;
  return {
    code: typeof error?.code === 'string' ? error.code : undefined,
    message: typeof error?.message === 'string' ? error.message : undefined,
    innerCode: typeof error?.innerError?.code === 'string' ? error.innerError.code : undefined,
  };
}

/** `HTTP_403:Forbidden` — what logs and outcomes may carry about a failure. */
export function statusDetail(status: number, body: unknown): string {
  const { code } = graphError(body);
  return code ? `HTTP_${status}:${code}` : `HTTP_${status}`;
}
