import type { AnnouncementDeps } from './announcement.service';
import type { AnnouncementDoc } from './announcement.repository';
import type { CopyRenderer } from './announcement-audience';
import { changeableUntil } from './announcement-window';
import { renderAnnouncementCard, renderRetractedCard } from './cards/announcement.card';

/** Until when coordinators can change a sent announcement, and delivery keeps who received it. */
export function keepUntilOf(d: Pick<AnnouncementDeps, 'org'>, doc: AnnouncementDoc, sentAt: string | Date = doc.sentAt ?? doc.updatedAt): Date {
  return changeableUntil(doc, sentAt, d.org.settings.networkAnnouncementChangeDays);
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
  await d.delivery.enqueueUpdate(doc.id, retracted ? 'retract' : `rev-${doc.revision}`, activityFor, { keepUntil: retracted ? undefined : keepUntilOf(d, doc) });
}
