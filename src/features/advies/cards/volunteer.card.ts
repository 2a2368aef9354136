import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import type { SignupStatus } from '../../../platform/signups';
import { gradeFact } from '../advies.format';
import type { AdviesRequest } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './volunteer.card.json';

export interface VolunteerView {
  request: AdviesRequest;
  seats: { attending: number; capacity: number | null };
  /** The clicker's place; absent on the card as it goes out. */
  status?: SignupStatus;
  /** Set when the clicker wanted a seat and the last one had just gone. */
  lostRace?: boolean;
}

/** "Wie doet mee?" to the kernteam (and for W&S the W&S panel); the answer is the clicker's own view. */
export function renderVolunteerCard(text: CardText, view: VolunteerView): AdaptiveCard {
  const r = view.request;
  const t = (key: string, params: Record<string, string | number> = {}) => text.t(`advies.${key}`, params);
  const facts = [
    { label: t('field.kind'), value: t(`kind.${r.kind}`) },
    { label: t('field.cluster'), value: text.local(text.org.cluster(r.clusterId)?.name) || r.clusterId },
    { label: t('field.deadline'), value: formatDate(r.deadline, text.locale, text.timeZone) },
    ...(r.ws
      ? [
          { label: t('field.vacancy'), value: escapeUserText(r.ws.vacancy) },
          ...gradeFact(text, r.ws),
          { label: t('field.roundDates'), value: escapeUserText(r.ws.roundDates) },
        ]
      : []),
    {
      label: t('field.joined'),
      value:
        view.seats.capacity === null
          ? t('seats.count', { count: view.seats.attending })
          : t('seats.ofCapacity', { count: view.seats.attending, capacity: view.seats.capacity }),
    },
  ];
  const full = view.seats.capacity !== null && view.seats.attending >= view.seats.capacity;
  const s = view.status;
  const status =
    s?.state === 'attending'
      ? t('volunteer.joined')
      : s?.state === 'waitlisted'
        ? t(view.lostRace ? 'volunteer.lostRace' : 'volunteer.reserve', { position: s.position })
        : full
          ? t('volunteer.full')
          : '';
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.volunteer'),
    requestId: r.id,
    verb: adviesVerbs.volunteer,
    subject: `${r.code} · ${escapeUserText(r.subject)}`,
    facts,
    ask: escapeUserText(r.ask),
    link: r.link ? `${t('field.link')}: ${escapeUserText(r.link)}` : '',
    status,
    statusColor: s?.state === 'attending' ? 'Default' : 'Attention',
    canJoin: !s || s.state === 'none',
    canWithdraw: s?.state === 'attending' || s?.state === 'waitlisted',
    withdrawVerb: adviesVerbs.withdraw,
    joinTitle: t(full ? 'volunteer.joinReserve' : 'volunteer.join'),
  });
}
