import { suppressedBreakdown, type BreakdownRow } from '../../platform/aggregates/aggregate-tables';
import type { AppDeps } from '../../platform/deps';
import {
  local,
  message,
  textOf,
  type FigureText,
  type MetricDefinition,
  type MetricTable,
} from '../../platform/metrics';
import { ContactRepository } from './contact.repository';
import { NONE } from './contact.stats.rules';
import { contactChannels, type ContactCase } from './contact.types';

const FAMILY = 'contact';
const total = message('contact.figures.total');
const none = message('contact.figures.notRecorded');
const channelLabel = (ch: (typeof contactChannels)[number]) => message(`contact.figures.channel.${ch}`);

/** What a closed case adds to its quarter: one per dimension. The case keeps nothing identifying either. */
function countsOf(c: ContactCase): Record<string, number> {
  return {
    cases: 1,
    [`topic:${c.topic ?? NONE}`]: 1,
    [`channel:${c.contactChannel}`]: 1,
    [`referral:${c.referralDestination ?? NONE}`]: 1,
  };
}

/**
 * The contact figures for the Inzicht tab: closed cases per quarter by topic, channel and referral,
 * with small-cell suppression. Closed cases are folded into the aggregates long before their
 * retention ends (the fold runs every few hours and before every read), so year figures survive them.
 */
export function registerContactMetrics(
  deps: Pick<AppDeps, 'store' | 'org' | 'aggregates' | 'metrics'>,
): void {
  const repo = new ContactRepository(deps.store);
  const breakdown = (
    figure: 'topic' | 'channel' | 'referral',
    order: number,
    rows: () => BreakdownRow[],
  ): MetricDefinition => ({
    id: `contact.${figure}`,
    order,
    title: message(`contact.figures.${figure}.title`),
    description: message(`contact.figures.${figure}.description`),
    chart: 'stackedBar',
    async table(ctx): Promise<MetricTable> {
      const docs = await deps.aggregates.quarters(FAMILY, ctx.quarters);
      return {
        columns: ctx.quarters.map((q) => ({ key: q, label: q })),
        rows: suppressedBreakdown(docs, ctx.quarters, rows(), 'cases', total),
        unit: 'count',
      };
    },
    summarise:
      figure !== 'topic'
        ? undefined
        : (table, w) => {
            // Suppressed quarters stay "<5"/"≥5" in the text too.
            const totals = table.rows.at(-1)?.cells ?? [];
            const list = table.columns
              .map((c, i) => {
                const cell = totals[i];
                const shown =
                  cell?.kind === 'exact' ? String(cell.value) : cell?.kind === 'atLeast5' ? '≥5' : '<5';
                return `${textOf(c.label, w)}: ${shown}`;
              })
              .join(', ');
            return w.t('contact.figures.topic.summary', { list });
          },
  });
  const withNone = (items: Array<{ id: string; label: FigureText }>, prefix: string): BreakdownRow[] => [
    ...items.map((i) => ({ key: i.id, label: i.label, countKey: `${prefix}:${i.id}` })),
    { key: NONE, label: none, countKey: `${prefix}:${NONE}` },
  ];

  deps.metrics.add({
    id: 'contact',
    order: 30,
    title: message('contact.figures.title'),
    async collect() {
      for (const c of await repo.closedCases())
        await deps.aggregates.fold(FAMILY, c.quarter, c.caseId, countsOf(c));
    },
    metrics: [
      breakdown('topic', 1, () =>
        withNone(
          deps.org.contactTopics.map((t) => ({ id: t.id, label: local(t.label) })),
          'topic',
        ),
      ),
      breakdown('channel', 2, () =>
        contactChannels.map((ch) => ({ key: ch, label: channelLabel(ch), countKey: `channel:${ch}` })),
      ),
      breakdown('referral', 3, () =>
        withNone(
          deps.org.referralDestinations.map((d) => ({ id: d.id, label: local(d.name) })),
          'referral',
        ),
      ),
    ],
  });
}
