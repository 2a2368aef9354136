import type { AnnouncementDoc } from './announcement.repository';

const DAY_MS = 86_400_000;

/**
 * Until when coordinators can retract or correct a sent announcement: `changeDays` after sending, or
 * for a meetup until a day after it starts, whichever is later. The delivery engine keeps who
 * received it only that long (plus a day), because that list is the network's membership.
 */
export function changeableUntil(doc: Pick<AnnouncementDoc, 'meetup'>, sentAt: string | Date, changeDays: number): Date {
  const afterSending = new Date(sentAt).getTime() + changeDays * DAY_MS;
  const afterMeetup = doc.meetup ? Date.parse(doc.meetup.startsAt) + DAY_MS : 0;
  return new Date(Math.max(afterSending, afterMeetup));
}
