import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { cellText, periodGroups, periodLabel } from '../advies.format';
import type { PeriodFigures } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './figures.card.json';

/** Figures for the evaluation, per quarter or year; cells under 5 never show a number. */
export function renderFiguresCard(
  text: CardText,
  data: { by: 'quarter' | 'year'; periods: PeriodFigures[]; csvUrl: string },
): AdaptiveCard {
  const other = data.by === 'quarter' ? 'year' : 'quarter';
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.figures'),
    csvUrl: data.csvUrl,
    verb: adviesVerbs.figures,
    switchTo: other,
    switchTitle: text.t(`advies.figures.show.${other}`),
    periods: data.periods.map((p) => ({
      // An exact total is a count (plural form); a small one shows only its band ("<5"), always plural.
      heading:
        p.total.kind === 'exact'
          ? text.t('advies.figures.periodTotal', {
              period: periodLabel(text, p.period),
              total: p.total.value,
            })
          : text.t('advies.figures.periodBand', {
              period: periodLabel(text, p.period),
              band: cellText(p.total),
            }),
      groups: periodGroups(text, p),
    })),
  });
}
