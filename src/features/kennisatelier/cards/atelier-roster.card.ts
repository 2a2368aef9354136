import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { seatsText, whenText } from '../kennisatelier.format';
import type { NamedPerson, RosterView } from '../kennisatelier.types';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import rosterTemplate from './atelier-roster.card.json';

const numbered = (text: CardText, people: NamedPerson[], none: string) =>
  people.length
    ? people.map((p, i) => `${i + 1}. ${escapeUserText(text.person(p.name))}`).join('\n\n')
    : none;

/** Names for organisers only; the service has checked the role before this is rendered. */
export function renderRosterCard(text: CardText, input: RosterView): AdaptiveCard {
  const tr = (key: string, params?: Record<string, string | number>) =>
    text.t(`kennisatelier.roster.${key}`, params);
  return renderCard(rosterTemplate, {
    t: text.i18n.tree(text.locale, 'kennisatelier.roster'),
    heading: tr('title', { title: escapeUserText(input.atelier.title) }),
    when: whenText(input.atelier, text.locale, text.timeZone),
    seats: seatsText(input.summary, text),
    attendingHeading: tr('attending', { count: input.attending.length }),
    attendingText: numbered(text, input.attending, tr('none')),
    waitlistHeading: tr('waitlist', { count: input.waitlist.length }),
    waitlistText: numbered(text, input.waitlist, tr('none')),
    csvUrl: input.csvUrl,
    backTitle: text.t('common.back'),
    viewVerb: verbs.view,
    atelierId: input.atelier.id,
  });
}
