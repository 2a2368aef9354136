import type { ConversationDirectory, ConversationRecord } from '../conversations';
import type { RecipientKey } from './delivery.port';
import { monotonicNow } from './monotonic';

const PARALLEL_READS = 16;

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
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(
    private readonly directory: ConversationDirectory,
    options: { now?: () => number; ttlMs?: number; maxEntries?: number } = {},
  ) {
    this.now = options.now ?? monotonicNow;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 20_000;
  }

  /**
   * Point reads in parallel rather than one `IN` query: on Cosmos a point read is the cheapest
   * operation there is (1 RU), while a query's cost grows with what it has to look at.
   */
  async prefetch(keys: RecipientKey[]): Promise<void> {
    const now = this.now();
    const missing = [...new Set(keys)].filter((k) => !this.fresh(k, now));
    for (let i = 0; i < missing.length; i += PARALLEL_READS) {
      const slice = missing.slice(i, i + PARALLEL_READS);
      const records = await Promise.all(slice.map((key) => this.directory.get(key)));
      slice.forEach((key, n) => this.put(key, records[n], now));
    }
  }

  async get(key: RecipientKey): Promise<ConversationRecord | undefined> {
    const now = this.now();
    const hit = this.fresh(key, now);
    if (hit) return hit.record;
    const record = await this.directory.get(key);
    this.put(key, record, now);
    return record;
  }

  /** Drops what is cached for a recipient (a reference was just stored for them). */
  forget(key: RecipientKey): void {
    this.entries.delete(key);
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
