import { containers, type DocumentStore } from '../../storage/document-store.port';
import { ConcurrencyError, ConflictError } from '../../storage/store-errors';
import type { CalendarSettings } from '../org/org-calendar.schema';
import type { RecipientKey } from './delivery.port';
import type { SendCalendar } from './send-calendar';

/** Per local day of one ISO week: how many normal proactive messages went to this person. */
interface SendCountDoc {
  days: Record<string, number>;
}

export type CapVerdict = { ok: true } | { ok: false; full: 'day' | 'week' };

/** Two weeks: the count of the week before is never needed, so this only bounds what is kept. */
const TTL_SECONDS = 15 * 86_400;
const MAX_TRIES = 10;

/**
 * The per-person caps on normal proactive messages, counted in the store so that every instance and
 * every restart sees the same numbers. A slot is reserved right before the send (etag-guarded, so two
 * instances cannot both take the last one) and given back if the send fails.
 */
export class PersonSendCaps {
  constructor(
    private readonly store: DocumentStore,
    private readonly calendar: SendCalendar,
    private readonly caps: () => CalendarSettings['caps'],
  ) {}

  async reserve(key: RecipientKey, at: Date): Promise<CapVerdict> {
    const day = this.calendar.dayOf(at);
    const { perPersonPerDay, perPersonPerWeek } = this.caps();
    let verdict: CapVerdict = { ok: true };
    await this.change(key, at, (days) => {
      verdict = { ok: true };
      const week = Object.values(days).reduce((a, b) => a + b, 0);
      if ((days[day] ?? 0) >= perPersonPerDay) verdict = { ok: false, full: 'day' };
      else if (week >= perPersonPerWeek) verdict = { ok: false, full: 'week' };
      else return { ...days, [day]: (days[day] ?? 0) + 1 };
      return undefined;
    });
    return verdict;
  }

  /** Gives back a slot reserved for a send that did not happen. */
  async release(key: RecipientKey, at: Date): Promise<void> {
    const day = this.calendar.dayOf(at);
    await this.change(key, at, (days) => (days[day] ? { ...days, [day]: days[day] - 1 } : undefined));
  }

  /** Applies `next` to the week's counts (undefined: no write), retrying on a concurrent write. */
  private async change(
    key: RecipientKey,
    at: Date,
    next: (days: Record<string, number>) => Record<string, number> | undefined,
  ): Promise<void> {
    const id = this.calendar.weekOf(at);
    for (let i = 0; i < MAX_TRIES; i++) {
      const doc = await this.store.get<SendCountDoc>(containers.sendCounts, key, id);
      const days = next(doc?.data.days ?? {});
      if (!days) return;
      const write = { pk: key, id, data: { days }, ttlSeconds: TTL_SECONDS };
      try {
        if (doc) await this.store.replace(containers.sendCounts, write, doc.etag);
        else await this.store.create(containers.sendCounts, write);
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyError || err instanceof ConflictError)) throw err;
      }
    }
    throw new Error('send count kept changing under us');
  }
}
