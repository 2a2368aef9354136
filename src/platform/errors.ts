/**
 * An expected failure with a stable code and a message key for the user (never developer text).
 * Handlers turn it into a card or message in the user's language; it changes nothing.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;

export type ErrorParams = Record<string, string | number>;
export type ErrorFactory = ((params?: ErrorParams) => AppError) & { readonly code: string };

const screamingSnake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/**
 * One catalogue of expected failures per feature, with uniform names: `defineErrors('polls', ['closed'])`
 * gives `errors.closed()` with code `POLLS.CLOSED` and message key `polls.error.closed`. Match on
 * `errors.closed.code`, never on a message key.
 */
export function defineErrors<const K extends string>(
  namespace: string,
  keys: readonly K[],
): { readonly [k in K]: ErrorFactory } {
  const catalogue = {} as Record<K, ErrorFactory>;
  for (const key of keys) {
    const code = `${screamingSnake(namespace)}.${screamingSnake(key)}`;
    const make = (params: ErrorParams = {}) => new AppError(code, `${namespace}.error.${key}`, params);
    catalogue[key] = Object.assign(make, { code });
  }
  return catalogue;
}

/** Failures every feature shares; messages in the platform catalogue (`common.error.*`). */
export const commonErrors = defineErrors('common', [
  'forbidden',
  'invalidInput',
  'notFound',
  'busy',
  'personalOnly',
]);
