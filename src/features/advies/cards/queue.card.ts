import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { AdviesRequest } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './queue.card.json';

export interface QueueItem {
  request: AdviesRequest;
  overdue: boolean;
}

/**
 * The programmateam's queue of requests still with the panel (`mode: 'queue'`), or a requester's own
 * requests (`mode: 'mine'`). Overdue ones are flagged on the line and counted at the top.
 */
export function renderQueueCard(
  text: CardText,
  data: { mode: 'queue' | 'mine'; items: QueueItem[] },
): AdaptiveCard {
  const t = (key: string, params: Record<string, string | number> = {}) =>
    text.t(`advies.queue.${key}`, params);
  const overdue = data.items.filter((i) => i.overdue).length;
  const buttons =
    data.mode === 'queue'
      ? [
          { title: t('unsolicited'), verb: adviesVerbs.unsolicitedForm },
          { title: t('figures'), verb: adviesVerbs.figures },
        ]
      : [{ title: t('newRequest'), verb: adviesVerbs.newForm }];
  return renderCard(template, {
    title: t(data.mode === 'queue' ? 'title' : 'mineTitle'),
    empty: t(data.mode === 'queue' ? 'empty' : 'mineEmpty'),
    overdueLine: overdue && data.mode === 'queue' ? t('overdueCount', { count: overdue }) : '',
    viewVerb: adviesVerbs.view,
    items: data.items.map(({ request: r, overdue: late }) => ({
      id: r.id,
      line: `${r.code} · ${escapeUserText(r.subject)}`,
      meta: t('meta', {
        kind: text.t(`advies.kind.${r.kind}`),
        status: text.t(`advies.status.${r.status}`),
        deadline: formatDate(r.deadline, text.locale, text.timeZone),
      }),
      flag: late ? t('overdue') : '',
      // Each button names its request, so a screen reader's list of buttons says which is which.
      openTitle: t('open', { code: r.code }),
    })),
    buttons,
  });
}
