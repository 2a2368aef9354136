import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { cellText, type PeriodFigures } from '../kernteam.figures.rules';
import { topicLabel } from '../kernteam.format';
import template from './figures.card.json';

/** "2026-Q4" → "2026, kwartaal 4"; "2026" stays. */
function periodName(text: CardText, period: string): string {
  const [year, quarter] = period.split('-Q');
  return quarter
    ? text.t('kernteam.figures.quarter', { year, quarter })
    : text.t('kernteam.figures.year', { year });
}

/** Signals per quarter and year by topic; groups under 5 are shown as "<5". */
export function renderFiguresCard(text: CardText, periods: PeriodFigures[], url: string): AdaptiveCard {
  return renderCard(template, {
    title: text.t('kernteam.figures.title'),
    intro: text.t('kernteam.figures.intro'),
    empty: text.t('kernteam.figures.empty'),
    periods: periods.map((p) => ({
      heading: periodName(text, p.period),
      rows: [
        { label: text.t('kernteam.figures.total'), value: cellText(p.total) },
        ...p.rows.map((r) => ({ label: topicLabel(text, r.topic), value: cellText(r.cell) })),
      ],
    })),
    url: periods.length ? url : '',
    download: text.t('kernteam.figures.download'),
  });
}
