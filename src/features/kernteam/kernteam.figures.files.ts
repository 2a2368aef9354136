import { CardText } from '../../platform/card-text';
import type { DownloadFile } from '../../platform/downloads';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { topicLabel } from './kernteam.format';
import { cellText } from './kernteam.figures.rules';
import type { FiguresService } from './kernteam.figures.service';

/** Quotes every cell and keeps a spreadsheet from reading one as a formula. */
function cell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The figures as CSV (period, topic, count; "<5" for small cells), checked again at download. */
export class FiguresFiles {
  constructor(
    private readonly figures: FiguresService,
    private readonly org: Organisation,
    private readonly i18n: I18n,
  ) {}

  async csv(id: string, subject: string): Promise<DownloadFile | undefined> {
    if (id !== 'nl' && id !== 'en') return undefined;
    const locale: Locale = id;
    let periods;
    try {
      periods = await this.figures.figures(this.org.actor(subject, locale));
    } catch {
      return undefined;
    }
    const text = new CardText(this.i18n, this.org, locale);
    const header = ['period', 'topic', 'count'].map((k) => text.t(`kernteam.figures.csv.${k}`));
    const rows = periods.flatMap((p) => [
      [p.period, text.t('kernteam.figures.total'), cellText(p.total)],
      ...p.rows.map((r) => [p.period, topicLabel(text, r.topic), cellText(r.cell)]),
    ]);
    return {
      filename: `signalen-${locale}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`,
    };
  }
}
