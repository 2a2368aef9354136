import { intlTag } from '../../../platform/i18n/locale';
import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate, formatWhen } from '../../../platform/i18n/format';
import type { PollResults } from '../polls.types';
import { pollsVerbs } from '../polls.verbs';
import { choiceLabels, questionOf } from './poll.card';
import template from './results.card.json';

const maxCommentsOnCard = 50;
const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/**
 * Results for organisers. Each bar is a text line ("4 – tevreden: 3 (43%)", what screen readers read)
 * above a purely visual proportional bar. Comments are escaped, nameless and shuffled by the service.
 */
export function renderResultsCard(text: CardText, results: PollResults, exportUrl = ''): AdaptiveCard {
  const { locale, timeZone: zone } = text;
  const { poll, answered, audienceSize, tally } = results;
  const t = (key: string, params?: Record<string, string | number>) => text.t(`polls.results.${key}`, params);
  const number = new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const bars = tally
    ? choiceLabels(text, poll).map((c, i) => {
        const p = percent(tally.counts[i], answered);
        return {
          line: t('bar', { label: escapeUserText(c.label), count: tally.counts[i], percent: p }),
          filled: p,
          empty: 100 - p,
        };
      })
    : [];
  const stats: Array<{ line: string }> = [];
  if (tally?.mean !== undefined) stats.push({ line: t('mean', { mean: number.format(tally.mean) }) });
  if (tally?.shareTop !== undefined)
    stats.push({ line: t('share', { percent: Math.round(tally.shareTop * 100) }) });
  const comments = (tally?.comments ?? [])
    .slice(0, maxCommentsOnCard)
    .map((c) => ({ text: escapeUserText(c) }));
  const more = (tally?.comments.length ?? 0) - comments.length;
  return renderCard(template, {
    title: `${t('title')}: ${text.t(poll.type === 'satisfaction' ? 'polls.card.titleSatisfaction' : 'polls.card.titleAdhoc')}`,
    subtitle: poll.source
      ? `${escapeUserText(poll.source.title)}, ${formatDate(poll.source.heldAt, locale, zone)}`
      : '',
    question: escapeUserText(questionOf(text, poll)),
    responseLine: audienceSize
      ? t('response', { count: answered, total: audienceSize, percent: percent(answered, audienceSize) })
      : t('responseCount', { count: answered }),
    statusLine:
      poll.status === 'closed'
        ? t('closed', { when: formatWhen(poll.closedAt ?? poll.closesAt, locale, zone) })
        : t('open', { when: formatWhen(poll.closesAt, locale, zone) }),
    withheld: results.withheld,
    withheldText: t(results.untilClosed ? 'untilClosed' : 'withheld', { count: answered }),
    distributionTitle: t('distribution'),
    bars,
    stats,
    showComments: !results.withheld && poll.allowComment,
    commentsTitle: t('comments'),
    comments,
    noComments: t('noComments'),
    moreComments: more > 0 ? t('moreComments', { count: more }) : '',
    anonymityNote: t(poll.anonymous ? 'anonymous' : 'named'),
    exportTitle: t('export'),
    exportUrl: results.withheld ? '' : exportUrl,
    refreshTitle: t('refresh'),
    backTitle: t('back'),
    backVerb: pollsVerbs.list,
    verb: pollsVerbs.results,
    data: { pollId: poll.pollId },
  });
}
