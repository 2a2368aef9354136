import type { Locale } from '../org/organisation';

/**
 * ICU plural arguments in catalogue messages: `{count, plural, =0 {geen} one {# plek} other {# plekken}}`.
 * Only what the catalogues use: exact `=n` cases, the CLDR categories of the language, and `#` for the
 * number. Other `{name}` placeholders are left for the caller.
 */
export function formatPlurals(message: string, locale: Locale, params: Record<string, string | number>) {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const start = message.indexOf('{', i);
    if (start < 0) break;
    const head = /^\{(\w+),\s*plural,\s*/.exec(message.slice(start));
    if (!head) {
      out += message.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    const end = matchingBrace(message, start);
    out +=
      message.slice(i, start) + choose(message.slice(start + head[0].length, end), head[1]!, locale, params);
    i = end + 1;
  }
  return out + message.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`Unbalanced plural in message: ${text}`);
}

function choose(body: string, name: string, locale: Locale, params: Record<string, string | number>): string {
  const n = Number(params[name]);
  const cases = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const sel = /^\s*(=\d+|\w+)\s*\{/.exec(body.slice(i));
    if (!sel) break;
    const open = i + sel[0].length - 1;
    const close = matchingBrace(body, open);
    cases.set(sel[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  const category = new Intl.PluralRules(locale === 'en' ? 'en-GB' : 'nl-NL').select(n);
  const picked = cases.get(`=${n}`) ?? cases.get(category) ?? cases.get('other') ?? '';
  // Nested plurals first, so their own `#` is theirs; what is left is this argument's number.
  return formatPlurals(picked, locale, params).replace(/#/g, String(params[name] ?? ''));
}
