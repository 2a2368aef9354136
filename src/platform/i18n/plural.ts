import type { Locale } from '../org/organisation';

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/**
 * ICU plural arguments in a message: `{count, plural, =0 {geen} one {# punt} other {# punten}}`.
 * Only the plural form is supported (the catalogues need no select or ordinal); `#` is the number.
 * Runs before the plain `{name}` placeholders are filled in, so a branch may hold those too.
 */
export function formatPlurals(
  message: string,
  locale: Locale,
  params: Record<string, string | number>,
): string {
  if (!message.includes(', plural,')) return message;
  const rules = new Intl.PluralRules(tag(locale));
  let out = '';
  let i = 0;
  for (;;) {
    const start = message.indexOf('{', i);
    const head = start < 0 ? undefined : /^\{(\w+), plural,/.exec(message.slice(start));
    if (start < 0) return out + message.slice(i);
    if (!head) {
      out += message.slice(i, start + 1);
      i = start + 1;
      continue;
    }
    const end = matchingBrace(message, start);
    const n = Number(params[head[1]]);
    out += message.slice(i, start) + chooseBranch(message.slice(start + head[0].length, end), n, rules);
    i = end + 1;
  }
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    if (text[j] === '}' && --depth === 0) return j;
  }
  throw new Error('Unbalanced plural message');
}

function chooseBranch(body: string, n: number, rules: Intl.PluralRules): string {
  const branches = new Map<string, string>();
  const pattern = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(body))) {
    const open = match.index + match[0].length - 1;
    const close = matchingBrace(body, open);
    branches.set(match[1], body.slice(open + 1, close));
    pattern.lastIndex = close + 1;
  }
  const chosen = branches.get(`=${n}`) ?? branches.get(rules.select(n)) ?? branches.get('other') ?? '';
  return chosen.replace(/#/g, String(n));
}
