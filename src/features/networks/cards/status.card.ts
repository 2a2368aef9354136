import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import deliveryStatusTemplate from '../../../platform/delivery/cards/broadcast-status.card.json';
import { broadcastStatusCardData } from '../../../platform/delivery/cards/broadcast-status.card';
import type { BroadcastStatus } from '../../../platform/delivery/delivery.port';
import { formatWhen } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/org/organisation';
import type { AnnouncementDoc } from '../networks.announcement.repository';
import { networksVerbs } from '../networks.verbs';
import { networkName, type CardEnv } from './announcement.card';
import confirmTemplate from './confirm-retract.card.json';
import listTemplate from './list.card.json';
import template from './status.card.json';

export interface AnnouncementStatusView {
  doc: AnnouncementDoc;
  delivery?: BroadcastStatus;
  rsvp?: RsvpOverview;
  /** Sent ones: until when they can be retracted or corrected, and whether that is still so. */
  changeableUntil?: Date;
  changeable?: boolean;
}

export interface RsvpOverview {
  capacity: number | null;
  attending: string[];
  waitlist: string[];
}

/** Names shown on one card; beyond this the card would grow past Teams' size limit. */
const MAX_NAMES = 100;

export function headingOf(env: CardEnv, locale: Locale, doc: Pick<AnnouncementDoc, 'meetup' | 'text'>): string {
  if (doc.meetup) return escapeUserText(doc.meetup.title);
  const firstLine = doc.text.split('\n')[0] ?? '';
  return escapeUserText(firstLine.length > 80 ? `${firstLine.slice(0, 79)}…` : firstLine);
}

function stateOf(env: CardEnv, locale: Locale, doc: AnnouncementDoc): string {
  const zone = env.org.data.organisation.timeZone;
  if (doc.status === 'retracted' && doc.retractedAt) return env.i18n.t(locale, 'networks.status.retractedAt', { date: formatWhen(doc.retractedAt, locale, zone) });
  if (doc.status !== 'draft' && doc.sentAt) return env.i18n.t(locale, 'networks.status.sentAt', { date: formatWhen(doc.sentAt, locale, zone) });
  return env.i18n.t(locale, 'networks.status.draft');
}

const nameList = (names: string[]) =>
  names.slice(0, MAX_NAMES).map(escapeUserText).join(', ') + (names.length > MAX_NAMES ? ` (+${names.length - MAX_NAMES})` : '');

function deliveryTexts(env: CardEnv, locale: Locale) {
  const s = (key: string) => env.i18n.t(locale, `networks.status.${key}`);
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
export function renderStatusCard(env: CardEnv, locale: Locale, status: AnnouncementStatusView, notice = ''): AdaptiveCard {
  const { doc, delivery, rsvp, changeableUntil } = status;
  const changeable = status.changeable === true;
  const { i18n } = env;
  const s = (key: string, params?: Record<string, string | number>) => i18n.t(locale, `networks.status.${key}`, params);
  // The delivery engine's own status card (counts, progress, duration), framed by ours.
  const deliveryBody = delivery ? (renderCard(deliveryStatusTemplate, broadcastStatusCardData(delivery, deliveryTexts(env, locale))).body as unknown[]) : [];
  return renderCard(template, {
    t: i18n.tree(locale, 'networks.status'),
    title: s('title', { heading: headingOf(env, locale, doc) }),
    meta: s('meta', { network: networkName(env, doc.networkId, locale), state: stateOf(env, locale, doc) }),
    notice,
    revisionLine: doc.revision > 1 ? s('revision', { revision: doc.revision }) : '',
    // Only a sent one has a window to speak of; a retracted one can no longer be changed anyway.
    windowLine: doc.status === 'sent' && changeableUntil ? windowLine(env, locale, changeable, changeableUntil) : '',
    deliveryBody,
    rsvp: rsvp
      ? {
          show: true,
          counts: rsvp.capacity === null ? s('attending', { count: rsvp.attending.length }) : s('attendingOf', { count: rsvp.attending.length, capacity: rsvp.capacity }),
          waitlistCount: s('waitlist', { count: rsvp.waitlist.length }),
          attendees: rsvp.attending.length ? s('attendees', { names: nameList(rsvp.attending) }) : '',
          waitlisted: rsvp.waitlist.length ? s('waitlisted', { names: nameList(rsvp.waitlist) }) : '',
        }
      : { show: false, counts: '', waitlistCount: '', attendees: '', waitlisted: '' },
    announcementId: doc.id,
    showRetry: changeable && (delivery?.failed ?? 0) > 0,
    showManage: changeable,
  });
}

function windowLine(env: CardEnv, locale: Locale, changeable: boolean, until: Date): string {
  const date = formatWhen(until.toISOString(), locale, env.org.data.organisation.timeZone);
  return env.i18n.t(locale, changeable ? 'networks.status.changeableUntil' : 'networks.status.changeClosed', { date });
}

export function renderConfirmRetractCard(env: CardEnv, locale: Locale, doc: AnnouncementDoc): AdaptiveCard {
  return renderCard(confirmTemplate, { t: env.i18n.tree(locale, 'networks.status'), heading: headingOf(env, locale, doc), announcementId: doc.id });
}

export function renderListCard(env: CardEnv, locale: Locale, docs: AnnouncementDoc[]): AdaptiveCard {
  return renderCard(listTemplate, {
    t: env.i18n.tree(locale, 'networks.list'),
    items: docs.map((d) => ({
      heading: headingOf(env, locale, d),
      meta: env.i18n.t(locale, 'networks.status.meta', { network: networkName(env, d.networkId, locale), state: stateOf(env, locale, d) }),
      open: env.i18n.t(locale, 'networks.list.open'),
      verb: d.status === 'draft' ? networksVerbs.edit : networksVerbs.status,
      announcementId: d.id,
    })),
  });
}
