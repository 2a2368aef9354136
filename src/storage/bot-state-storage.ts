import { containers, type DocumentStore } from './document-store.port';

type StoreItems = Record<string, Record<string, unknown> | undefined>;

/**
 * teams-ai turn state kept through the document-store port. Shaped like botbuilder's `Storage`
 * interface (structurally, so this file needs no bot framework import). Turn state holds only flow
 * progress, never message text; it expires after 30 days of silence.
 */
export class BotStateStorage {
  constructor(
    private readonly store: DocumentStore,
    private readonly ttlSeconds = 30 * 86_400,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const doc = await this.store.get<Record<string, unknown>>(containers.botState, key, 'state');
        if (doc) items[key] = { ...doc.data, eTag: doc.etag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(async ([key, value]) => {
        if (!value) return;
        const { eTag: _ignored, ...data } = value;
        await this.store.upsert(containers.botState, {
          pk: key,
          id: 'state',
          data,
          ttlSeconds: this.ttlSeconds,
        });
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((key) => this.store.delete(containers.botState, key, 'state')));
  }
}
