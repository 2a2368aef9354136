import type { I18n } from '../../../platform/i18n/i18n';
import type { Locale } from '../../../platform/org/organisation';
import type { Poll } from '../polls.types';

/**
 * Input labels and choice titles are plain text in Adaptive Cards (no markdown), so escaping them would
 * show backslashes; only mention tags are broken up. TextBlocks get escapeUserText instead.
 */
export const plainUserText = (text: string) => text.replace(/<(\/?)(at)\b/gi, '<$1\u200B$2');

/** The question as respondents read it: satisfaction polls in their language, ad-hoc as written. */
export function questionOf(poll: Poll, i18n: I18n, locale: Locale): string {
  return poll.type === 'satisfaction' ? i18n.t(locale, 'polls.satisfaction.question') : (poll.question ?? '');
}

/** What each answer value means, in order: scores 1..5 or the options (values are indices). */
export function choiceLabels(poll: Poll, i18n: I18n, locale: Locale): Array<{ value: string; label: string }> {
  if (poll.kind === 'rating') {
    const set = poll.type === 'satisfaction' ? 'polls.satisfaction' : 'polls.rating';
    return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: i18n.t(locale, `${set}.score${n}`) }));
  }
  return poll.options.map((label, i) => ({ value: String(i), label }));
}
