import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import type { Poll } from '../polls.types';
import { pollsVerbs } from '../polls.verbs';
import { questionOf } from './poll.card';
import listTemplate from './list.card.json';

function pollTitle(text: CardText, poll: Poll): string {
  return escapeUserText(poll.source ? `${poll.source.title}` : questionOf(text, poll));
}

/** `peilingen`: the polls this person may see results of, each with a results button. */
export function renderListCard(
  text: CardText,
  polls: Array<{ poll: Poll; answered: number }>,
  options: { canCreate: boolean; notice?: string },
): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => text.t(`polls.list.${key}`, params);
  const openUntil = (poll: Poll) =>
    t('open', { when: formatWhen(poll.closesAt, text.locale, text.timeZone) });
  return renderCard(listTemplate, {
    t: text.i18n.tree(text.locale, 'polls.list'),
    notice: options.notice ?? '',
    polls: polls.map(({ poll, answered }) => ({
      title: pollTitle(text, poll),
      status: t('status', {
        status: poll.status === 'closed' ? t('closed') : openUntil(poll),
        count: answered,
      }),
      button: t('results'),
      verb: pollsVerbs.results,
      data: { pollId: poll.pollId },
    })),
    canCreate: options.canCreate,
    newVerb: pollsVerbs.createForm,
  });
}
