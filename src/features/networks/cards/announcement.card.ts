import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CardText } from '../../../platform/card-text';
import { formatWhen } from '../../../platform/i18n/format';
import type { SignupStatus } from '../../../platform/signups';
import type { AnnouncementDoc } from '../networks.types';
import template from './announcement.card.json';
import previewTemplate from './preview.card.json';
import noticeTemplate from './notice.card.json';

/** member: a copy in a member's 1:1 chat; channel: the post in the network's channel; preview: for the coordinator. */
export type Audience = 'member' | 'channel' | 'preview';

export type CardAnnouncement = Pick<
  AnnouncementDoc,
  'id' | 'networkId' | 'kind' | 'text' | 'link' | 'meetup' | 'revision'
>;

/** What one person sees after pressing a button (the invoke response replaces only their copy). */
export interface PersonalView {
  note?: string;
  rsvp?: SignupStatus;
  /** After leaving: no more snooze/leave buttons. */
  left?: boolean;
  /** The person's calendar file, while they hold a seat. */
  icsUrl?: string;
}

export const networkName = (text: CardText, networkId: string) =>
  text.local(text.org.network(networkId)?.name) || networkId;

/**
 * The announcement as members read it. Everything the coordinator typed is escaped (no hidden links,
 * no mentions); a link is only ever shown as visible text plus an explicit "Open link" button.
 */
export function renderAnnouncementCard(
  text: CardText,
  a: CardAnnouncement,
  audience: Audience,
  personal: PersonalView = {},
): AdaptiveCard {
  const network = networkName(text, a.networkId);
  const meetup = a.meetup;
  const canRsvp = !!meetup?.rsvp && audience !== 'preview';
  const state = personal.rsvp?.state;
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'networks.card'),
    eyebrow: text.t(meetup ? 'networks.card.fromMeetup' : 'networks.card.fromPlain', { network }),
    heading: meetup ? escapeUserText(meetup.title) : text.t('networks.card.headingPlain', { network }),
    note: personal.note ?? '',
    text: escapeUserText(a.text),
    isMeetup: !!meetup,
    when: meetup ? formatWhen(meetup.startsAt, text.locale, text.timeZone) : '',
    place: meetup ? escapeUserText(meetup.place) : '',
    seats: meetup?.rsvp
      ? meetup.capacity === null
        ? text.t('networks.card.unlimited')
        : String(meetup.capacity)
      : '',
    link: a.link ?? '',
    linkLine: a.link ? text.t('networks.card.linkLine', { url: escapeUserText(a.link) }) : '',
    rsvpLine: rsvpLine(text, personal.rsvp),
    corrected: a.revision > 1,
    footer: audience === 'member' ? text.t('networks.card.footerMember', { network }) : '',
    announcementId: a.id,
    networkId: a.networkId,
    // A copy is sent before anyone answered: unknown means not signed up. Only what applies is offered.
    showRsvp: canRsvp && (state === undefined || state === 'none'),
    showCancelRsvp: canRsvp && (state === 'attending' || state === 'waitlisted'),
    icsUrl: canRsvp && state === 'attending' ? (personal.icsUrl ?? '') : '',
    showMemberActions: audience === 'member' && !personal.left,
  });
}

function rsvpLine(text: CardText, status: SignupStatus | undefined): string {
  if (!status) return '';
  if (status.state === 'attending') return text.t('networks.card.rsvpAttending');
  if (status.state === 'waitlisted')
    return text.t('networks.card.rsvpWaitlisted', { position: status.position });
  return text.t('networks.card.rsvpNone');
}

export function renderRetractedCard(text: CardText, networkId: string): AdaptiveCard {
  return renderCard(noticeTemplate, {
    title: text.t('networks.card.retractedTitle'),
    text: text.t('networks.card.retractedText', { network: networkName(text, networkId) }),
  });
}

/** The coordinator's preview: the members' card inside a frame, with Send / Edit. */
export function renderPreviewCard(
  text: CardText,
  a: CardAnnouncement & { toMembers: boolean; toChannel: boolean },
  audience: { members: number; snoozed: number },
): AdaptiveCard {
  const inner = renderAnnouncementCard(text, a, 'preview');
  const count = a.toMembers ? audience.members : 0;
  const sendKey = a.toMembers && a.toChannel ? 'sendBoth' : a.toMembers ? 'sendMembers' : 'sendChannel';
  const innerActions = (inner.actions as unknown[] | undefined) ?? [];
  return renderCard(previewTemplate, {
    t: text.i18n.tree(text.locale, 'networks.preview'),
    innerBody: [
      ...(inner.body as unknown[]),
      ...(innerActions.length ? [{ type: 'ActionSet', actions: innerActions }] : []),
    ],
    snoozedLine:
      a.toMembers && audience.snoozed > 0
        ? text.t('networks.preview.snoozed', { count: audience.snoozed })
        : '',
    sendTitle: text.t(`networks.preview.${sendKey}`, { count }),
    announcementId: a.id,
  });
}
