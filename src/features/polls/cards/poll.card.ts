import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import type { Answer, Poll } from '../polls.types';
import { pollsVerbs } from '../polls.verbs';
import template from './poll.card.json';

/**
 * Input labels and choice titles are plain text in Adaptive Cards (no markdown), so escaping them would
 * show backslashes; only mention tags are broken up. TextBlocks get escapeUserText instead.
 */
export const plainUserText = (text: string) => text.replace(/<(\/?)(at)\b/gi, '<$1\u200B$2');

/** The question as respondents read it: satisfaction polls in their language, ad-hoc as written. */
export function questionOf(text: CardText, poll: Poll): string {
  return poll.type === 'satisfaction' ? text.t('polls.satisfaction.question') : (poll.question ?? '');
}

/** What each answer value means, in order: scores 1..5 or the options (values are indices). */
export function choiceLabels(text: CardText, poll: Poll): Array<{ value: string; label: string }> {
  if (poll.kind === 'rating') {
    const set = poll.type === 'satisfaction' ? 'polls.satisfaction' : 'polls.rating';
    return [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: text.t(`${set}.score${n}`) }));
  }
  return poll.options.map((label, i) => ({ value: String(i), label }));
}

export interface PollCardState {
  /** Shown above the question: after answering, or on the reminder. */
  notice?: 'saved' | 'changed' | 'reminder';
  /** An expected failure shown above the form, so the person can try again on the same card. */
  error?: string;
  /** Pre-fills the form; only ever in the answering person's own invoke response. */
  answer?: Answer;
}

/** The card respondents answer on. Without `state.answer` it holds nothing personal, so it is rendered once per locale. */
export function renderPollCard(text: CardText, poll: Poll, state: PollCardState = {}): AdaptiveCard {
  const { locale, timeZone: zone } = text;
  const t = (key: string, params?: Record<string, string | number>) => text.t(`polls.card.${key}`, params);
  const closesWhen = formatWhen(poll.closesAt, locale, zone);
  const organiser = text.org.person(poll.createdBy)?.name;
  const subtitle =
    poll.type === 'satisfaction' && poll.source
      ? t('subtitleSatisfaction', {
          title: escapeUserText(poll.source.title),
          date: formatDate(poll.source.heldAt, locale, zone),
        })
      : organiser
        ? t('subtitleAdhoc', { organiser: escapeUserText(organiser) })
        : '';
  const question = plainUserText(questionOf(text, poll));
  const answer = state.answer;
  const value = answer
    ? answer.score !== undefined
      ? String(answer.score)
      : (answer.choices ?? []).join(',')
    : '';
  return renderCard(template, {
    title: t(poll.type === 'satisfaction' ? 'titleSatisfaction' : 'titleAdhoc'),
    subtitle,
    notice: state.error ?? (state.notice ? t(state.notice, { when: closesWhen }) : ''),
    noticeColor: state.error ? 'Attention' : state.notice === 'reminder' ? 'Warning' : 'Default',
    question: poll.kind === 'multiple' ? `${question} ${t('multiHint')}` : question,
    multi: poll.kind === 'multiple',
    answerError: t('answerError'),
    value,
    choices: choiceLabels(text, poll).map((c) => ({ title: plainUserText(c.label), value: c.value })),
    allowComment: poll.allowComment,
    commentLabel: t('commentLabel'),
    comment: answer?.comment ?? '',
    privacyTitle: t(poll.anonymous ? 'privacyAnonymousTitle' : 'privacyNamedTitle'),
    privacy: t(poll.anonymous ? 'privacyAnonymous' : 'privacyNamed'),
    closes: t('closes', { when: closesWhen }),
    submit: t(answer ? 'change' : 'submit'),
    verb: pollsVerbs.answer,
    data: { pollId: poll.pollId },
  });
}
