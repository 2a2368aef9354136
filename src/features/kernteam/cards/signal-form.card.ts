import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import template from './signal-form.card.json';

/** A new signal: coarse topic, optional cluster, free text, and no names of people. */
export function renderSignalFormCard(text: CardText, formId: string, error = ''): AdaptiveCard {
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'kernteam.signalForm'),
    error,
    formId,
    topics: text.org.data.signalTopics.map((topic) => ({ title: text.local(topic.label), value: topic.id })),
    clusters: text.org.clusters.map((c) => ({ title: text.local(c.name), value: c.id })),
  });
}
