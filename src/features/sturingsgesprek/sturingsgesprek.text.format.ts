import { escapeUserText } from '../../platform/cards';
import type { CardText } from '../../platform/card-text';
import { pickText } from '../../platform/i18n/locale';
import type { Locale } from '../../platform/org/organisation';
import { answerAsText, type AnswerWords } from './sturingsgesprek.answers.rules';
import type { Bilingual, Question } from './sturingsgesprek.question-set.schemas';
import type { Answer, DoorbraakEntry, PeopleNamesMap } from './sturingsgesprek.types';

/** Shared wording helpers for the feature's cards and documents. */

export const pick = (text: Bilingual, locale: Locale) => pickText(text, locale);

/** A message of this feature's catalogue (the `sturingsgesprek.` prefix added). */
export const t = (w: CardText, key: string, params: Record<string, string | number> = {}) =>
  w.t(`sturingsgesprek.${key}`, params);

/**
 * A person the feature mentions, as plain text: their name from `names` (or the organisation file),
 * else the catalogue's neutral word; never the id. '' for no one. Cards escape it ({@link cardPerson}).
 */
export const personName = (w: CardText, names: PeopleNamesMap, id: string | undefined) =>
  id ? w.person(names.get(id.toLowerCase()) ?? w.org.person(id)?.name) : '';

/** {@link personName} for a card: escaped, since a name from Teams or the directory is user text. */
export const cardPerson = (w: CardText, names: PeopleNamesMap, id: string | undefined) =>
  escapeUserText(personName(w, names, id));

/** A doorbraak's title in the reader's language, from the round's own list (empty for an unknown id). */
export const doorbraakTitle = (w: CardText, list: readonly DoorbraakEntry[], id: string) =>
  w.local(list.find((d) => d.id === id)?.title);

export function answerWords(w: CardText, list: readonly DoorbraakEntry[]): AnswerWords {
  const titles = new Map(list.map((d) => [d.id, w.local(d.title)]));
  return {
    doorbraak: (id) => titles.get(id) ?? id,
    pick: (text) => pick(text, w.locale),
    yes: t(w, 'card.answer.yes'),
    no: t(w, 'card.answer.no'),
  };
}

/** An answer as card text: user text escaped (no hidden links or mentions); line breaks kept. */
export function cardAnswer(
  w: CardText,
  list: readonly DoorbraakEntry[],
  q: Question,
  a: Answer | undefined,
  limit?: number,
): string {
  if (!a) return t(w, 'card.answer.noAnswer');
  const cut = (text: string) =>
    limit !== undefined && text.length > limit
      ? `${text.slice(0, limit).trimEnd()} ${t(w, 'card.answer.truncated')}`
      : text;
  if (a.kind === 'doorbraken' && q.kind === 'doorbraken') {
    // A real Markdown list: escaped dashes on single lines would run together on one line.
    const items = a.ids.map((id) => `- ${escapeUserText(doorbraakTitle(w, list, id) || id)}`).join('\n');
    const why = a.why ? escapeUserText(cut(`${pick(q.whyLabel, w.locale)}\n${a.why}`)) : '';
    return [items, why].filter(Boolean).join('\n\n');
  }
  // TextBlock with wrap shows the newlines; escaping keeps them.
  return escapeUserText(cut(answerAsText(q, a, answerWords(w, list))));
}

/** A language as a select key of the catalogues' ICU messages (`nl-BE` → `nlBE`: keys have no hyphen). */
export const languageKey = (lang: Locale) => lang.replace('-', '');

/** A language's name in the reader's language ("Italiano", "Nederlands (België)"), for input labels. */
export const languageName = (w: CardText, lang: Locale) => t(w, `card.language.${languageKey(lang)}`);

export const unitName = (w: CardText, name: Record<string, string>) => w.local(name);
