import { containers, type DocumentStore } from '../storage/document-store.port';
import { isConflictError } from '../storage/store-errors';
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
  /** How the reference was obtained: a turn from Teams (default), or the delivery engine reaching out. */
  via?: 'turn' | 'createConversation' | 'install';
}

/** Where Teams last reached the bot for a tenant: what a reference made by the bot itself needs. */
export interface ServiceRecord {
  tenantId: string;
  serviceUrl: string;
  botId: string;
  updatedAt: string;
}

const SERVICE_PK = 'service';
const WELCOME_PK = 'welcome';

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

  private readonly services = new Map<string, string>();

  async save(
    key: RecipientKey,
    reference: StoredConversationReference,
    extra: { title?: string; locale?: string; via?: ConversationRecord['via'] } = {},
  ) {
    if (!extra.via) await this.noteService(reference);
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
      ...(extra.via ? { via: extra.via } : {}),
    };
    await this.store.upsert(containers.conversations, { pk: pkOf(key), id: key, data: record });
  }

  /**
   * The serviceUrl and bot id Teams last used for a tenant (any tenant when none is given), written
   * only when they change: the delivery engine needs them to talk to someone who never wrote to the bot.
   */
  async service(tenantId?: string): Promise<ServiceRecord | undefined> {
    if (tenantId)
      return (await this.store.get<ServiceRecord>(containers.conversations, SERVICE_PK, tenantId))?.data;
    const [latest] = await this.store.query<ServiceRecord>(containers.conversations, {
      pk: SERVICE_PK,
      orderBy: [{ field: 'updatedAt', direction: 'desc' }],
      limit: 1,
    });
    return latest?.data;
  }

  /**
   * True exactly once per person: the first caller may send the welcome card. An install event can
   * arrive more than once (a proactive install, a policy roll-out, `installationUpdate` beside
   * `conversationUpdate`); the marker is a create that fails on the second try, so it holds across instances.
   */
  async claimWelcome(key: RecipientKey): Promise<boolean> {
    try {
      const marker = { pk: WELCOME_PK, id: key, data: { at: this.now().toISOString() } };
      await this.store.create(containers.conversations, marker);
      return true;
    } catch (err) {
      if (isConflictError(err)) return false;
      throw err;
    }
  }

  private async noteService(reference: StoredConversationReference): Promise<void> {
    const tenantId = reference.conversation.tenantId;
    if (!tenantId || !reference.serviceUrl || !reference.bot.id) return;
    const value = `${reference.serviceUrl}|${reference.bot.id}`;
    if (this.services.get(tenantId) === value) return;
    const stored = await this.service(tenantId);
    if (stored && `${stored.serviceUrl}|${stored.botId}` === value)
      return void this.services.set(tenantId, value);
    const data: ServiceRecord = {
      tenantId,
      serviceUrl: reference.serviceUrl,
      botId: reference.bot.id,
      updatedAt: this.now().toISOString(),
    };
    await this.store.upsert(containers.conversations, { pk: SERVICE_PK, id: tenantId, data });
    this.services.set(tenantId, value);
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
    await this.store.upsert(containers.conversations, {
      ...doc,
      data: { ...doc.data, active: false, updatedAt: this.now().toISOString() },
    });
  }

  /**
   * Team channels the bot is in, for organisers choosing an audience. Group chats share the partition
   * but are left out: their name is whatever anyone in the chat typed, so it could pass for a channel.
   */
  async channels(): Promise<ConversationRecord[]> {
    const docs = await this.store.query<ConversationRecord>(containers.conversations, {
      pk: 'channel',
      where: [
        { field: 'active', op: '=', value: true },
        { field: 'reference.conversation.conversationType', op: '=', value: 'channel' },
      ],
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
