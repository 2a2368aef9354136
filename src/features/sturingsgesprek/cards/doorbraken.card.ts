import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { Locale } from '../../../platform/i18n/locale';
import { languageName, t } from '../sturingsgesprek.text.format';
import type { DoorbraakEntry } from '../sturingsgesprek.types';
import { sturingsgesprekVerbs } from '../sturingsgesprek.verbs';
import template from './doorbraken.card.json';

/**
 * The doorbraken list: each active one with its title per language (the organisation's languages)
 * and rename / priority / retire buttons for the DIG office; retired ones listed below; a form to add.
 * Titles are typed in Teams: escaped where a TextBlock shows them (inputs take them as they are).
 */
export function renderDoorbrakenCard(
  w: CardText,
  d: {
    items: readonly DoorbraakEntry[];
    languages: readonly string[];
    canEdit: boolean;
    banner?: { text: string; style: 'good' | 'warning' | 'attention' };
  },
): AdaptiveCard {
  const active = d.items.filter((x) => !x.retired);
  const retired = d.items.filter((x) => x.retired);
  const label = (number: number | undefined, lang: string) =>
    number === undefined
      ? t(w, 'card.doorbraken.newTitleIn', { language: languageName(w, lang as Locale) })
      : t(w, 'card.doorbraken.titleIn', { number, language: languageName(w, lang as Locale) });
  return renderCard(template, {
    t: w.i18n.tree(w.locale, 'sturingsgesprek.card.doorbraken'),
    verbs: sturingsgesprekVerbs,
    canEdit: d.canEdit,
    intro: t(w, d.canEdit ? 'card.doorbraken.introOffice' : 'card.doorbraken.introRead', {
      count: active.length,
    }),
    banner: d.banner?.text ?? '',
    bannerStyle: d.banner?.style ?? 'good',
    items: active.map((x, i) => ({
      id: x.id,
      // Not "5. title": Teams reads that as a Markdown list and drops the number.
      heading: t(w, 'card.doorbraken.heading', { number: i + 1, title: escapeUserText(w.local(x.title)) }),
      detail: t(w, x.prioritised ? 'card.doorbraken.prioritised' : 'card.doorbraken.notPrioritised'),
      fields: d.languages.map((lang) => ({
        id: `t_${x.id}_${lang}`,
        label: label(i + 1, lang),
        value: x.title[lang] ?? '',
      })),
      renameTitle: t(w, 'card.doorbraken.rename', { number: i + 1 }),
      priorityTitle: t(w, x.prioritised ? 'card.doorbraken.unprioritise' : 'card.doorbraken.prioritise', {
        number: i + 1,
      }),
      nextPrioritised: x.prioritised ? 'false' : 'true',
      retireTitle: t(w, 'card.doorbraken.retire', { number: i + 1 }),
    })),
    retired: retired.map((x) => escapeUserText(w.local(x.title))).join(' · '),
    newFields: d.languages.map((lang) => ({ id: `new_${lang}`, label: label(undefined, lang) })),
  });
}
