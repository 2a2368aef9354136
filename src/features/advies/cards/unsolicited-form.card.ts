import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { adviesVerbs } from '../advies.verbs';
import template from './unsolicited-form.card.json';

/**
 * Ongevraagd advies: the addressee is picked with Teams' directory search (`choices.data`, the value is
 * the Entra object id); the organisation file's people are the static choices for clients without it.
 */
export function renderUnsolicitedFormCard(text: CardText, actorId: string): AdaptiveCard {
  const people = text.org.people
    .filter((p) => p.aadObjectId.toLowerCase() !== actorId)
    .map((p) => ({ title: p.name, value: p.aadObjectId }))
    .sort((a, b) => a.title.localeCompare(b.title));
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.unsolicitedForm'),
    verb: adviesVerbs.unsolicited,
    people,
    clusters: text.org.clusters.map((c) => ({ title: text.local(c.name), value: c.id })),
  });
}
