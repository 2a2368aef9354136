/** Errors every adapter raises the same way, so services can react without knowing the adapter. */
export class ConcurrencyError extends Error {
  readonly code = 'STORE.CONCURRENCY';
  constructor(container: string, id: string) {
    super(`Document ${container}/${id} changed since it was read`);
    this.name = 'ConcurrencyError';
  }
}

export class ConflictError extends Error {
  readonly code = 'STORE.CONFLICT';
  constructor(container: string, id: string) {
    super(`Document ${container}/${id} already exists`);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  readonly code = 'STORE.NOT_FOUND';
  constructor(container: string, id: string) {
    super(`Document ${container}/${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

export const isConcurrencyError = (err: unknown): err is ConcurrencyError => err instanceof ConcurrencyError;
export const isConflictError = (err: unknown): err is ConflictError => err instanceof ConflictError;
export const isNotFoundError = (err: unknown): err is NotFoundError => err instanceof NotFoundError;
