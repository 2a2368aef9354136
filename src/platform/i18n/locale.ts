/**
 * The languages the bot speaks. `nl`, `en` and `it` have complete catalogues; `nl-BE` (Flemish) holds
 * only the messages where Flemish usage differs, and falls back to `nl` for every other one.
 */
export const locales = ['nl', 'nl-BE', 'en', 'it'] as const;
export type Locale = (typeof locales)[number];

/** Languages whose catalogues hold every key. */
export const completeLocales = ['nl', 'en', 'it'] as const;
export type CompleteLocale = (typeof completeLocales)[number];

/** Languages that only override some keys of another language. */
export const overrideOf: Readonly<Partial<Record<Locale, CompleteLocale>>> = { 'nl-BE': 'nl' };

/** The complete language a locale's missing messages come from (itself when complete). */
export function baseLocale(locale: Locale): CompleteLocale {
  return overrideOf[locale] ?? (locale as CompleteLocale);
}

/** The BCP 47 tag for Intl and luxon: dates, numbers and plural rules in the right language and region. */
const tags: Readonly<Record<Locale, string>> = { nl: 'nl-NL', 'nl-BE': 'nl-BE', en: 'en-GB', it: 'it-IT' };
export function intlTag(locale: Locale): string {
  return tags[locale];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** What an organisation offers: the languages and the one for everyone else. */
export interface LocalePolicy {
  readonly languages: readonly Locale[];
  readonly defaultLocale: Locale;
}

/**
 * The language to speak to someone whose Teams client says `tag` (`it-IT`, `nl-BE`, `en-US`), in steps:
 * the exact language with region the organisation offers (`nl-BE`) → the language (`nl-NL` → `nl`,
 * `it-IT` → `it`, `nl-BE` → `nl` when only `nl` is offered) → a regional variant of that language the
 * organisation offers (`nl-NL` → `nl-BE` in an organisation offering only Flemish) → the default.
 */
export function resolveLocale(tag: string | undefined, policy: LocalePolicy): Locale {
  if (!tag) return policy.defaultLocale;
  const [language = '', region] = tag.trim().toLowerCase().split(/[-_]/);
  const offered = policy.languages;
  const exact = region && offered.find((l) => l.toLowerCase() === `${language}-${region}`);
  if (exact) return exact;
  const plain = offered.find((l) => l === language);
  if (plain) return plain;
  const variant = offered.find((l) => l.split('-')[0] === language);
  return variant ?? policy.defaultLocale;
}

/**
 * A text given per language (`{ nl, en, it? }`) in this locale: its own, its base language's, then
 * English (read by more people than Dutch where a text has no Italian yet), then Dutch.
 */
export function pickText(text: Readonly<Partial<Record<Locale, string>>>, locale: Locale): string {
  return (
    text[locale] ?? text[baseLocale(locale)] ?? text.en ?? text.nl ?? Object.values(text).find(Boolean) ?? ''
  );
}
