import { localToUtc } from '../../platform/i18n/format';
import type { Organisation } from '../../platform/org/organisation';
import { networksErrors } from './networks.errors';
import type { CorrectionForm } from './networks.schemas';
import type { AnnouncementContent, AnnouncementDoc } from './networks.types';

type ContentInput = Pick<
  CorrectionForm,
  'kind' | 'text' | 'link' | 'title' | 'date' | 'time' | 'place' | 'capacity' | 'rsvp'
>;

const DAY_MS = 86_400_000;

/**
 * Validated form values → stored content. The meetup's local date and time become UTC in the
 * organisation's zone; a meetup must lie in the future.
 */
export function contentFrom(input: ContentInput, zone: string, now: Date): AnnouncementContent {
  const base = { kind: input.kind, text: input.text, ...(input.link ? { link: input.link } : {}) };
  if (input.kind === 'plain') return base;
  if (!input.title || !input.date || !input.time || !input.place) throw networksErrors.badDateTime();
  const startsAt = localToUtc(input.date, input.time, zone);
  if (!startsAt) throw networksErrors.badDateTime();
  if (startsAt <= now.toISOString()) throw networksErrors.meetupInPast();
  return {
    ...base,
    meetup: {
      title: input.title,
      startsAt,
      place: input.place,
      capacity: input.capacity ?? null,
      rsvp: input.rsvp,
    },
  };
}

/** Same content? (a retried correction must not count as a new one). */
export function sameContent(a: AnnouncementContent, b: AnnouncementContent): boolean {
  const pick = (c: AnnouncementContent) => JSON.stringify([c.kind, c.text, c.link ?? null, c.meetup ?? null]);
  return pick(a) === pick(b);
}

/**
 * Until when coordinators can retract or correct a sent announcement: `networkAnnouncementChangeDays`
 * after sending, or for a meetup until a day after it starts, whichever is later. The delivery engine
 * keeps who received it only that long (plus a day), because that list is the network's membership.
 */
export function changeableUntil(
  org: Pick<Organisation, 'settings'>,
  doc: AnnouncementDoc,
  sentAt: string | Date = doc.sentAt ?? doc.updatedAt,
): Date {
  const afterSending = new Date(sentAt).getTime() + org.settings.networkAnnouncementChangeDays * DAY_MS;
  const afterMeetup = doc.meetup ? Date.parse(doc.meetup.startsAt) + DAY_MS : 0;
  return new Date(Math.max(afterSending, afterMeetup));
}
