import type { Period, Quarter } from './aggregates/quarters';
import type { CardText } from './card-text';
import type { Logger } from './logger';
import type { LocalizedText } from './org/org.schema';
import type { Cell } from './stats/small-cells';

/**
 * The port through which features give the Inzicht tab their figures, as they give the help card its
 * entries: the tab renders whatever is registered and knows no feature.
 *
 * A figure's words are catalogue messages of the feature that registers it (`{ key, args }`), so they
 * follow the reader's language and the organisation's terms; names from the organisation file (a
 * network, a topic) travel as `{ local }`, and what reads the same in every language (a quarter,
 * "2026-Q3") as a plain string.
 */
export type FigureText =
  string | { key: string; args?: Readonly<Record<string, string | number>> } | { local: LocalizedText };

/** A catalogue message as a figure's text. */
export const message = (key: string, args?: Record<string, string | number>): FigureText =>
  args ? { key, args } : { key };

/** An organisation-file text (`{ nl, en, it, … }`) as a figure's text. */
export const local = (text: Readonly<Record<string, string>>): FigureText => ({
  local: text as LocalizedText,
});

/** A number in a figure's table: a count (perhaps suppressed), a measured value, or nothing yet. */
export type MetricCell = Cell | { kind: 'none' };

export interface MetricColumn {
  key: string;
  label: FigureText;
}

export interface MetricRow {
  key: string;
  label: FigureText;
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
  title: FigureText;
  description: FigureText;
  chart: 'bar' | 'stackedBar' | 'line';
  /** A target drawn as a line (e.g. 80 % satisfied). */
  reference?: { value: number; label: FigureText };
  table(ctx: MetricContext): Promise<MetricTable>;
  /**
   * One or two sentences for the year report, generated from the table: catalogue messages in the
   * reader's language (`words.t`, ICU plurals for counts) and labels through {@link textOf}.
   */
  summarise?(table: MetricTable, words: CardText): string;
}

export interface MetricSection {
  id: string;
  order: number;
  title: FigureText;
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

/** A figure's text in the reader's language, with the organisation's terms. */
export function textOf(label: FigureText, words: CardText): string {
  if (typeof label === 'string') return label;
  if ('key' in label) return words.t(label.key, label.args ? { ...label.args } : {});
  return words.local(label.local);
}
