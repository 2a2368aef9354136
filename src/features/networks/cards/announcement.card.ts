import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { I18n } from '../../../platform/i18n/i18n';
import { formatWhen } from '../../../platform/i18n/format';
import type { Locale, Organisation } from '../../../platform/org/organisation';
import type { SignupStatus } from '../../../platform/signups';
import type { AnnouncementDoc } from '../networks.announcement.repository';
import template from './announcement.card.json';
import previewTemplate from './preview.card.json';
import noticeTemplate from './notice.card.json';

export interface CardEnv {
  i18n: I18n;
  org: Organisation;
}

/** member: a copy in a member's 1:1 chat; channel: the post in the network's channel; preview: for the coordinator. */
export type Audience = 'member' | 'channel' | 'preview';

export type CardAnnouncement = Pick<AnnouncementDoc, 'id' | 'networkId' | 'kind' | 'text' | 'link' | 'meetup' | 'revision'>;

/** What one person sees after pressing a button (the invoke response replaces only their copy). */
export interface PersonalView {
  note?: string;
  rsvp?: SignupStatus;
  /** After leaving: no more snooze/leave buttons. */
  left?: boolean;
}

export const networkName = (env: CardEnv, networkId: string, locale: Locale) =>
  env.org.text(env.org.data.networks.find((n) => n.id === networkId)?.name, locale) || networkId;

/**
 * The announcement as members read it. Everything the coordinator typed is escaped (no hidden links,
 * no mentions); a link is only ever shown as visible text plus an explicit "Open link" button.
 */
export function renderAnnouncementCard(env: CardEnv, locale: Locale, a: CardAnnouncement, audience: Audience, personal: PersonalView = {}): AdaptiveCard {
  const { i18n, org } = env;
  const network = networkName(env, a.networkId, locale);
  const meetup = a.meetup;
  const canRsvp = !!meetup?.rsvp && audience !== 'preview';
  const state = personal.rsvp?.state;
  return renderCard(template, {
    t: i18n.tree(locale, 'networks.card'),
    eyebrow: i18n.t(locale, meetup ? 'networks.card.fromMeetup' : 'networks.card.fromPlain', { network }),
    heading: meetup ? escapeUserText(meetup.title) : i18n.t(locale, 'networks.card.headingPlain', { network }),
    note: personal.note ?? '',
    text: escapeUserText(a.text),
    isMeetup: !!meetup,
    when: meetup ? formatWhen(meetup.startsAt, locale, org.data.organisation.timeZone) : '',
    place: meetup ? escapeUserText(meetup.place) : '',
    seats: meetup?.rsvp ? (meetup.capacity === null ? i18n.t(locale, 'networks.card.unlimited') : String(meetup.capacity)) : '',
    link: a.link ?? '',
    linkLine: a.link ? i18n.t(locale, 'networks.card.linkLine', { url: escapeUserText(a.link) }) : '',
    rsvpLine: rsvpLine(env, locale, personal.rsvp),
    corrected: a.revision > 1,
    footer: audience === 'member' ? i18n.t(locale, 'networks.card.footerMember', { network }) : '',
    announcementId: a.id,
    networkId: a.networkId,
    showRsvp: canRsvp && (state === undefined || state === 'none'),
    showCancelRsvp: canRsvp && (state === undefined || state !== 'none'),
    showMemberActions: audience === 'member' && !personal.left,
  });
}

function rsvpLine(env: CardEnv, locale: Locale, status: SignupStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'attending') return env.i18n.t(locale, 'networks.card.rsvpAttending');
  if (status.state === 'waitlisted') return env.i18n.t(locale, 'networks.card.rsvpWaitlisted', { position: status.position });
  return env.i18n.t(locale, 'networks.card.rsvpNone');
}

export function renderRetractedCard(env: CardEnv, locale: Locale, networkId: string): AdaptiveCard {
  return renderCard(noticeTemplate, {
    title: env.i18n.t(locale, 'networks.card.retractedTitle'),
    text: env.i18n.t(locale, 'networks.card.retractedText', { network: networkName(env, networkId, locale) }),
  });
}

/** The coordinator's preview: the members' card inside a frame, with Send / Edit. */
export function renderPreviewCard(
  env: CardEnv,
  locale: Locale,
  a: CardAnnouncement & { toMembers: boolean; toChannel: boolean },
  audience: { members: number; snoozed: number },
): AdaptiveCard {
  const { i18n } = env;
  const inner = renderAnnouncementCard(env, locale, a, 'preview');
  const count = a.toMembers ? audience.members : 0;
  const sendKey = a.toMembers && a.toChannel ? 'sendBoth' : a.toMembers ? 'sendMembers' : 'sendChannel';
  const innerActions = (inner.actions as unknown[] | undefined) ?? [];
  return renderCard(previewTemplate, {
    t: i18n.tree(locale, 'networks.preview'),
    innerBody: [...(inner.body as unknown[]), ...(innerActions.length ? [{ type: 'ActionSet', actions: innerActions }] : [])],
    snoozedLine: a.toMembers && audience.snoozed > 0 ? i18n.t(locale, 'networks.preview.snoozed', { count: audience.snoozed }) : '',
    sendTitle: i18n.t(locale, `networks.preview.${sendKey}`, { count }),
    announcementId: a.id,
  });
}
