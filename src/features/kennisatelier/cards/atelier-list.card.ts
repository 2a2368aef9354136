import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { seatsText, whenText } from '../kennisatelier.format';
import type { AtelierListItem } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier-list.card.json';

/** One card listing ateliers (for the help button); organisers also get "Nieuw atelier". */
export function renderAtelierList(
  text: CardText,
  items: AtelierListItem[],
  canCreate: boolean,
): AdaptiveCard {
  const { locale, timeZone: zone } = text;
  return renderCard(template, {
    t: text.i18n.tree(locale, 'kennisatelier.card'),
    viewVerb: verbs.view,
    items: items.map(({ atelier, summary, ended }) => ({
      id: atelier.id,
      title: escapeUserText(atelier.title),
      // Each button names its atelier: a screen reader lists buttons without the text around them.
      // A button title is plain text, so escaping would show backslashes: drop link and mention brackets.
      openTitle: text.t('kennisatelier.card.openOne', { title: atelier.title.replace(/[[\]<>]/g, '') }),
      line: [
        whenText(atelier, locale, zone),
        ended ? text.t('kennisatelier.card.ended') : seatsText(summary, text),
      ].join(' · '),
    })),
    actions: canCreate
      ? [{ title: text.t('kennisatelier.card.newAtelier'), verb: verbs.newForm, data: {} }]
      : [],
  });
}
