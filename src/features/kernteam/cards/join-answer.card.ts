import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { JoinRequest } from '../kernteam.types';
import template from './join-answer.card.json';

/** What the person who asked to join hears back. */
export function renderJoinAnswerCard(text: CardText, request: JoinRequest): AdaptiveCard {
  const role = text.t(`kernteam.join.roles.${request.role}`);
  return renderCard(template, {
    title: text.t(`kernteam.join.answer.${request.status}Title`),
    body: text.t(`kernteam.join.answer.${request.status}Body`, { role }),
  });
}

/** The confirmation after asking: the programmateam will answer. */
export function renderJoinSentCard(text: CardText, role: string): AdaptiveCard {
  return renderCard(template, {
    title: text.t('kernteam.join.sentTitle'),
    body: text.t('kernteam.join.sentBody', { role }),
  });
}
