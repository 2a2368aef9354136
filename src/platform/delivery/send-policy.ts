import { SendError } from './proactive-sender.port';

/** What to do after a failed send, decided from the HTTP status alone. */
export type Verdict =
  | { kind: 'throttled'; retryAfterMs: number; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'inactive'; reason: string }
  | { kind: 'failed'; reason: string };

/** Transient by Teams' guidance (412 included: Teams sends it under load); no status = network. */
const retryable = new Set([408, 412, 500, 502, 503, 504]);

export function reasonOf(err: SendError): string {
  return err.statusCode ? `HTTP_${err.statusCode}:${err.reason}` : `NETWORK:${err.reason}`;
}

export function classify(err: unknown, defaultRetryAfterMs: number): Verdict {
  const sendError = err instanceof SendError ? err : new SendError(undefined, undefined, 'UNEXPECTED');
  const reason = reasonOf(sendError);
  const status = sendError.statusCode;
  if (status === 429)
    return { kind: 'throttled', retryAfterMs: sendError.retryAfterMs ?? defaultRetryAfterMs, reason };
  // The user removed the app, or the chat/channel is gone: retrying cannot help.
  if (status === 403 || status === 404) return { kind: 'inactive', reason };
  if (status === undefined || retryable.has(status)) return { kind: 'retry', reason };
  return { kind: 'failed', reason };
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retries do not arrive in waves. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
