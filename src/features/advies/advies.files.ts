import { isLocale } from '../../platform/i18n/locale';
import { CardText } from '../../platform/card-text';
import type { DownloadFile } from '../../platform/downloads';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { cellText, periodGroups, periodLabel } from './advies.format';
import type { AdviesFiguresService } from './advies.figures.service';

/** A CSV cell: quoted, and never read as a formula by a spreadsheet. */
const csvCell = (v: string) => `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;

/** Download id: `<by>.<locale>`; the person the link was made for must still be in the programmateam. */
export class AdviesFiles {
  constructor(
    private readonly figures: AdviesFiguresService,
    private readonly org: Organisation,
    private readonly i18n: I18n,
  ) {}

  async csv(id: string, subject: string): Promise<DownloadFile | undefined> {
    const [by, lang] = id.split('.');
    if (by !== 'quarter' && by !== 'year') return undefined;
    const locale: Locale = isLocale(lang) ? lang : this.org.defaultLocale;
    const actor = this.org.actor(subject, locale);
    let periods;
    try {
      periods = await this.figures.figures(actor, by);
    } catch {
      return undefined;
    }
    const text = new CardText(this.i18n, this.org, locale);
    const t = (k: string) => text.t(`advies.csv.${k}`);
    const lines = [[t('period'), t('breakdown'), t('row'), t('count')]];
    for (const p of periods) {
      const period = periodLabel(text, p.period);
      lines.push([period, t('total'), '', cellText(p.total)]);
      for (const g of periodGroups(text, p))
        for (const row of g.rows) lines.push([period, g.title, row.label, row.value]);
    }
    return {
      filename: `panel-advies-${by}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: '\uFEFF' + lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n',
    };
  }
}
