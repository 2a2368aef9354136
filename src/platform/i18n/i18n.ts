import { IntlMessageFormat } from 'intl-messageformat';
import { termNames } from '../org/org.schema';
import { catalogueProblems, flatten, isIcu, type Catalog, type CatalogueSet } from './catalogue-check';
import {
  baseLocale,
  completeLocales,
  intlTag,
  locales,
  resolveLocale,
  type Locale,
  type LocalePolicy,
} from './locale';

export type { Catalog, CatalogueSet } from './catalogue-check';
export { isIcu } from './catalogue-check';

/** The organisation's words per language (`{@unit}` → "cluster"), read for every message. */
export type TermSource = (locale: Locale) => Readonly<Record<string, string>> | undefined;

/**
 * The organisation's words and its default language (an `Organisation` is one), which
 * `{@term:default}` needs: the word in the default language, whatever the reader's.
 */
export interface TermBook {
  terms(locale: Locale): Readonly<Record<string, string>> | undefined;
  readonly defaultLocale: Locale;
}

const termRef = /\{@([A-Za-z]+)(:default)?\}/g;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * Message catalogues, Dutch first. Each feature registers its folder's set (nl, en, it and the Flemish
 * overrides) at start-up; a missing key, an unknown override or a placeholder that differs fails the
 * start, so no user ever sees a raw key. `{@term}` in a message is the organisation's word for it.
 */
export class I18n {
  private readonly messages = new Map<Locale, Map<string, string>>(locales.map((l) => [l, new Map()]));
  private readonly trees = new Map<Locale, Catalog>(locales.map((l) => [l, {}]));

  private readonly terms: TermSource;
  private readonly defaultLocale: () => Locale | undefined;

  /**
   * `source`: the organisation (its words and default language), or only its words per language, e.g.
   * `(l) => org.terms(l)`. A reference without a word to fill in (no source; `{@x:default}` without a
   * default language) stays as written.
   */
  constructor(source: TermSource | TermBook = () => undefined) {
    if (typeof source === 'function') {
      this.terms = source;
      this.defaultLocale = () => undefined;
    } else {
      this.terms = (locale) => source.terms(locale);
      this.defaultLocale = () => source.defaultLocale;
    }
  }

  register(set: CatalogueSet): void {
    const problems = catalogueProblems(set, termNames);
    if (problems.length) throw new Error(`Message catalogues differ:\n  ${problems.join('\n  ')}`);
    for (const locale of locales) {
      const catalog = set[locale];
      if (!catalog) continue;
      for (const [k, v] of flatten(catalog)) this.messages.get(locale)?.set(k, v);
      Object.assign(this.trees.get(locale) as Catalog, catalog);
    }
  }

  /**
   * The message for a key with `{name}` placeholders filled in. A count is written as an ICU plural,
   * `{count, plural, one {# lid} other {# leden}}`, and formatted by the language's plural rules.
   */
  t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
    const raw = this.raw(locale, key);
    if (raw === undefined) throw new Error(`Unknown message key: ${key}`);
    const text = this.withTerms(locale, raw);
    if (isIcu(text)) return this.icu(locale, text).format(params) as string;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  private raw(locale: Locale, key: string): string | undefined {
    return (
      this.messages.get(locale)?.get(key) ??
      this.messages.get(baseLocale(locale))?.get(key) ??
      this.messages.get('nl')?.get(key)
    );
  }

  /**
   * `{@unit}` → the organisation's word; `{@Unit}` → the same with a capital; `{@unit:default}` → its
   * word in its default language (an English text naming the word staff know). Unknown refs stay.
   */
  private withTerms(locale: Locale, text: string): string {
    if (!text.includes('{@')) return text;
    const own = this.terms(locale);
    const home = this.defaultLocale();
    return text.replace(termRef, (m, name: string, inDefault?: string) => {
      const words = inDefault ? home && this.terms(home) : own;
      const word = words?.[name] ?? words?.[lowerFirst(name)];
      if (word === undefined) return m;
      return name === lowerFirst(name) ? word : upperFirst(word);
    });
  }

  private readonly compiled = new Map<string, IntlMessageFormat>();

  /** Compiled once per language and text (terms included); the start proved every ICU message parses. */
  private icu(locale: Locale, text: string): IntlMessageFormat {
    const id = `${locale}\u0000${text}`;
    let f = this.compiled.get(id);
    if (!f) this.compiled.set(id, (f = new IntlMessageFormat(text, intlTag(locale))));
    return f;
  }

  has(key: string): boolean {
    return !!this.messages.get('nl')?.has(key);
  }

  /** A subtree of messages, for card templates that bind `${t.some.key}`; terms filled in. */
  tree(locale: Locale, prefix: string): Catalog {
    const node = (l: Locale): Catalog | string | undefined => {
      let n: Catalog | string | undefined = this.trees.get(l);
      for (const part of prefix.split('.')) n = typeof n === 'object' ? n[part] : undefined;
      return n;
    };
    const base = node(baseLocale(locale)) ?? node('nl');
    if (base === undefined) throw new Error(`Unknown message prefix: ${prefix}`);
    if (typeof base === 'string') throw new Error(`Prefix is a single message: ${prefix}`);
    const override = locale === baseLocale(locale) ? undefined : node(locale);
    return this.fill(locale, base, typeof override === 'object' ? override : undefined);
  }

  private fill(locale: Locale, base: Catalog, override: Catalog | undefined): Catalog {
    const out: Catalog = {};
    for (const [k, v] of Object.entries(base)) {
      const o = override?.[k];
      out[k] =
        typeof v === 'string'
          ? this.withTerms(locale, typeof o === 'string' ? o : v)
          : this.fill(locale, v, typeof o === 'object' ? o : undefined);
    }
    return out;
  }
}

/**
 * The language for a Teams locale tag (`it-IT`, `nl-BE`, `en-US`) among those the organisation offers;
 * see {@link resolveLocale} for the steps.
 */
export function localeFrom(tag: string | undefined, policy: LocalePolicy): Locale {
  return resolveLocale(tag, policy);
}

export { completeLocales };

/** Formats a UTC instant for people, in the organisation's time zone. */
export { formatWhen, formatDate } from './format';
