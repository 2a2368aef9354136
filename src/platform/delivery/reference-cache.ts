import type { ConversationDirectory, ConversationRecord } from '../conversations';
import type { RecipientKey } from './delivery.port';
import { monotonicNow } from './monotonic';

interface Entry {
  record: ConversationRecord | undefined;
  at: number;
}

/**
 * Conversation references for sending, read a batch at a time and kept briefly: a broadcast reads
 * each reference once, and a reference that changes (or goes inactive) is seen again within `ttlMs`.
 */
export class ReferenceCache {
  private readonly entries = new Map<RecipientKey, Entry>();

  constructor(
    private readonly directory: ConversationDirectory,
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 20_000,
  ) {}

  async prefetch(keys: RecipientKey[]): Promise<void> {
    const now = monotonicNow();
    const missing = [...new Set(keys)].filter((k) => !this.fresh(k, now));
    if (!missing.length) return;
    const found = await this.directory.getMany(missing);
    for (const key of missing) this.put(key, found.get(key), now);
  }

  async get(key: RecipientKey): Promise<ConversationRecord | undefined> {
    const now = monotonicNow();
    const hit = this.fresh(key, now);
    if (hit) return hit.record;
    const record = await this.directory.get(key);
    this.put(key, record, now);
    return record;
  }

  async markInactive(key: RecipientKey): Promise<void> {
    this.entries.delete(key);
    await this.directory.markInactive(key);
  }

  private fresh(key: RecipientKey, now: number): Entry | undefined {
    const entry = this.entries.get(key);
    return entry && now - entry.at < this.ttlMs ? entry : undefined;
  }

  private put(key: RecipientKey, record: ConversationRecord | undefined, now: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Map keeps insertion order: drop the oldest tenth rather than tracking recency per read.
      let drop = Math.ceil(this.maxEntries / 10);
      for (const k of this.entries.keys()) {
        this.entries.delete(k);
        if (--drop === 0) break;
      }
    }
    this.entries.set(key, { record, at: now });
  }
}
