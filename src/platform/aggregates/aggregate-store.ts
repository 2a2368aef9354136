import { createHash } from 'node:crypto';
import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import type { Quarter } from './quarters';

/**
 * One quarter of one family of figures. Only counts: no person, no text. `folded` holds short hashes
 * of the source items already counted, so folding the same item again changes nothing.
 */
export interface AggregateDoc {
  family: string;
  quarter: Quarter;
  /** Summed over the items folded in (cases, ateliers, polls, rounds…). */
  counts: Record<string, number>;
  /** Values measured at a moment (member counts): the last measurement of the quarter wins. */
  levels: Record<string, number>;
  folded: string[];
  updatedAt: string;
}

const itemHash = (family: string, item: string) =>
  createHash('sha256').update(`${family}\u0000${item}`).digest('base64url').slice(0, 16);

const docId = (family: string, quarter: Quarter) => `${family}|${quarter}`;

/**
 * Per-quarter aggregates that outlive their sources. Features fold each finished item (a closed case,
 * a closed poll, a closed round, an atelier with attendance) in while it still exists; the retention
 * clean-up may then delete the item, and the figures stay. Documents never expire.
 */
export class AggregateStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly now: () => Date,
  ) {}

  /** Adds the item's counts once; returns false when it was already counted. */
  async fold(
    family: string,
    quarter: Quarter,
    item: string,
    counts: Record<string, number>,
  ): Promise<boolean> {
    const hash = itemHash(family, item);
    return updateWithRetry<AggregateDoc, boolean>(
      this.store,
      containers.aggregates,
      family,
      docId(family, quarter),
      (current) => {
        const doc = current?.data ?? this.empty(family, quarter);
        if (doc.folded.includes(hash)) return { kind: 'skip', result: false };
        const sum = { ...doc.counts };
        for (const [k, n] of Object.entries(counts)) sum[k] = (sum[k] ?? 0) + n;
        const data = { ...doc, counts: sum, folded: [...doc.folded, hash], updatedAt: this.stamp() };
        return { kind: 'write', data, result: true };
      },
    );
  }

  /** Records levels measured now (e.g. members per network) for the quarter. */
  async measure(family: string, quarter: Quarter, levels: Record<string, number>): Promise<void> {
    await updateWithRetry<AggregateDoc, void>(
      this.store,
      containers.aggregates,
      family,
      docId(family, quarter),
      (current) => {
        const doc = current?.data ?? this.empty(family, quarter);
        const same = Object.entries(levels).every(([k, v]) => doc.levels[k] === v);
        if (current && same) return { kind: 'skip', result: undefined };
        const data = { ...doc, levels: { ...doc.levels, ...levels }, updatedAt: this.stamp() };
        return { kind: 'write', data, result: undefined };
      },
    );
  }

  /** The family's documents for these quarters, keyed by quarter (missing quarters have none). */
  async quarters(family: string, quarters: readonly Quarter[]): Promise<Map<Quarter, AggregateDoc>> {
    const docs = await this.store.query<AggregateDoc>(containers.aggregates, {
      pk: family,
      where: [{ field: 'quarter', op: 'in', value: [...quarters] }],
    });
    return new Map(docs.map((d) => [d.data.quarter, d.data]));
  }

  private empty(family: string, quarter: Quarter): AggregateDoc {
    return { family, quarter, counts: {}, levels: {}, folded: [], updatedAt: this.stamp() };
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}
