import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { destinationOf } from '../contact.rules';
import { NONE } from '../contact.stats.rules';
import type { Cell, Outcome, QuarterStats, Row } from '../contact.types';
import { outcomeLabel, topicLabel } from './info.card';
import statsTemplate from './stats.card.json';

export function renderStatsCard(text: CardText, quarters: QuarterStats[]): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => text.t(`contact.stats.${key}`, params);
  const show = (cell: Cell) =>
    cell.kind === 'exact' ? String(cell.value) : cell.kind === 'under5' ? '<5' : t('atLeast5');
  const group = (title: string, rows: Row[] | undefined, label: (key: string) => string) =>
    rows ? [{ title, rows: rows.map((r) => ({ title: label(r.key), value: show(r.cell) })) }] : [];
  const destination = (key: string) => {
    const d = key === NONE ? undefined : destinationOf(text.org, key);
    return d ? text.local(d.name) : t('noDestination');
  };
  return renderCard(statsTemplate, {
    title: t('title'),
    intro: t('intro'),
    none: t('none'),
    quarters: quarters.map((q) => {
      const [year, quarter] = q.quarter.split('-Q');
      return {
        title: t('quarter', { year, q: quarter }),
        total:
          q.total.kind === 'under5'
            ? `${t('total', { count: '<5' })} ${t('tooFew')}`
            : t('total', { count: show(q.total) }),
        groups: [
          ...group(t('byTopic'), q.byTopic, (k) =>
            topicLabel(text, k === NONE ? undefined : k, 'contact.stats.noTopic'),
          ),
          ...group(t('byDestination'), q.byDestination, destination),
          ...group(t('byOutcome'), q.byOutcome, (k) => outcomeLabel(text, k as Outcome)),
        ],
      };
    }),
  });
}
