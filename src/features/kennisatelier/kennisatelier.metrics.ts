import { countRow } from '../../platform/aggregates/aggregate-tables';
import { itemColumns, itemKey, itemRow, itemsOf } from '../../platform/aggregates/item-columns';
import { quarterOf } from '../../platform/aggregates/quarters';
import { days } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { message } from '../../platform/metrics';
import { SignupService } from '../../platform/signups';
import { AtelierRepository, SIGNUP_LIST_KEEP_DAYS, signupListId } from './kennisatelier.repository';

const FAMILY = 'kennisatelier';
const words = {
  ateliers: message('kennisatelier.figures.ateliers'),
  signups: message('kennisatelier.figures.signups'),
  waitlist: message('kennisatelier.figures.waitlist'),
  attended: message('kennisatelier.figures.attended'),
};

/**
 * Kennisatelier figures: sign-ups, waitlist and attendance, per atelier and over time. An atelier is
 * folded in once its attendance is marked (the numbers are final then), well before its sign-up list
 * expires; satisfaction comes from the polls feature's figures.
 */
export function registerKennisatelierMetrics(
  deps: Pick<AppDeps, 'store' | 'clock' | 'org' | 'aggregates' | 'metrics'>,
): void {
  const repo = new AtelierRepository(deps.store);
  const signups = new SignupService(deps.store, deps.clock);
  const zone = deps.org.data.organisation.timeZone;

  deps.metrics.add({
    id: 'kennisatelier',
    order: 10,
    title: message('kennisatelier.figures.title'),
    async collect(now) {
      const since = new Date(now.getTime() - days(SIGNUP_LIST_KEEP_DAYS)).toISOString();
      for (const a of await repo.endingAfter(since, 500)) {
        if (a.status !== 'published' || !a.attendance) continue;
        // The counts, from the list's state document: no need to read everyone on it.
        const list = await signups.summary(signupListId(a.id)).catch(() => undefined);
        if (!list) continue;
        const counts = {
          ateliers: 1,
          signups: list.attending + list.waitlisted,
          waitlist: list.waitlisted,
          attended: a.attendance.attendeeIds.length,
        };
        const local = a.startsAt;
        const perAtelier = Object.fromEntries(
          Object.entries(counts).map(([k, n]) => [itemKey('a', local, a.id, k), n]),
        );
        await deps.aggregates.fold(FAMILY, quarterOf(a.startsAt, zone), a.id, { ...counts, ...perAtelier });
      }
    },
    metrics: [
      {
        id: 'kennisatelier.trend',
        order: 1,
        title: message('kennisatelier.figures.trend.title'),
        description: message('kennisatelier.figures.trend.description'),
        chart: 'line',
        async table(ctx) {
          const docs = await deps.aggregates.quarters(FAMILY, ctx.trend);
          const rows = (['ateliers', 'signups', 'waitlist', 'attended'] as const).map((k) =>
            countRow(docs, ctx.trend, k, words[k]),
          );
          return { columns: ctx.trend.map((q) => ({ key: q, label: q })), rows, unit: 'count' };
        },
        summarise(table, w) {
          const sum = (key: string) =>
            table.rows
              .find((r) => r.key === key)
              ?.cells.slice(-4)
              .reduce((s, c) => s + (c.kind === 'exact' ? c.value : 0), 0) ?? 0;
          return w.t('kennisatelier.figures.trend.summary', {
            ateliers: sum('ateliers'),
            signups: sum('signups'),
            attended: sum('attended'),
          });
        },
      },
      {
        id: 'kennisatelier.perAtelier',
        order: 2,
        title: message('kennisatelier.figures.perAtelier.title'),
        description: message('kennisatelier.figures.perAtelier.description'),
        chart: 'bar',
        async table(ctx) {
          const items = itemsOf(await deps.aggregates.quarters(FAMILY, ctx.quarters), 'a');
          const rows = (['signups', 'waitlist', 'attended'] as const).map((k) =>
            itemRow(items, k, words[k], (v) => v[k] ?? 0),
          );
          return { columns: itemColumns(items, 'kennisatelier.figures.atelierOn'), rows, unit: 'count' };
        },
      },
    ],
  });
}
