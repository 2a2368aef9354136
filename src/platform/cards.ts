import { Template } from 'adaptivecards-templating';
import type { OutboundActivity } from './delivery/delivery.port';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard' };

export const adaptiveCardContentType = 'application/vnd.microsoft.card.adaptive';

/**
 * Renders a card template (JSON beside its feature) with typed data. Templates bind text with `${...}`;
 * user-written strings must go through {@link escapeUserText} first.
 */
export function renderCard<T extends object>(template: object, data: T): AdaptiveCard {
  const card = templateOf(template).expand({ $root: data }) as AdaptiveCard;
  if (card.type !== 'AdaptiveCard') throw new Error('Template did not produce an Adaptive Card');
  return card;
}

/**
 * Parsing a template's `${...}` expressions cost more than expanding them (a tenth of a help turn), and
 * a Template is made to be expanded again with other data, so each template object is parsed once.
 */
const parsed = new WeakMap<object, Template>();
function templateOf(template: object): Template {
  let t = parsed.get(template);
  if (!t) parsed.set(template, (t = new Template(template)));
  return t;
}

export function cardActivity(card: AdaptiveCard, summary?: string): OutboundActivity {
  return { type: 'message', summary, attachments: [{ contentType: adaptiveCardContentType, content: card }] };
}

export function textActivity(text: string): OutboundActivity {
  return { type: 'message', text, textFormat: 'plain' };
}

/**
 * Makes user-written text inert inside a card TextBlock: markdown (hidden links, emphasis, lists) is
 * escaped and mention tags are broken up, so a sender cannot hide a link or mention everyone.
 */
export function escapeUserText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/([\\`*_{}[\]()#+!|~>])/g, '\\$1')
    .replace(/^(\s*)-(\s)/gm, '$1\\-$2')
    .replace(/^(\s*\d+)\.(\s)/gm, '$1\\.$2')
    .replace(/<(\/?)(at)\b/gi, '<$1\u200B$2');
}
