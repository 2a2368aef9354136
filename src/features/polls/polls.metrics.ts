import { countIn, type Docs } from '../../platform/aggregates/aggregate-tables';
import { itemColumns, itemKey, itemRow, itemsOf } from '../../platform/aggregates/item-columns';
import { quarterOf } from '../../platform/aggregates/quarters';
import type { AppDeps } from '../../platform/deps';
import { message, type MetricCell, type MetricRow } from '../../platform/metrics';
import { MIN_CELL } from '../../platform/stats/small-cells';
import { PollRepository } from './polls.repository';
import type { Poll } from './polls.types';

const FAMILY = 'polls';
const words = {
  mean: message('polls.figures.mean'),
  shareTop: message('polls.figures.shareTop'),
  answered: message('polls.figures.answered'),
  audience: message('polls.figures.audience'),
  rate: message('polls.figures.rate'),
};

/** What a closed poll adds: counts only; satisfaction polls also their score sum and 4–5 answers. */
async function countsOf(repo: PollRepository, poll: Poll): Promise<Record<string, number>> {
  const answers = await repo.answers(poll.pollId);
  const scores = answers.map((a) => a.score).filter((s): s is number => typeof s === 'number');
  const audience = poll.audience.userIds.length;
  const closedOn = poll.closedAt ?? poll.closesAt;
  const counts: Record<string, number> = {
    polls: 1,
    answered: answers.length,
    [itemKey('p', closedOn, poll.pollId, 'answered')]: answers.length,
  };
  if (audience) {
    counts[itemKey('p', closedOn, poll.pollId, 'audience')] = audience;
    counts.knownAudience = audience;
    counts.answeredOfKnown = answers.length;
  }
  if (poll.type === 'satisfaction' && poll.source) {
    const top = scores.filter((s) => s >= 4).length;
    const sum = scores.reduce((a, b) => a + b, 0);
    Object.assign(counts, { satAnswered: scores.length, satTop: top, satSum: sum });
    const held = poll.source.heldAt;
    const id = poll.source.sourceId;
    counts[itemKey('s', held, id, 'answered')] = scores.length;
    counts[itemKey('s', held, id, 'top')] = top;
    counts[itemKey('s', held, id, 'sum')] = sum;
  }
  return counts;
}

const exact = (value: number): MetricCell => ({ kind: 'exact', value });
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Mean and share 4–5 per quarter; fewer than 5 answers in a quarter shows nothing (as the results card). */
function satisfactionRows(docs: Docs, quarters: readonly string[]): MetricRow[] {
  const cell = (q: string, f: (n: number) => number): MetricCell => {
    const n = countIn(docs, q, 'satAnswered');
    if (!n) return { kind: 'none' };
    return n < MIN_CELL ? { kind: 'under5' } : exact(round1(f(n)));
  };
  return [
    {
      key: 'shareTop',
      label: words.shareTop,
      cells: quarters.map((q) => cell(q, (n) => (100 * countIn(docs, q, 'satTop')) / n)),
    },
    {
      key: 'mean',
      label: words.mean,
      unit: 'mean',
      inChart: false,
      cells: quarters.map((q) => cell(q, (n) => countIn(docs, q, 'satSum') / n)),
    },
  ];
}

/**
 * Poll figures: satisfaction after kennisateliers (mean and share 4–5, against the panel's 80 %
 * indicator) over time and per atelier, and the response of closed polls. A poll is folded in when
 * it has closed, so its anonymity rules (nothing under 5 answers) apply to the figures too.
 */
export function registerPollsMetrics(deps: Pick<AppDeps, 'store' | 'org' | 'aggregates' | 'metrics'>): void {
  const repo = new PollRepository(deps.store);
  const zone = deps.org.data.organisation.timeZone;
  const target = { value: 80, label: message('polls.figures.target') };

  deps.metrics.add({
    id: 'polls',
    order: 20,
    title: message('polls.figures.title'),
    async collect() {
      for (const poll of await repo.polls(1000)) {
        if (poll.status !== 'closed') continue;
        // Satisfaction belongs with the atelier's quarter; other polls with the quarter they closed in.
        const quarter = quarterOf(poll.source?.heldAt ?? poll.closedAt ?? poll.closesAt, zone);
        await deps.aggregates.fold(FAMILY, quarter, poll.pollId, await countsOf(repo, poll));
      }
    },
    metrics: [
      {
        id: 'polls.satisfaction',
        order: 1,
        title: message('polls.figures.satisfaction.title'),
        description: message('polls.figures.satisfaction.description'),
        chart: 'line',
        reference: target,
        async table(ctx) {
          const docs = await deps.aggregates.quarters(FAMILY, ctx.trend);
          return {
            columns: ctx.trend.map((q) => ({ key: q, label: q })),
            rows: satisfactionRows(docs, ctx.trend),
            unit: 'percent',
          };
        },
        summarise(table, w) {
          // The last four quarters: in how many was there enough to show, and how many met the 80 %.
          const cells = table.rows.find((r) => r.key === 'shareTop')?.cells.slice(-4) ?? [];
          const shown = cells.filter((c) => c.kind === 'exact');
          const met = shown.filter((c) => c.kind === 'exact' && c.value >= 80).length;
          return w.t('polls.figures.satisfaction.summary', { shown: shown.length, met });
        },
      },
      {
        id: 'polls.satisfactionPerAtelier',
        order: 2,
        title: message('polls.figures.perAtelier.title'),
        description: message('polls.figures.perAtelier.description'),
        chart: 'bar',
        reference: target,
        async table(ctx) {
          const items = itemsOf(await deps.aggregates.quarters(FAMILY, ctx.quarters), 's');
          const share = itemRow(items, 'shareTop', words.shareTop, (v) =>
            v.answered ? round1((100 * (v.top ?? 0)) / v.answered) : undefined,
          );
          const mean = itemRow(items, 'mean', words.mean, (v) =>
            v.answered ? round1((v.sum ?? 0) / v.answered) : undefined,
          );
          const few = items.map((i) => (i.values.answered ?? 0) < MIN_CELL);
          for (const row of [share, mean])
            row.cells = row.cells.map((c, i) => (few[i] ? { kind: 'under5' } : c));
          Object.assign(mean, { unit: 'mean', inChart: false });
          return {
            columns: itemColumns(items, 'polls.figures.atelierOn'),
            rows: [share, mean],
            unit: 'percent',
          };
        },
      },
      {
        id: 'polls.response',
        order: 3,
        title: message('polls.figures.response.title'),
        description: message('polls.figures.response.description'),
        chart: 'bar',
        async table(ctx) {
          const items = itemsOf(await deps.aggregates.quarters(FAMILY, ctx.quarters), 'p');
          const rows = [
            itemRow(items, 'answered', words.answered, (v) => v.answered ?? 0),
            itemRow(items, 'audience', words.audience, (v) => v.audience),
            {
              ...itemRow(items, 'rate', words.rate, (v) =>
                v.audience ? round1((100 * (v.answered ?? 0)) / v.audience) : undefined,
              ),
              unit: 'percent' as const,
              inChart: false,
            },
          ];
          return { columns: itemColumns(items, 'polls.figures.pollOn'), rows, unit: 'count' };
        },
      },
    ],
  });
}
