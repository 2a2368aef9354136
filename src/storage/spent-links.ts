import type { SpentLinks } from '../platform/downloads';
import { containers, type DocumentStore } from './document-store.port';
import { ConflictError } from './store-errors';

/**
 * Spent download-link ids in the document store, so a link works once across instances and restarts.
 * `create` fails on an existing id on every adapter; the record expires with the link.
 */
export class StoreSpentLinks implements SpentLinks {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => number,
  ) {}

  async spend(linkId: string, expiresAt: number): Promise<boolean> {
    const ttlSeconds = Math.max(60, Math.ceil((expiresAt - this.now()) / 1000) + 60);
    try {
      await this.store.create(containers.downloads, { pk: linkId, id: linkId, data: {}, ttlSeconds });
      return true;
    } catch (err) {
      if (err instanceof ConflictError) return false;
      throw err;
    }
  }
}
