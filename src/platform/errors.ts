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

/** Common failures shared by every feature. */
export const commonErrors = {
  forbidden: () => new AppError('AUTH.FORBIDDEN', 'common.error.forbidden'),
  invalidInput: () => new AppError('INPUT.INVALID', 'common.error.invalidInput'),
  notFound: () => new AppError('NOT_FOUND', 'common.error.notFound'),
  busy: () => new AppError('BUSY', 'common.error.busy'),
};

/** Service result for expected outcomes, so handlers do not need try/catch for the normal path. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });
