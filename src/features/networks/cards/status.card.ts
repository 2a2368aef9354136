import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CardText } from '../../../platform/card-text';
import deliveryStatusTemplate from '../../../platform/delivery/cards/broadcast-status.card.json';
import { broadcastStatusCardData } from '../../../platform/delivery/cards/broadcast-status.card';
import { formatWhen } from '../../../platform/i18n/format';
import type { AnnouncementDoc, AnnouncementStatusView } from '../networks.types';
import { networksVerbs } from '../networks.verbs';
import { networkName } from './announcement.card';
import confirmTemplate from './confirm-retract.card.json';
import listTemplate from './list.card.json';
import template from './status.card.json';

/** Names shown on one card; beyond this the card would grow past Teams' size limit. */
const MAX_NAMES = 100;

export function headingOf(doc: Pick<AnnouncementDoc, 'meetup' | 'text'>): string {
  if (doc.meetup) return escapeUserText(doc.meetup.title);
  const firstLine = doc.text.split('\n')[0] ?? '';
  return escapeUserText(firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine);
}

function stateOf(text: CardText, doc: AnnouncementDoc): string {
  const zone = text.timeZone;
  if (doc.status === 'retracted' && doc.retractedAt)
    return text.t('networks.status.retractedAt', { date: formatWhen(doc.retractedAt, text.locale, zone) });
  if (doc.status !== 'draft' && doc.sentAt)
    return text.t('networks.status.sentAt', { date: formatWhen(doc.sentAt, text.locale, zone) });
  return text.t('networks.status.draft');
}

/** Names as a line; someone nobody could name gets the catalogue's neutral word, never an id. */
const nameList = (text: CardText, names: Array<string | undefined>) =>
  names
    .slice(0, MAX_NAMES)
    .map((n) => escapeUserText(text.person(n)))
    .join(', ') + (names.length > MAX_NAMES ? ` (+${names.length - MAX_NAMES})` : '');

function deliveryTexts(text: CardText) {
  const s = (key: string) => text.t(`networks.status.${key}`);
  return {
    title: s('deliveryTitle'),
    inProgress: s('inProgress'),
    finished: s('finished'),
    total: s('total'),
    sent: s('sent'),
    queued: s('queued'),
    failed: s('failed'),
    inactive: s('inactive'),
    duration: s('duration'),
    refresh: s('refresh'),
  };
}

/** Delivery status (sent / failed / inactive) and, for a meetup, who signed up: coordinators only. */
export function renderStatusCard(text: CardText, status: AnnouncementStatusView, notice = ''): AdaptiveCard {
  const { doc, delivery, rsvp, changeableUntil } = status;
  const changeable = status.changeable === true;
  const s = (key: string, params?: Record<string, string | number>) =>
    text.t(`networks.status.${key}`, params);
  // The delivery engine's own status card (counts, progress, duration), framed by ours.
  const deliveryBody = delivery
    ? (renderCard(
        deliveryStatusTemplate,
        broadcastStatusCardData(delivery, deliveryTexts(text), undefined, (k, p) => text.t(k, p)),
      ).body as unknown[])
    : [];
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'networks.status'),
    title: s('title', { heading: headingOf(doc) }),
    meta: s('meta', { network: networkName(text, doc.networkId), state: stateOf(text, doc) }),
    notice,
    revisionLine: doc.revision > 1 ? s('revision', { revision: doc.revision }) : '',
    // Only a sent one has a window to speak of; a retracted one can no longer be changed anyway.
    windowLine: doc.status === 'sent' && changeableUntil ? windowLine(text, changeable, changeableUntil) : '',
    // How many members had paused this network's announcements: a count, never who.
    mutedLine: doc.mutedMembers ? s('muted', { count: doc.mutedMembers }) : '',
    deliveryBody,
    rsvp: rsvp
      ? {
          show: true,
          counts:
            rsvp.capacity === null
              ? s('attending', { count: rsvp.attending.length })
              : s('attendingOf', { count: rsvp.attending.length, capacity: rsvp.capacity }),
          waitlistCount: s('waitlist', { count: rsvp.waitlist.length }),
          attendees: rsvp.attending.length ? s('attendees', { names: nameList(text, rsvp.attending) }) : '',
          waitlisted: rsvp.waitlist.length ? s('waitlisted', { names: nameList(text, rsvp.waitlist) }) : '',
        }
      : { show: false, counts: '', waitlistCount: '', attendees: '', waitlisted: '' },
    announcementId: doc.id,
    showRetry: changeable && (delivery?.failed ?? 0) > 0,
    showManage: changeable,
  });
}

function windowLine(text: CardText, changeable: boolean, until: Date): string {
  const date = formatWhen(until.toISOString(), text.locale, text.timeZone);
  return text.t(changeable ? 'networks.status.changeableUntil' : 'networks.status.changeClosed', { date });
}

export function renderConfirmRetractCard(text: CardText, doc: AnnouncementDoc): AdaptiveCard {
  return renderCard(confirmTemplate, {
    t: text.i18n.tree(text.locale, 'networks.status'),
    heading: headingOf(doc),
    announcementId: doc.id,
  });
}

export function renderListCard(text: CardText, docs: AnnouncementDoc[]): AdaptiveCard {
  return renderCard(listTemplate, {
    t: text.i18n.tree(text.locale, 'networks.list'),
    items: docs.map((d) => ({
      heading: headingOf(d),
      meta: text.t('networks.status.meta', {
        network: networkName(text, d.networkId),
        state: stateOf(text, d),
      }),
      open: text.t('networks.list.open'),
      verb: d.status === 'draft' ? networksVerbs.edit : networksVerbs.status,
      announcementId: d.id,
    })),
  });
}
