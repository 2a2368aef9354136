import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { AdviesRequest } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './notice.card.json';

/** Every proactive message of this feature except "wie doet mee?". */
export type NoticeKind =
  | 'received'
  | 'newRequest'
  | 'accepted'
  | 'taken'
  | 'declined'
  | 'question'
  | 'answered'
  | 'deadlineMoved'
  | 'joined'
  | 'left'
  | 'advice'
  | 'unsolicited'
  | 'followUpAsked'
  | 'followedUp';

export interface NoticeData {
  request: AdviesRequest;
  /** Names for `joined` (consenting volunteers only) and `accepted` (who takes it). */
  names?: string[];
  seats?: { attending: number; capacity: number | null };
}

/** Which user text each notice shows (escaped): the receiver needs it to act on the message. */
function sections(kind: NoticeKind, r: AdviesRequest): Array<[string, string | undefined]> {
  switch (kind) {
    case 'newRequest':
      return [['field.ask', r.ask]];
    case 'taken':
      return [['field.ask', r.ask]];
    case 'declined':
      return [['field.declineReason', r.declineReason]];
    case 'question':
      return [['field.question', r.question]];
    case 'answered':
      return [['field.answer', r.answer]];
    case 'advice':
    case 'unsolicited':
      return [['field.advice', r.advice?.summary]];
    default:
      return [];
  }
}

export function renderNoticeCard(text: CardText, kind: NoticeKind, data: NoticeData): AdaptiveCard {
  const r = data.request;
  const t = (key: string, params: Record<string, string | number> = {}) => text.t(`advies.${key}`, params);
  const params = {
    code: r.code,
    deadline: formatDate(r.deadline, text.locale, text.timeZone),
    names: (data.names ?? []).map((n) => escapeUserText(n)).join(', '),
    count: data.seats?.attending ?? 0,
    capacity: data.seats?.capacity ?? 0,
    kind: t(`kind.${r.kind}`),
  };
  const lines = [t(`notice.${kind}.text`, params)];
  if (kind === 'joined' && params.names) lines.push(t('notice.joined.names', params));
  const links = [
    ...(kind === 'newRequest' && r.link ? [{ label: t('field.link'), url: escapeUserText(r.link) }] : []),
    ...((kind === 'advice' || kind === 'unsolicited') && r.advice?.link
      ? [{ label: t('field.adviceLink'), url: escapeUserText(r.advice.link) }]
      : []),
  ];
  return renderCard(template, {
    kicker: t(r.unsolicitedBy ? 'request.kickerUnsolicited' : 'request.kicker', { code: r.code }),
    title: t(`notice.${kind}.title`, params),
    subject: escapeUserText(r.subject),
    lines,
    sections: sections(kind, r)
      .filter(([, v]) => !!v)
      .map(([label, value]) => ({ label: t(label), value: escapeUserText(value!) })),
    links,
    button: kind === 'unsolicited' ? '' : t('notice.open'),
    verb: adviesVerbs.view,
    requestId: r.id,
  });
}
