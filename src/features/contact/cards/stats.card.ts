import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import { NONE, type Cell, type QuarterStats, type Row } from '../contact.stats.service';
import type { Outcome } from '../contact.types';
import { destinationOf, outcomeLabel, topicLabel, type Kit } from './info.card';
import statsTemplate from './stats.card.json';

export function renderStats(kit: Kit, locale: Locale, quarters: QuarterStats[]): AdaptiveCard {
  const { i18n, org } = kit;
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `contact.stats.${key}`, params);
  const show = (cell: Cell) => (cell.kind === 'exact' ? String(cell.value) : cell.kind === 'under5' ? '<5' : t('atLeast5'));
  const group = (title: string, rows: Row[] | undefined, label: (key: string) => string) =>
    rows ? [{ title, rows: rows.map((r) => ({ title: label(r.key), value: show(r.cell) })) }] : [];
  const destination = (key: string) => {
    const d = key === NONE ? undefined : destinationOf(kit, key);
    return d ? org.text(d.name, locale) : t('noDestination');
  };
  return renderCard(statsTemplate, {
    title: t('title'),
    intro: t('intro'),
    none: t('none'),
    quarters: quarters.map((q) => {
      const [year, quarter] = q.quarter.split('-Q');
      return {
        title: t('quarter', { year, q: quarter }),
        total: q.total.kind === 'under5' ? `${t('total', { count: '<5' })} ${t('tooFew')}` : t('total', { count: show(q.total) }),
        groups: [
          ...group(t('byTopic'), q.byTopic, (k) => topicLabel(kit, locale, k === NONE ? undefined : k, 'contact.stats.noTopic')),
          ...group(t('byDestination'), q.byDestination, destination),
          ...group(t('byOutcome'), q.byOutcome, (k) => outcomeLabel(kit, locale, k as Outcome)),
        ],
      };
    }),
  });
}
