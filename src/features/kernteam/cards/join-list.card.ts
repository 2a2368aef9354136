import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { JoinRequest } from '../kernteam.types';
import template from './join-list.card.json';

/** The programmateam's list of open meedoen requests, each with accept and decline. */
export function renderJoinListCard(
  text: CardText,
  requests: JoinRequest[],
  names: ReadonlyMap<string, string>,
  notice = '',
): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) => text.t(`kernteam.join.${key}`, params);
  return renderCard(template, {
    title: t('listTitle', { count: requests.length }),
    notice,
    empty: t('listEmpty'),
    requests: requests.map((r) => {
      const name = text.person(names.get(r.userId));
      return {
        heading: t('line', {
          name: escapeUserText(name),
          role: t(`roles.${r.role}`),
          date: formatDate(r.createdAt, text.locale, text.timeZone),
        }),
        motivation: escapeUserText(r.motivation ?? ''),
        // Each pair of buttons names the person it is about (button titles are plain text, not markdown).
        acceptTitle: t('accept', { name }),
        declineTitle: t('decline', { name }),
        accept: { requestId: r.requestId, answer: 'accept' },
        decline: { requestId: r.requestId, answer: 'decline' },
      };
    }),
  });
}
