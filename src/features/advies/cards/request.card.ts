import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatDate } from '../../../platform/i18n/format';
import { gradeFact } from '../advies.format';
import { followUpOutcomes, type AdviesRequest } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './request.card.json';

/** What the viewer may do here; worked out by the service (the server checks again on the click). */
export interface RequestCan {
  triage: boolean;
  deadline: boolean;
  answer: boolean;
  advise: boolean;
  followUp: boolean;
  queue: boolean;
}

export interface RequestView {
  request: AdviesRequest;
  can: RequestCan;
  overdue: boolean;
  /** Names by role on this request; only those the viewer may see are given. */
  requesterName?: string;
  takenByName?: string;
  /** Volunteers who agreed to have their name shared (W&S and meetings, for the requester and the panel). */
  joinedNames?: string[];
  seats?: { attending: number; capacity: number | null };
  kernteam: Array<{ id: string; name: string }>;
  banner?: string;
}

const fact = (label: string, value: string) => ({ label, value });
const section = (label: string, value: string | undefined) =>
  value ? [{ label, value: escapeUserText(value) }] : [];

/** The whole request as the requester, the programmateam or the kernteamlid who took it sees it. */
export function renderRequestCard(text: CardText, view: RequestView): AdaptiveCard {
  const r = view.request;
  const t = (key: string, params: Record<string, string | number> = {}) => text.t(`advies.${key}`, params);
  const date = (iso: string) => formatDate(iso, text.locale, text.timeZone);
  const facts = [
    fact(t('field.kind'), t(`kind.${r.kind}`)),
    fact(t('field.cluster'), text.local(text.org.cluster(r.clusterId)?.name) || r.clusterId),
    fact(t('field.deadline'), date(r.deadline)),
    fact(t('field.status'), t(`status.${r.status}`)),
  ];
  if (view.requesterName !== undefined)
    facts.push(
      fact(
        t(r.unsolicitedBy ? 'field.addressee' : 'field.requester'),
        escapeUserText(text.person(view.requesterName)),
      ),
    );
  if (r.takenBy && view.takenByName !== undefined)
    facts.push(fact(t('field.takenBy'), escapeUserText(text.person(view.takenByName))));
  if (r.ws) {
    facts.push(
      fact(t('field.vacancy'), escapeUserText(r.ws.vacancy)),
      ...gradeFact(text, r.ws),
      fact(t('field.roundDates'), escapeUserText(r.ws.roundDates)),
    );
  }
  if (view.seats)
    facts.push(
      fact(
        t('field.joined'),
        view.seats.capacity === null
          ? t('seats.count', { count: view.seats.attending })
          : t('seats.ofCapacity', { count: view.seats.attending, capacity: view.seats.capacity }),
      ),
    );
  if (view.joinedNames?.length)
    facts.push(fact(t('field.names'), view.joinedNames.map((n) => escapeUserText(n)).join(', ')));
  const links = [
    ...(r.link ? [{ label: t('field.link'), url: escapeUserText(r.link) }] : []),
    ...(r.advice?.link ? [{ label: t('field.adviceLink'), url: escapeUserText(r.advice.link) }] : []),
  ];
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.request'),
    verbs: adviesVerbs,
    requestId: r.id,
    kicker: t(r.unsolicitedBy ? 'request.kickerUnsolicited' : 'request.kicker', { code: r.code }),
    subject: escapeUserText(r.subject),
    banner: view.banner ?? '',
    overdue: view.overdue ? t('request.overdue') : '',
    facts,
    sections: [
      ...section(t('field.ask'), r.unsolicitedBy ? undefined : r.ask),
      ...section(t('field.declineReason'), r.declineReason),
      ...section(t('field.question'), r.question),
      ...section(t('field.answer'), r.answer),
      ...section(t('field.advice'), r.advice?.summary),
      ...section(
        t('field.followUp'),
        r.followUp && `${t(`outcome.${r.followUp.outcome}`)}: ${r.followUp.line}`,
      ),
    ],
    links,
    can: view.can,
    kernteam: view.kernteam.map((k) => ({ title: text.person(k.name), value: k.id })),
    outcomes: followUpOutcomes.map((o) => ({ title: t(`outcome.${o}`), value: o })),
  });
}
