import type { AuthenticationProvider, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { AppRateLimiter } from '../delivery/app-rate-limiter';
import { backoffMs } from '../delivery/send-policy';

/** Transient by Graph's guidance; 501 and 505 are not. No status at all (network) is retried too. */
export const retryableStatuses = new Set([500, 502, 503, 504]);

export interface GraphRetryPolicy {
  /** Attempts per request for 5xx and network errors (the first try included). */
  maxAttempts: number;
  /** 429s one request may meet before the 429 is handed to the caller. */
  maxThrottles: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Assumed when a 429 comes without Retry-After. */
  defaultRetryAfterMs: number;
  /** A Retry-After beyond this is capped (a broken header must not stall us for hours). */
  maxRetryAfterMs: number;
  /** One attempt that takes longer is aborted and counts as a network error. */
  requestTimeoutMs: number;
}

export const defaultGraphRetryPolicy: GraphRetryPolicy = {
  maxAttempts: 5,
  maxThrottles: 10,
  backoffBaseMs: 500,
  backoffMaxMs: 30_000,
  defaultRetryAfterMs: 2_000,
  maxRetryAfterMs: 300_000,
  requestTimeoutMs: 30_000,
};

/**
 * No token could be had (wrong secret, no managed identity, consent missing): not retried here, since
 * `@azure/identity` already retries its own token requests, and a set-up fault is no network error.
 */
export class GraphAuthError extends Error {
  constructor() {
    super('graph: no access token');
    this.name = 'GraphAuthError';
  }
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110), in ms; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Replaces the Graph client's own RetryHandler: every attempt first takes a token from the one
 * {@link AppRateLimiter} all Graph calls share; a 429 pauses every caller for its Retry-After and halves
 * the rate; 5xx and network errors are retried with jittered exponential back-off; any other status
 * is final and goes back to the caller. Retrying here and nowhere else means nothing retries twice.
 */
export class LimitedRetryHandler implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly limiter: AppRateLimiter,
    private readonly policy: GraphRetryPolicy,
    private readonly wait: (ms: number) => Promise<void>,
    private readonly random: () => number = Math.random,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('LimitedRetryHandler: no next middleware');
    let failures = 0;
    let throttles = 0;
    for (;;) {
      await this.limiter.acquire();
      context.options = { ...context.options, signal: AbortSignal.timeout(this.policy.requestTimeoutMs) };
      try {
        await next.execute(context);
      } catch (err) {
        if (err instanceof GraphAuthError) throw err;
        // Network error or timeout: the request may or may not have landed; the callers' operations are idempotent.
        failures += 1;
        if (failures >= this.policy.maxAttempts) throw err;
        await this.wait(
          backoffMs(failures, this.policy.backoffBaseMs, this.policy.backoffMaxMs, this.random),
        );
        continue;
      }
      const response = context.response as Response;
      if (response.status === 429) {
        throttles += 1;
        const retryAfter =
          parseRetryAfter(response.headers.get('retry-after')) ?? this.policy.defaultRetryAfterMs;
        // The pause applies to every Graph caller: the next acquire() waits it out.
        this.limiter.throttled(Math.min(retryAfter, this.policy.maxRetryAfterMs));
        if (throttles > this.policy.maxThrottles) return;
        await discard(response);
        continue;
      }
      if (retryableStatuses.has(response.status)) {
        failures += 1;
        if (failures >= this.policy.maxAttempts) return;
        const hinted = parseRetryAfter(response.headers.get('retry-after'));
        await discard(response);
        const backoff = backoffMs(failures, this.policy.backoffBaseMs, this.policy.backoffMaxMs, this.random);
        await this.wait(Math.min(Math.max(backoff, hinted ?? 0), this.policy.maxRetryAfterMs));
        continue;
      }
      this.limiter.succeeded();
      return;
    }
  }
}

/**
 * Puts `Authorization: Bearer <token>` on requests to the configured Graph origin only, and takes it
 * off anything else (a next link pointing elsewhere never receives the token).
 *
 * @remarks The client's own AuthenticationHandler only recognises https Graph hosts, so it would send
 * no token to a loopback test server; this one trusts exactly the origin the configuration names.
 * It runs after the retry handler, so every attempt gets a current token (the credential caches it).
 */
export class BearerTokenHandler implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly origin: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('BearerTokenHandler: no next middleware');
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const options = (context.options ??= {});
    const headers = { ...((options.headers as Record<string, string> | undefined) ?? {}) };
    delete headers.Authorization;
    delete headers.authorization;
    if (new URL(url).origin === this.origin) {
      let token: string;
      try {
        token = await this.provider.getAccessToken();
      } catch {
        throw new GraphAuthError();
      }
      headers.Authorization = `Bearer ${token}`;
    }
    options.headers = headers;
    await this.next.execute(context);
  }
}

async function discard(response: Response): Promise<void> {
  // Free the connection before trying again.
  await response.arrayBuffer().catch(() => undefined);
}
