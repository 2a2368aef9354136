import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * WCAG 2.1 AA on every card template, read statically (the templates, not one rendering of them):
 * - every input has a label (1.3.1, 3.3.2); every image has alt text (1.1.1);
 * - action titles are unique on a card (2.4.6): two actions with the same title must be alternatives
 *   (each under its own `$when`), and an action repeated over a list (`$data`) must bind its title to
 *   the item, so that each says what it is for ("Lid worden van R-Pride", not four times "Lid worden");
 * - no colour-only meaning (1.4.1) and enough contrast (1.4.3): Teams' "Good" green is 2.07:1 on white,
 *   so it is never used for text; "Attention" and "Warning" text is bold as well, and says its
 *   meaning in words (a bound message or a literal with letters, never a bare symbol).
 */
type Node = Record<string, unknown>;

function templates(root = 'src'): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (e.isDirectory()) return templates(path);
    return e.name.endsWith('.card.json') ? [path] : [];
  });
}

interface Found {
  node: Node;
  repeated: boolean;
}

function walk(node: unknown, repeated: boolean, into: Found[]): Found[] {
  if (Array.isArray(node)) node.forEach((n) => walk(n, repeated, into));
  else if (node && typeof node === 'object') {
    const n = node as Node;
    const inRepeat = repeated || '$data' in n;
    if (typeof n.type === 'string') into.push({ node: n, repeated: inRepeat });
    for (const [k, v] of Object.entries(n)) if (k !== '$data') walk(v, inRepeat, into);
  }
  return into;
}

const bindings = (text: string) => [...text.matchAll(/\$\{([^}]*)\}/g)].map((m) => m[1]!.trim());
/** Bound to the list item, not to the card's catalogue (`t.…`) or root: differs per item. */
const bindsItem = (title: string) => bindings(title).some((b) => !/^(t\.|\$root\b)/.test(b));
const saysWords = (text: string) => bindings(text).length > 0 || /\p{L}{2,}/u.test(text);

const problems = (file: string) => problemsOf(JSON.parse(readFileSync(file, 'utf8')));

function problemsOf(card: unknown): string[] {
  const found = walk(card, false, []);
  const out: string[] = [];
  const titles = new Map<string, Node[]>();
  for (const { node, repeated } of found) {
    const type = String(node.type);
    if (type.startsWith('Input.') && !(typeof node.label === 'string' && node.label.trim()))
      out.push(`${type} "${String(node.id)}" has no label`);
    if (type === 'Image' && !(typeof node.altText === 'string' && node.altText.trim()))
      out.push(`Image has no altText`);
    if (type.startsWith('Action.') && type !== 'Action.ToggleVisibility' && typeof node.title === 'string') {
      if (repeated && !bindsItem(node.title))
        out.push(`repeated action "${node.title}" has the same title for every item`);
      if (!repeated) titles.set(node.title, [...(titles.get(node.title) ?? []), node]);
    }
    if (type === 'TextBlock' && typeof node.color === 'string') {
      const color = node.color.toLowerCase();
      if (color === 'good') out.push(`TextBlock "${String(node.text)}" is green (2.07:1 on white)`);
      const signals = color === 'attention' || color === 'warning' || color.startsWith('${');
      if (signals && node.weight !== 'Bolder')
        out.push(`TextBlock "${String(node.text)}" (${node.color}) carries its meaning in colour only`);
      if (signals && !saysWords(String(node.text ?? '')))
        out.push(`TextBlock "${String(node.text)}" (${node.color}) has no words`);
    }
  }
  for (const [title, nodes] of titles) {
    const unconditional = nodes.filter((n) => !('$when' in n));
    const conditions = nodes.map((n) => String(n.$when ?? ''));
    if (nodes.length > 1 && (unconditional.length > 0 || new Set(conditions).size < nodes.length))
      out.push(`${nodes.length} actions titled "${title}"`);
  }
  return out;
}

const all = templates();

describe('card templates: accessibility (WCAG 2.1 AA)', () => {
  it('finds every card template of the platform and the features', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const part of [
      'platform',
      'networks',
      'kennisatelier',
      'polls',
      'roles',
      'contact',
      'sturingsgesprek',
    ])
      expect(all.some((f) => f.includes(`/${part}/`))).toBe(true);
  });

  it.each(all)('%s: labels, alt text, distinct action names, meaning not in colour alone', (file) => {
    expect(problems(file)).toEqual([]);
  });

  it('no card renderer passes the green "Good" colour in its data', () => {
    const sources = (root: string): string[] =>
      readdirSync(root, { withFileTypes: true }).flatMap((e) => {
        const path = join(root, e.name);
        return e.isDirectory() ? sources(path) : e.name.endsWith('.ts') ? [path] : [];
      });
    const green = sources('src').filter((f) => /['"]Good['"]/.test(readFileSync(f, 'utf8')));
    expect(green).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        { type: 'Input.Text', id: 'why' },
        { type: 'Image', url: 'x' },
        { type: 'TextBlock', text: 'Opgeslagen', color: 'Good' },
        { type: 'TextBlock', text: '●', color: 'Attention', weight: 'Bolder' },
        { type: 'ActionSet', $data: '${items}', actions: [{ type: 'Action.Execute', title: '${t.join}' }] },
      ],
      actions: [
        { type: 'Action.Execute', title: '${t.remind}' },
        { type: 'Action.Execute', title: '${t.remind}' },
        { type: 'Action.Execute', title: '${t.rsvp}', $when: '${a}' },
        { type: 'Action.Execute', title: '${t.rsvp}', $when: '${b}' },
      ],
    };
    expect(problemsOf(card)).toEqual([
      'Input.Text "why" has no label',
      'Image has no altText',
      'TextBlock "Opgeslagen" is green (2.07:1 on white)',
      'TextBlock "●" (Attention) has no words',
      'repeated action "${t.join}" has the same title for every item',
      '2 actions titled "${t.remind}"',
    ]);
  });
});
