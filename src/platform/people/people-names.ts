import type { Logger } from '../logger';
import type { Organisation } from '../org/organisation';

/** What names need of the directory (Microsoft Graph in a tenant); absent ids are unknown people. */
export interface ProfileDirectory {
  profiles(ids: string[]): Promise<Map<string, { displayName: string; preferredLanguage?: string }>>;
}

export interface PeopleNamesOptions {
  /** How long a name read from the directory is trusted. */
  ttlMs?: number;
  /** How long "the directory does not know this id" is trusted (so a roster does not ask again each view). */
  unknownTtlMs?: number;
  maxEntries?: number;
  now?: () => number;
  /** Told (without ids or names) when the directory could not be asked. */
  logger?: Logger;
}

/** Longest display name a feature keeps with its data (a longer one from Teams is cut). */
export const KEPT_NAME_MAX = 80;

/**
 * A display name as a feature keeps it with its own data (a seat, a named answer): one line, trimmed,
 * bounded; undefined when there is none. Keep it only where the feature needs it, and delete it with
 * that data.
 */
export function keptName(name: string | undefined): string | undefined {
  const clean = name?.replace(/\s+/g, ' ').trim().slice(0, KEPT_NAME_MAX).trim();
  return clean || undefined;
}

interface Entry {
  name: string | undefined;
  until: number;
}

/**
 * Display names for ids, for the people who see rosters, attendance forms and exports: from what the
 * caller already holds (a name kept with a sign-up), the organisation file, names seen in recent turns,
 * then the directory in one bulk look-up. Kept in memory only, with an expiry; nothing is stored.
 * An id nobody can name stays absent: callers show a neutral word, never the id.
 */
export class PeopleNames {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly unknownTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly logger: Logger | undefined;

  constructor(
    private readonly org: Organisation,
    private readonly directory: ProfileDirectory | undefined,
    options: PeopleNamesOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 12 * 3_600_000;
    this.unknownTtlMs = options.unknownTtlMs ?? 3_600_000;
    this.maxEntries = options.maxEntries ?? 50_000;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
  }

  /** A name Teams gave us in a turn (`from.name`): the freshest source there is. */
  remember(id: string, name: string | undefined): void {
    const clean = name?.trim();
    if (clean) this.put(id.toLowerCase(), clean, this.ttlMs);
  }

  /**
   * Names by lower-case id for every id that can be named; `known` are names the caller already holds.
   * When the directory cannot be asked (outage, throttling) the ids it would have named stay absent for
   * this call only: a roster still shows, with the neutral word for them, and the next call asks again.
   */
  async namesOf(
    ids: readonly string[],
    known: ReadonlyMap<string, string | undefined> = new Map(),
  ): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ask: string[] = [];
    const now = this.now();
    for (const id of new Set(ids.map((i) => i.toLowerCase()))) {
      const name = known.get(id) ?? this.org.person(id)?.name;
      if (name) {
        out.set(id, name);
        continue;
      }
      const hit = this.entries.get(id);
      if (hit && hit.until > now) {
        if (hit.name) out.set(id, hit.name);
      } else ask.push(id);
    }
    if (ask.length && this.directory) {
      let found: Awaited<ReturnType<ProfileDirectory['profiles']>>;
      try {
        found = await this.directory.profiles(ask);
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).constructor?.name;
        this.logger?.warn({ code, ids: ask.length }, 'names: directory not available');
        return out;
      }
      const byId = new Map([...found].map(([id, p]) => [id.toLowerCase(), p.displayName] as const));
      for (const id of ask) {
        const name = byId.get(id);
        this.put(id, name, name ? this.ttlMs : this.unknownTtlMs);
        if (name) out.set(id, name);
      }
    }
    return out;
  }

  private put(id: string, name: string | undefined, ttl: number): void {
    if (this.entries.size >= this.maxEntries) {
      // Insertion order: drop the oldest tenth rather than tracking recency on every read.
      const drop = Math.ceil(this.maxEntries / 10);
      for (const key of this.entries.keys()) {
        this.entries.delete(key);
        if (this.entries.size <= this.maxEntries - drop) break;
      }
    }
    this.entries.delete(id);
    this.entries.set(id, { name, until: this.now() + ttl });
  }
}
