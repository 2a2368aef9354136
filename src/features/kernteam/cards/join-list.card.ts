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
    requests: requests.map((r) => ({
      heading: t('line', {
        name: escapeUserText(text.person(names.get(r.userId))),
        role: t(`roles.${r.role}`),
        date: formatDate(r.createdAt, text.locale, text.timeZone),
      }),
      motivation: escapeUserText(r.motivation ?? ''),
      acceptTitle: t('accept'),
      declineTitle: t('decline'),
      accept: { requestId: r.requestId, answer: 'accept' },
      decline: { requestId: r.requestId, answer: 'decline' },
    })),
  });
}
