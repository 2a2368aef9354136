import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { joinRoles } from '../kernteam.types';
import template from './join-form.card.json';

/** "Ik wil meedoen": which role, and a short motivation. */
export function renderJoinFormCard(text: CardText, formId: string, error = ''): AdaptiveCard {
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'kernteam.join'),
    error,
    formId,
    roles: joinRoles.map((role) => ({ title: text.t(`kernteam.join.choices.${role}`), value: role })),
  });
}
