import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { topicLabel } from '../kernteam.format';
import type { Signal } from '../kernteam.types';
import template from './advice-form.card.json';

/** Bundle open signals into one advice: which signals, and a short summary of the advice. */
export function renderAdviceFormCard(
  text: CardText,
  open: Signal[],
  formId: string,
  error = '',
): AdaptiveCard {
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'kernteam.adviceForm'),
    error,
    formId,
    signals: open.map((s) => ({ title: `${s.code} · ${topicLabel(text, s.topic)}`, value: s.signalId })),
  });
}
