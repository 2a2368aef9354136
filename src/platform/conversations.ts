import { containers, type DocumentStore } from '../storage/document-store.port';
import type { RecipientKey } from './delivery/delivery.port';
import type { StoredConversationReference } from './delivery/proactive-sender.port';

export interface ConversationRecord {
  key: RecipientKey;
  reference: StoredConversationReference;
  /** For channels: the display name Teams gave us, to let organisers pick a channel. */
  title?: string;
  locale?: string;
  /** False once Teams said the bot is gone from this conversation (403/404). */
  active: boolean;
  updatedAt: string;
}

const pkOf = (key: RecipientKey) => (key.startsWith('user:') ? 'user' : 'channel');

/**
 * Where proactive messages can go: the conversation reference for each person (1:1) and each channel
 * or group chat, stored on install and on every message so it stays current.
 */
export class ConversationDirectory {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  async save(key: RecipientKey, reference: StoredConversationReference, extra: { title?: string; locale?: string } = {}) {
    const existing = await this.get(key);
    const unchanged =
      existing?.active &&
      existing.reference.conversation.id === reference.conversation.id &&
      existing.reference.serviceUrl === reference.serviceUrl &&
      existing.locale === (extra.locale ?? existing.locale) &&
      (extra.title === undefined || existing.title === extra.title);
    // Most turns change nothing: skip the write so a busy chat does not rewrite its reference each time.
    if (unchanged) return;
    const record: ConversationRecord = {
      key,
      reference,
      title: extra.title ?? existing?.title,
      locale: extra.locale ?? existing?.locale,
      active: true,
      updatedAt: this.now().toISOString(),
    };
    await this.store.upsert(containers.conversations, { pk: pkOf(key), id: key, data: record });
  }

  async get(key: RecipientKey): Promise<ConversationRecord | undefined> {
    return (await this.store.get<ConversationRecord>(containers.conversations, pkOf(key), key))?.data;
  }

  /** Many records in one query per kind of recipient (the delivery worker reads a batch at a time). */
  async getMany(keys: RecipientKey[]): Promise<Map<RecipientKey, ConversationRecord>> {
    const found = new Map<RecipientKey, ConversationRecord>();
    for (const pk of ['user', 'channel'] as const) {
      const wanted = keys.filter((k) => pkOf(k) === pk);
      for (let i = 0; i < wanted.length; i += 100) {
        const docs = await this.store.query<ConversationRecord>(containers.conversations, {
          pk,
          where: [{ field: 'key', op: 'in', value: wanted.slice(i, i + 100) }],
        });
        for (const doc of docs) found.set(doc.data.key, doc.data);
      }
    }
    return found;
  }

  async markInactive(key: RecipientKey): Promise<void> {
    const doc = await this.store.get<ConversationRecord>(containers.conversations, pkOf(key), key);
    if (!doc || !doc.data.active) return;
    await this.store.upsert(containers.conversations, { ...doc, data: { ...doc.data, active: false, updatedAt: this.now().toISOString() } });
  }

  /** Channels and group chats the bot is in, for organisers choosing an audience. */
  async channels(): Promise<ConversationRecord[]> {
    const docs = await this.store.query<ConversationRecord>(containers.conversations, {
      pk: 'channel',
      where: [{ field: 'active', op: '=', value: true }],
      orderBy: [{ field: 'title' }],
      limit: 200,
    });
    return docs.map((d) => d.data);
  }

  /** The UI language we last saw for a person, for messages sent to them proactively. */
  async localeOf(key: RecipientKey): Promise<string | undefined> {
    return (await this.get(key))?.locale;
  }
}
