/**
 * What a log line may carry: values under field names on this allow-list, at any depth; every other
 * value is replaced. Names of ids, counts, codes and states are safe; text a person wrote, names and
 * e-mail addresses never have a field here, so a mistake in a call site is censored, not logged.
 */
const safeFields = new Set(
  [
    // where and what
    'component feature part route op mode kind type activityType verb state reason outcome detail code',
    'lastError signal url file problems sweep retryable refused stale alreadyInstalled consent',
    'destination from recipient',
    // ids (Entra object ids and our own ids are not personal text)
    'ids actor subject tenant deputy by target occurrence next revision',
    // counts
    'rows recipients attendees attempt attempts issues count created moved promoted changed added',
    'removed grants members units pages batches found requested available submitted reminded unknown',
    'channels networks active days earlyAccessHours',
  ]
    .join(' ')
    .split(' '),
);
/** `pollId`, `caseCount`, `waitMs`, `closedAt`: ids, counts, durations and times by their suffix. */
const safeSuffix = /^[a-z][A-Za-z]*(?:Id|Ids|Count|Ms|At)$/;
/** pino's own fields in bindings. */
const bindingFields = new Set(['service', 'pid', 'hostname']);

export const redacted = '[redacted]';
const maxString = 300;

const isSafeField = (key: string) => safeFields.has(key) || safeSuffix.test(key);

/** The code location of an error, without its message (which can quote input, e.g. JSON.parse). */
function safeError(value: unknown): Record<string, unknown> {
  const e = (value ?? {}) as { name?: unknown; code?: unknown; stack?: unknown };
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map((line) => line.trim())
          .slice(0, 15)
      : undefined;
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined;
  const type = typeof e.name === 'string' && /^[A-Za-z]{1,60}$/.test(e.name) ? e.name : 'Error';
  return { type, code, stack: frames };
}

function safeValue(value: unknown, depth: number): unknown {
  if (value instanceof Error) return safeError(value);
  if (typeof value === 'string') return value.length > maxString ? `${value.slice(0, maxString)}…` : value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > 6) return redacted;
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => safeValue(v, depth + 1));
  return safeObject(value as Record<string, unknown>, depth + 1);
}

function safeObject(obj: Record<string, unknown>, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    if (key === 'err' || key === 'error') out[key] = safeError(value);
    else out[key] = isSafeField(key) ? safeValue(value, depth) : redacted;
  }
  return out;
}

/** The object of a log call. `config` is the start-up summary (`redactedSummary`): secrets as set/missing. */
export function redactLogObject(obj: Record<string, unknown>): Record<string, unknown> {
  const { config, ...rest } = obj;
  const safe = safeObject(rest, 0);
  return config === undefined ? safe : { config, ...safe };
}

/** A child logger's bindings (`{ component: 'server' }`), and pino's own. */
export function redactBindings(bindings: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(bindings))
    out[key] = bindingFields.has(key) ? value : isSafeField(key) ? safeValue(value, 0) : redacted;
  return out;
}
