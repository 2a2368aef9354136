import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/org/organisation';
import { seatsText, whenText, type SeatSummary } from '../kennisatelier.format';
import type { Atelier } from '../kennisatelier.repository';
import { kennisatelierVerbs as verbs } from '../kennisatelier.verbs';
import template from './atelier-list.card.json';
import messageTemplate from './atelier-message.card.json';
import type { CardDeps } from './atelier.card';

export interface AtelierListItem {
  atelier: Atelier;
  summary: SeatSummary;
  ended: boolean;
}

/** One card listing ateliers (for the help button); organisers also get "Nieuw atelier". */
export function renderAtelierList(deps: CardDeps, locale: Locale, items: AtelierListItem[], canCreate: boolean): AdaptiveCard {
  const { i18n, org } = deps;
  const zone = org.data.organisation.timeZone;
  return renderCard(template, {
    t: i18n.tree(locale, 'kennisatelier.card'),
    viewVerb: verbs.view,
    items: items.map(({ atelier, summary, ended }) => ({
      id: atelier.id,
      title: escapeUserText(atelier.title),
      line: [whenText(atelier, locale, zone), ended ? i18n.t(locale, 'kennisatelier.card.ended') : seatsText(summary, i18n, locale)].join(' · '),
    })),
    actions: canCreate ? [{ title: i18n.t(locale, 'kennisatelier.card.newAtelier'), verb: verbs.newForm, data: {} }] : [],
  });
}

/** For organisers under their list of ateliers: the way to make a new one. */
export function renderCreatePrompt(deps: CardDeps, locale: Locale): AdaptiveCard {
  const { i18n } = deps;
  return renderCard(messageTemplate, {
    heading: i18n.t(locale, 'kennisatelier.help.create.title'),
    text: i18n.t(locale, 'kennisatelier.help.create.description'),
    color: 'Default',
    actions: [{ title: i18n.t(locale, 'kennisatelier.card.newAtelier'), verb: verbs.newForm, data: {} }],
    joinTitle: '',
    meetingUrl: '',
  });
}
