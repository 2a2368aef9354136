import { quartersIn, quartersUpTo, type Period } from '../aggregates/quarters';
import { CardText } from '../card-text';
import type { Clock } from '../clock';
import type { I18n } from '../i18n/i18n';
import { textOf, type MetricRegistry } from '../metrics';
import { hasRole, type Actor, type Locale, type Organisation } from '../org/organisation';
import { figureView, type SectionView } from './figures-view';

/** Who sees the panel's figures: the programmateam, the DIG office and the gemeentesecretaris. */
export const maySeeFigures = (actor: Actor): boolean =>
  hasRole(actor, 'programmateam', 'digOffice', 'gemeentesecretaris');

const FOLD_EVERY_MS = 60_000;

/**
 * The figures of every registered metric for a period. Before reading, the features fold their
 * finished items into the aggregates (at most once a minute), so the tab is never behind.
 */
export class FiguresService {
  private lastFold = 0;
  private folding?: Promise<void>;

  constructor(
    private readonly metrics: MetricRegistry,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly i18n: I18n,
  ) {}

  async fold(force = false): Promise<void> {
    const now = this.clock.now();
    if (!force && now.getTime() - this.lastFold < FOLD_EVERY_MS && !this.folding) return;
    this.folding ??= this.metrics.collect(now).finally(() => {
      this.lastFold = now.getTime();
      this.folding = undefined;
    });
    await this.folding;
  }

  async sections(period: Period, locale: Locale): Promise<SectionView[]> {
    await this.fold();
    const quarters = quartersIn(period);
    const ctx = {
      period,
      quarters,
      trend: quartersUpTo(quarters[quarters.length - 1] as string, 8),
      timeZone: this.org.data.organisation.timeZone,
    };
    // The reader's language, the catalogues the features registered and the organisation's terms.
    const words = CardText.for({ i18n: this.i18n, org: this.org }, locale);
    const out: SectionView[] = [];
    for (const section of this.metrics.sections()) {
      const figures = [];
      for (const metric of [...section.metrics].sort((a, b) => a.order - b.order))
        figures.push(figureView(metric, await metric.table(ctx), words));
      out.push({ id: section.id, title: textOf(section.title, words), figures });
    }
    return out;
  }
}
