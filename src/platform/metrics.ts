import { pickText } from './i18n/locale';
import type { Period, Quarter } from './aggregates/quarters';
import type { Logger } from './logger';
import type { Locale } from './org/organisation';
import type { Cell } from './stats/small-cells';

/**
 * The port through which features give the Inzicht tab their figures, as they give the help card its
 * entries: the tab renders whatever is registered and knows no feature.
 *
 * A metric's words travel with it as `{ nl, en }` (the compiler refuses a missing language), so a
 * feature adds figures in one new file without touching its card catalogues.
 */
export interface Bilingual {
  nl: string;
  en: string;
  it?: string;
  'nl-BE'?: string;
}

/** A number in a figure's table: a count (perhaps suppressed), a measured value, or nothing yet. */
export type MetricCell = Cell | { kind: 'none' };

export interface MetricColumn {
  key: string;
  label: Bilingual | string;
}

export interface MetricRow {
  key: string;
  label: Bilingual | string;
  /** One per column. */
  cells: MetricCell[];
  /** When this row counts in another unit than the table (a mean beside percentages). */
  unit?: MetricTable['unit'];
  /** false: in the table only (its scale differs from the chart's). */
  inChart?: boolean;
}

/** Rows are the chart's series, columns its categories (quarters, clusters, ateliers). */
export interface MetricTable {
  columns: MetricColumn[];
  rows: MetricRow[];
  unit: 'count' | 'percent' | 'mean';
}

export interface MetricContext {
  period: Period;
  /** The quarters of the chosen period, oldest first. */
  quarters: Quarter[];
  /** The eight quarters up to the end of the period, for trends. */
  trend: Quarter[];
  timeZone: string;
}

export interface MetricDefinition {
  id: string;
  /** Lower comes first within the section. */
  order: number;
  title: Bilingual;
  description: Bilingual;
  chart: 'bar' | 'stackedBar' | 'line';
  /** A target drawn as a line (e.g. 80 % satisfied). */
  reference?: { value: number; label: Bilingual };
  table(ctx: MetricContext): Promise<MetricTable>;
  /** One or two sentences for the year report, generated from the table. */
  summarise?(table: MetricTable, locale: Locale): string;
}

export interface MetricSection {
  id: string;
  order: number;
  title: Bilingual;
  metrics: MetricDefinition[];
  /** Folds the feature's finished items into the aggregates while they still exist (idempotent). */
  collect?(now: Date): Promise<void>;
}

export class MetricRegistry {
  private readonly list: MetricSection[] = [];

  constructor(private readonly logger?: Logger) {}

  add(section: MetricSection): void {
    if (this.list.some((s) => s.id === section.id)) throw new Error(`Duplicate metric section ${section.id}`);
    this.list.push(section);
  }

  sections(): MetricSection[] {
    return [...this.list].sort((a, b) => a.order - b.order);
  }

  /** Runs every section's fold; one failing feature does not stop the others. */
  async collect(now: Date): Promise<void> {
    for (const section of this.list) {
      try {
        await section.collect?.(now);
      } catch (err) {
        const e = err as Error;
        this.logger?.warn(
          { section: section.id, err: { name: e.name, stack: e.stack } },
          'metrics fold failed',
        );
      }
    }
  }
}

export const text = (label: Bilingual | string, locale: Locale): string =>
  typeof label === 'string' ? label : pickText(label, locale);

/** An organisation-file text ({ nl, en, … }) as a metric label. */
export function bilingualOf(t: Record<string, string>): Bilingual {
  const first = Object.values(t)[0] ?? '';
  return { nl: t.nl ?? first, en: t.en ?? t.nl ?? first };
}
