import type { Actor } from './org/organisation';

/** One thing a user can do, shown on the help card to those it is for. */
export interface HelpEntry {
  id: string;
  /** Lower comes first. */
  order: number;
  titleKey: string;
  descriptionKey: string;
  /** The Action.Execute verb the entry's button triggers. */
  verb: string;
  data?: Record<string, unknown>;
  visibleTo: (actor: Actor) => boolean;
}

/** Features add their entries at registration; the help card lists those the actor may use. */
export class HelpRegistry {
  private readonly entries: HelpEntry[] = [];

  /** A feature's entries, declared as one list in its index.ts. */
  addAll(entries: readonly HelpEntry[]): void {
    for (const entry of entries) this.add(entry);
  }

  add(entry: HelpEntry): void {
    if (this.entries.some((e) => e.id === entry.id)) throw new Error(`Duplicate help entry ${entry.id}`);
    this.entries.push(entry);
  }

  entriesFor(actor: Actor): HelpEntry[] {
    return this.entries.filter((e) => e.visibleTo(actor)).sort((a, b) => a.order - b.order);
  }
}

export const everyone = () => true;
