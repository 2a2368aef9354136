import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { whenText } from '../kennisatelier.format';
import type { Atelier } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import confirmTemplate from './atelier-confirm.card.json';

export function renderConfirmCancelCard(text: CardText, atelier: Atelier): AdaptiveCard {
  return renderCard(confirmTemplate, {
    t: text.i18n.tree(text.locale, 'kennisatelier.confirmCancel'),
    title: escapeUserText(atelier.title),
    when: whenText(atelier, text.locale, text.timeZone),
    confirmVerb: verbs.cancel,
    viewVerb: verbs.view,
    atelierId: atelier.id,
  });
}
