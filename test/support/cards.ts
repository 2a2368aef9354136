/** Helpers to read rendered Adaptive Cards in tests as a person would: their text and their buttons. */
export type CardNode = Record<string, unknown>;
type Node = CardNode;

/** Visits every object in a card, depth first. */
export function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    Object.values(node as Node).forEach((v) => walk(v, visit));
  }
}

/** All visible text of a card (TextBlocks, facts, labels, choices, button titles), joined by newlines. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' && typeof n.text === 'string') parts.push(n.text);
    if (n.type === 'TextRun' && typeof n.text === 'string') parts.push(n.text);
    if (typeof n.title === 'string' && typeof n.value === 'string' && !n.type)
      parts.push(`${n.title}: ${n.value}`);
    if (typeof n.label === 'string') parts.push(n.label);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string')
      parts.push(n.title);
  });
  return parts.join('\n');
}

export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
  url?: string;
}

export function cardActions(card: unknown): CardAction[] {
  const actions: CardAction[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Action.')) actions.push(n as unknown as CardAction);
  });
  return actions;
}

/** The action with this title (exact, or containing it); throws with the list when missing. */
export function findAction(card: unknown, title: string | RegExp): CardAction {
  const all = cardActions(card);
  const found = all.find((a) =>
    typeof title === 'string' ? a.title === title || a.title.includes(title) : title.test(a.title),
  );
  if (!found)
    throw new Error(`No action "${String(title)}" in card; actions: ${all.map((a) => a.title).join(', ')}`);
  return found;
}

export function cardInputs(card: unknown): Node[] {
  const inputs: Node[] = [];
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) inputs.push(n);
  });
  return inputs;
}

/** Adaptive Card payloads of the attachments of bot activities. */
export function cardsOf(activities: Array<{ attachments?: Array<{ content?: unknown }> }>): unknown[] {
  return activities.flatMap((a) => (a.attachments ?? []).map((x) => x.content));
}

/**
 * The card rules of ARCHITECTURE.md, checked on a rendered card: schema 1.5, nothing left unbound, every
 * TextBlock wraps, images have alt text, inputs have labels (and an error message when required), every
 * Action.Execute has a verb (with the feature's prefix, if given), and the card fits a Teams message.
 */
export function expectCardHouseRules(
  card: unknown,
  options: { verbPrefix?: string; maxBytes?: number } = {},
): void {
  expect((card as Node).version).toBe('1.5');
  const json = JSON.stringify(card);
  expect(json).not.toContain('${');
  expect(Buffer.byteLength(json)).toBeLessThan(options.maxBytes ?? 28_000);
  walk(card, (n) => {
    if (n.type === 'TextBlock') expect(n.wrap).toBe(true);
    if (n.type === 'Image') expect(typeof n.altText).toBe('string');
    if (typeof n.type === 'string' && n.type.startsWith('Input.')) {
      expect(typeof n.label).toBe('string');
      if (n.isRequired) expect(typeof n.errorMessage).toBe('string');
    }
    if (n.type === 'Action.Execute') {
      expect(typeof n.verb).toBe('string');
      if (options.verbPrefix) expect(String(n.verb).startsWith(options.verbPrefix)).toBe(true);
    }
  });
}
