import { baseLocale, type Locale } from '../../platform/i18n/locale';
import type { Bilingual } from './sturingsgesprek.question-set.schemas';

/** The languages a question set is written in: those the organisation offers, one of them its default. */
export interface SetLanguages {
  readonly languages: readonly Locale[];
  readonly defaultLocale: Locale;
}

/** The typed field for one language: `<key>_<language>` (`q_av-priorita_it`, `name_nl-BE`). */
export const fieldId = (key: string, lang: Locale) => `${key}_${lang}`;

/**
 * What the editor shows in a language's field: the set's own text, else its base language's (a set
 * written in `nl` shows its Dutch in Gent's `nl-BE` field), else nothing.
 */
export const editorValue = (text: Bilingual | undefined, lang: Locale): string =>
  text?.[lang] ?? text?.[baseLocale(lang)] ?? '';

export type MergedText = { text: Bilingual; missing?: undefined } | { missing: Locale };

/**
 * A text after an edit, complete for every offered language. A field sent empty takes the default
 * language's text (the editor says so); a field not sent keeps what the set had. Without a text in the
 * default language nothing can stand in for it: `missing`. Languages the organisation no longer offers
 * stay as they were, so no text is lost.
 */
export function mergeText(
  typed: Readonly<Record<string, string>>,
  key: string,
  stored: Bilingual | undefined,
  langs: SetLanguages,
): MergedText {
  const own = (lang: Locale) => {
    const value = typed[fieldId(key, lang)];
    return value === undefined ? editorValue(stored, lang) : value.trim();
  };
  const fallback = own(langs.defaultLocale);
  if (!fallback) return { missing: langs.defaultLocale };
  const text: Bilingual = { ...stored };
  for (const lang of langs.languages) text[lang] = own(lang) || fallback;
  return { text };
}

/** Whether any language of this field was typed (a new question's optional extra label). */
export const anyTyped = (typed: Readonly<Record<string, string>>, key: string, langs: SetLanguages) =>
  langs.languages.some((lang) => !!typed[fieldId(key, lang)]?.trim());
