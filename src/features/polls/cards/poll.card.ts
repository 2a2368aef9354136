import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { AppDeps } from '../../../platform/deps';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/org/organisation';
import type { Answer, Poll } from '../polls.types';
import { pollsVerbs } from '../polls.verbs';
import { choiceLabels, plainUserText, questionOf } from './poll-text';
import template from './poll.card.json';

export type CardContext = Pick<AppDeps, 'i18n' | 'org'>;

export interface PollCardState {
  /** Shown above the question: after answering, or on the reminder. */
  notice?: 'saved' | 'changed' | 'reminder';
  /** An expected failure shown above the form, so the person can try again on the same card. */
  error?: string;
  /** Pre-fills the form; only ever in the answering person's own invoke response. */
  answer?: Answer;
}

/** The card respondents answer on. Without `state.answer` it holds nothing personal, so it is rendered once per locale. */
export function renderPollCard(ctx: CardContext, poll: Poll, locale: Locale, state: PollCardState = {}): AdaptiveCard {
  const { i18n, org } = ctx;
  const zone = org.data.organisation.timeZone;
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `polls.card.${key}`, params);
  const closesWhen = formatWhen(poll.closesAt, locale, zone);
  const organiser = org.person(poll.createdBy)?.name;
  const subtitle =
    poll.type === 'satisfaction' && poll.source
      ? t('subtitleSatisfaction', { title: escapeUserText(poll.source.title), date: formatDate(poll.source.heldAt, locale, zone) })
      : organiser
        ? t('subtitleAdhoc', { organiser: escapeUserText(organiser) })
        : '';
  const question = plainUserText(questionOf(poll, i18n, locale));
  const answer = state.answer;
  const value = answer ? (answer.score !== undefined ? String(answer.score) : (answer.choices ?? []).join(',')) : '';
  return renderCard(template, {
    title: t(poll.type === 'satisfaction' ? 'titleSatisfaction' : 'titleAdhoc'),
    subtitle,
    notice: state.error ?? (state.notice ? t(state.notice, { when: closesWhen }) : ''),
    noticeColor: state.error ? 'Attention' : state.notice === 'reminder' ? 'Warning' : 'Good',
    question: poll.kind === 'multiple' ? `${question} ${t('multiHint')}` : question,
    multi: poll.kind === 'multiple',
    answerError: t('answerError'),
    value,
    choices: choiceLabels(poll, i18n, locale).map((c) => ({ title: plainUserText(c.label), value: c.value })),
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
