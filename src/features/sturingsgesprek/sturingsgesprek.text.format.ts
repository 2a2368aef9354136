import { escapeUserText } from '../../platform/cards';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import { answerAsText, type AnswerWords } from './sturingsgesprek.answers.rules';
import type { Bilingual, Question } from './sturingsgesprek.question-set.schemas';
import type { Answer } from './sturingsgesprek.types';

/** Shared wording helpers for the feature's cards and documents. */
export interface Words {
  i18n: I18n;
  org: Organisation;
  locale: Locale;
}

export const pick = (text: Bilingual, locale: Locale) => text[locale] ?? text.nl;

export const t = (w: Words, key: string, params: Record<string, string | number> = {}) => w.i18n.t(w.locale, `sturingsgesprek.${key}`, params);

export function answerWords(w: Words): AnswerWords {
  const titles = new Map(w.org.data.doorbraken.map((d) => [d.id, w.org.text(d.title, w.locale)]));
  return {
    doorbraak: (id) => titles.get(id) ?? id,
    pick: (text) => pick(text, w.locale),
    yes: t(w, 'card.answer.yes'),
    no: t(w, 'card.answer.no'),
  };
}

/** An answer as card text: user text escaped (no hidden links or mentions); line breaks kept. */
export function cardAnswer(w: Words, q: Question, a: Answer | undefined, limit?: number): string {
  if (!a) return t(w, 'card.answer.noAnswer');
  const text = answerAsText(q, a, answerWords(w));
  const cut = limit !== undefined && text.length > limit ? `${text.slice(0, limit).trimEnd()} ${t(w, 'card.answer.truncated')}` : text;
  // TextBlock with wrap shows the newlines; escaping keeps them.
  return escapeUserText(cut);
}

export const unitName = (w: Words, name: Record<string, string>) => w.org.text(name, w.locale);
