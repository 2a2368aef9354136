import { IntlMessageFormat } from 'intl-messageformat';
import { completeLocales, intlTag, overrideOf, type Locale } from './locale';

export type Catalog = { [key: string]: string | Catalog };

/** One folder's catalogues: every complete language, and the overrides where a region speaks differently. */
export type CatalogueSet = { nl: Catalog; en: Catalog; it: Catalog } & Partial<Record<'nl-BE', Catalog>>;

export function flatten(catalog: Catalog, prefix = '', into: Map<string, string> = new Map()) {
  for (const [k, v] of Object.entries(catalog)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') into.set(key, v);
    else flatten(v, key, into);
  }
  return into;
}

/** Only messages with a plural or select go through ICU; plain ones keep apostrophes and braces as typed. */
export function isIcu(message: string): boolean {
  return /\{\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.test(message);
}

/** `{@unit}`, `{@Unit}`, `{@unit:default}` (the word in the organisation's default language). */
const termRef = /\{@([A-Za-z]+)(:default)?\}/g;
const anyTermRef = /\{@[^}]*\}/g;

type AstNode = { type: number; value?: unknown; options?: Record<string, { value: AstNode[] }> };
type AstElement = AstNode & { children?: AstNode[] };

/** Names of the arguments an ICU message takes (`count`, `name`, …), through its parsed form. */
function icuArguments(nodes: AstElement[], into: Set<string>): Set<string> {
  for (const n of nodes) {
    // 0 literal and 7 `#` take no argument; every other element names one.
    if (n.type !== 0 && n.type !== 7 && typeof n.value === 'string') into.add(n.value);
    for (const option of Object.values(n.options ?? {})) icuArguments(option.value, into);
    if (n.children) icuArguments(n.children, into);
  }
  return into;
}

/**
 * The placeholders a message takes, `{@term}` references left out (a language may name the organisation
 * differently). Throws when an ICU message does not parse.
 */
export function placeholdersOf(message: string, locale: Locale): string[] {
  const text = message.replace(termRef, 'x');
  const names = isIcu(text)
    ? icuArguments(new IntlMessageFormat(text, intlTag(locale)).getAst() as AstElement[], new Set())
    : new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string));
  return [...names].sort();
}

/**
 * Everything wrong with one folder's catalogues, one line each: a key missing from a complete language
 * or unknown to Dutch, an override of a key Dutch does not have, a placeholder that differs from Dutch,
 * an unknown `{@term}`, an ICU message that does not parse.
 */
export function catalogueProblems(set: Partial<Record<Locale, Catalog>>, terms: readonly string[]): string[] {
  const problems: string[] = [];
  const nl = flatten(set.nl ?? {});
  const known = new Set(terms.flatMap((t) => [t, t.charAt(0).toUpperCase() + t.slice(1)]));
  const checkMessage = (locale: Locale, key: string, message: string) => {
    for (const [, name] of message.matchAll(termRef))
      if (!known.has(name as string)) problems.push(`${locale}: ${key} names an unknown term {@${name}}`);
    for (const [ref] of message.replace(termRef, '').matchAll(anyTermRef))
      problems.push(`${locale}: ${key} has a malformed term reference ${ref}`);
    let own: string[];
    try {
      own = placeholdersOf(message, locale);
    } catch (err) {
      problems.push(`${locale}: ${key} does not parse: ${(err as Error).message.split('\n')[0]}`);
      return;
    }
    const dutch = nl.get(key);
    if (locale === 'nl' || dutch === undefined) return;
    let expected: string[];
    try {
      expected = placeholdersOf(dutch, 'nl');
    } catch {
      return; // reported under nl
    }
    if (own.join() !== expected.join())
      problems.push(
        `${locale}: ${key} has placeholders {${own.join(', ')}}; nl has {${expected.join(', ')}}`,
      );
  };
  for (const locale of completeLocales) {
    const catalog = set[locale];
    if (!catalog) {
      problems.push(`${locale}: no catalogue`);
      continue;
    }
    const messages = flatten(catalog);
    for (const key of nl.keys()) if (!messages.has(key)) problems.push(`${locale}: ${key} is missing`);
    for (const [key, message] of messages) {
      if (!nl.has(key)) problems.push(`${locale}: ${key} is not in nl`);
      checkMessage(locale, key, message);
    }
  }
  for (const [locale, base] of Object.entries(overrideOf) as Array<[Locale, Locale]>) {
    const catalog = set[locale];
    if (!catalog) continue;
    const of = flatten(set[base] ?? {});
    for (const [key, message] of flatten(catalog)) {
      if (!of.has(key)) problems.push(`${locale}: ${key} overrides no ${base} message`);
      else checkMessage(locale, key, message);
    }
  }
  return problems;
}
