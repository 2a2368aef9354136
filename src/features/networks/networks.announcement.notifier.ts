import type { AnnouncementDeps } from './networks.announcement.service';
import type { AnnouncementDoc } from './networks.announcement.repository';
import type { CopyRenderer } from './networks.announcement-audience.service';
import { renderAnnouncementCard, renderRetractedCard } from './cards/announcement.card';

const DAY_MS = 86_400_000;

/**
 * Until when coordinators can retract or correct a sent announcement: `networkAnnouncementChangeDays`
 * after sending, or for a meetup until a day after it starts, whichever is later. The delivery engine
 * keeps who received it only that long (plus a day), because that list is the network's membership.
 */
export function changeableUntil(d: Pick<AnnouncementDeps, 'org'>, doc: AnnouncementDoc, sentAt: string | Date = doc.sentAt ?? doc.updatedAt): Date {
  const afterSending = new Date(sentAt).getTime() + d.org.settings.networkAnnouncementChangeDays * DAY_MS;
  const afterMeetup = doc.meetup ? Date.parse(doc.meetup.startsAt) + DAY_MS : 0;
  return new Date(Math.max(afterSending, afterMeetup));
}

/**
 * Brings every delivered copy to the announcement's current state: its latest revision (update id
 * `rev-<n>`) or "ingetrokken" (update id `retract`). Update ids make a repeat harmless. Before the
 * delivery job has enqueued anything there is nothing to update: that job sends the current state.
 */
export async function syncCopies(d: AnnouncementDeps, doc: AnnouncementDoc): Promise<void> {
  if (!(await d.delivery.status(doc.id))) return;
  const retracted = doc.status === 'retracted';
  const render: CopyRenderer = retracted
    ? (locale) => renderRetractedCard(d.env, locale, doc.networkId)
    : (locale, audience) => renderAnnouncementCard(d.env, locale, doc, audience);
  const sent = await d.delivery.sentMessages(doc.id);
  const activityFor = await d.audience.updater(doc, sent.map((s) => s.key), render);
  // A meetup moved later stays correctable (and its copies known) until after the new date.
  await d.delivery.enqueueUpdate(doc.id, retracted ? 'retract' : `rev-${doc.revision}`, activityFor, { keepUntil: retracted ? undefined : changeableUntil(d, doc) });
}
