import { seedDoorbraken } from './sturingsgesprek.doorbraken.rules';
import { countIn, countRow, percentRow } from '../../platform/aggregates/aggregate-tables';
import { quarterOf } from '../../platform/aggregates/quarters';
import type { AppDeps } from '../../platform/deps';
import { local, message, type MetricCell } from '../../platform/metrics';
import { cellText } from '../../platform/inzicht/figures-view';
import { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { RoundDoc, SheetDoc } from './sturingsgesprek.types';

const FAMILY = 'sturingsgesprek';
const allUnits = message('sturingsgesprek.figures.completion.all');
const words = {
  yes: message('sturingsgesprek.figures.resistance.yes'),
  no: message('sturingsgesprek.figures.resistance.no'),
};

/**
 * What a closed round adds to the quarter it opened in: units asked and submitted (overall and per
 * cluster), how often each doorbraak was chosen, and the yes/no answers to resistance. Resistance is
 * the yes/no question whose follow-up asks which doorbraken (as in the DIG templates), so a question
 * set the DIG office edits keeps being counted without naming question ids here.
 */
function countsOf(round: RoundDoc, sheets: SheetDoc[]): Record<string, number> {
  const counts: Record<string, number> = { rounds: 1 };
  const add = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const choiceQuestions = round.questions.filter((q) => q.kind === 'doorbraken').map((q) => q.id);
  const resistance = round.questions
    .filter((q) => q.kind === 'yesNo' && q.followUps.some((f) => f.kind === 'doorbraken'))
    .map((q) => q.id);
  for (const unit of round.units) {
    add('units');
    add(`units:${unit.clusterId}`);
    const sheet = sheets.find((s) => s.unitId === unit.unitId);
    if (sheet?.state !== 'submitted') continue;
    add('submitted');
    add(`submitted:${unit.clusterId}`);
    for (const id of choiceQuestions) {
      const a = sheet.answers[id];
      if (a?.kind === 'doorbraken') for (const d of a.ids) add(`doorbraak:${d}`);
    }
    for (const id of resistance) {
      const a = sheet.answers[id];
      if (a?.kind === 'yesNo') add(a.yes ? 'resistance:yes' : 'resistance:no');
    }
  }
  return counts;
}

/** Sturingsgesprek figures: completion per round and cluster, doorbraken chosen, resistance, round over round. */
export function registerSturingsgesprekMetrics(
  deps: Pick<AppDeps, 'store' | 'org' | 'aggregates' | 'metrics'>,
): void {
  const repo = new SturingsgesprekRepository(deps.store);
  const zone = deps.org.data.organisation.timeZone;

  deps.metrics.add({
    id: 'sturingsgesprek',
    order: 50,
    title: message('sturingsgesprek.figures.title'),
    async collect() {
      for (const round of await repo.recentRounds(200)) {
        if (round.status !== 'closed') continue;
        const counts = countsOf(round, await repo.sheets(round.roundId));
        await deps.aggregates.fold(FAMILY, quarterOf(round.opensAt, zone), round.roundId, counts);
      }
    },
    metrics: [
      {
        id: 'sturingsgesprek.completion',
        order: 1,
        title: message('sturingsgesprek.figures.completion.title'),
        description: message('sturingsgesprek.figures.completion.description'),
        chart: 'line',
        async table(ctx) {
          const docs = await deps.aggregates.quarters(FAMILY, ctx.trend);
          const rows = [
            percentRow(docs, ctx.trend, 'all', allUnits, 'submitted', 'units'),
            ...deps.org.clusters.map((c) =>
              percentRow(docs, ctx.trend, c.id, local(c.name), `submitted:${c.id}`, `units:${c.id}`),
            ),
          ];
          return { columns: ctx.trend.map((q) => ({ key: q, label: q })), rows, unit: 'percent' };
        },
        summarise(table, w) {
          const last = table.rows[0]?.cells.at(-1) ?? { kind: 'none' };
          const share = cellText(last, 'percent', w.locale);
          return w.t('sturingsgesprek.figures.completion.summary', { share });
        },
      },
      {
        id: 'sturingsgesprek.doorbraken',
        order: 2,
        title: message('sturingsgesprek.figures.doorbraken.title'),
        description: message('sturingsgesprek.figures.doorbraken.description'),
        chart: 'bar',
        async table(ctx) {
          const docs = await deps.aggregates.quarters(FAMILY, ctx.quarters);
          // The list the DIG office keeps (retired ones too: earlier quarters counted them).
          const stored = await new SturingsgesprekRepository(deps.store).getDoorbraken();
          const doorbraken = stored?.items ?? seedDoorbraken(deps.org);
          const rows = ctx.quarters.map((q) => ({
            key: q,
            label: q,
            cells: doorbraken.map((d): MetricCell => ({
              kind: 'exact',
              value: countIn(docs, q, `doorbraak:${d.id}`),
            })),
          }));
          const columns = doorbraken.map((d) => ({ key: d.id, label: local(d.title) }));
          return { columns, rows, unit: 'count' };
        },
      },
      {
        id: 'sturingsgesprek.resistance',
        order: 3,
        title: message('sturingsgesprek.figures.resistance.title'),
        description: message('sturingsgesprek.figures.resistance.description'),
        chart: 'stackedBar',
        async table(ctx) {
          const docs = await deps.aggregates.quarters(FAMILY, ctx.trend);
          const rows = [
            countRow(docs, ctx.trend, 'resistance:yes', words.yes),
            countRow(docs, ctx.trend, 'resistance:no', words.no),
          ];
          return { columns: ctx.trend.map((q) => ({ key: q, label: q })), rows, unit: 'count' };
        },
      },
    ],
  });
}
