import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../org/organisation';

type Catalog = { [key: string]: string | Catalog };

function flatten(catalog: Catalog, prefix = '', into: Map<string, string> = new Map()) {
  for (const [k, v] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') into.set(key, v);
    else flatten(v, key, into);
  }
  return into;
}

/**
 * Message catalogues, Dutch first. Each feature registers its own nl/en JSON at start-up; a key missing
 * in one language fails the start, so no user ever sees a raw key.
 */
export class I18n {
  private readonly messages: Record<Locale, Map<string, string>> = { nl: new Map(), en: new Map() };
  private readonly trees: Record<Locale, Catalog> = { nl: {}, en: {} };

  register(nl: Catalog, en: Catalog): void {
    const a = flatten(nl);
    const b = flatten(en);
    const missing = [...a.keys()]
      .filter((k) => !b.has(k))
      .map((k) => `en: ${k}`)
      .concat([...b.keys()].filter((k) => !a.has(k)).map((k) => `nl: ${k}`));
    if (missing.length) throw new Error(`Message catalogues differ:\n  ${missing.join('\n  ')}`);
    // A plural that does not parse must fail the start, not the turn that first needs it.
    for (const [, v] of [...a, ...b]) if (isIcu(v)) new IntlMessageFormat(v, 'nl');
    for (const [k, v] of a) this.messages.nl.set(k, v);
    for (const [k, v] of b) this.messages.en.set(k, v);
    Object.assign(this.trees.nl, nl);
    Object.assign(this.trees.en, en);
  }

  /**
   * The message for a key with `{name}` placeholders filled in. A count is written as an ICU plural,
   * `{count, plural, one {# lid} other {# leden}}`, and formatted by the language's plural rules.
   */
  t(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
    const raw = this.messages[locale].get(key) ?? this.messages.nl.get(key);
    if (raw === undefined) throw new Error(`Unknown message key: ${key}`);
    if (isIcu(raw)) return this.icu(locale, key, raw).format(params) as string;
    return raw.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  }

  private readonly compiled = new Map<string, IntlMessageFormat>();

  /** Compiled once per language and key; the start already proved every ICU message parses. */
  private icu(locale: Locale, key: string, raw: string): IntlMessageFormat {
    const id = `${locale}:${key}`;
    let f = this.compiled.get(id);
    if (!f) this.compiled.set(id, (f = new IntlMessageFormat(raw, locale === 'en' ? 'en' : 'nl')));
    return f;
  }

  has(key: string): boolean {
    return this.messages.nl.has(key);
  }

  /** A subtree of messages, for card templates that bind `${t.some.key}`. */
  tree(locale: Locale, prefix: string): Catalog {
    let node: Catalog | string = this.trees[locale];
    for (const part of prefix.split('.')) {
      if (typeof node === 'string' || !(part in node)) throw new Error(`Unknown message prefix: ${prefix}`);
      node = node[part] as Catalog | string;
    }
    if (typeof node === 'string') throw new Error(`Prefix is a single message: ${prefix}`);
    return node;
  }
}

/** Only messages with a plural or select go through ICU; plain ones keep apostrophes and braces as typed. */
export function isIcu(message: string): boolean {
  return /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.test(message);
}

/** Teams sends the client's UI language as e.g. "en-US" or "nl-NL"; everything not English gets Dutch. */
export function localeFrom(tag: string | undefined, fallback: Locale = 'nl'): Locale {
  if (!tag) return fallback;
  const lang = tag.toLowerCase().slice(0, 2);
  return lang === 'en' ? 'en' : lang === 'nl' ? 'nl' : fallback;
}

/** Formats a UTC instant for people, in the organisation's time zone. */
export { formatWhen, formatDate } from './format';
