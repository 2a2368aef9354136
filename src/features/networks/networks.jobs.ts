import { z } from 'zod';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { AnnouncementDeps } from './networks.announcement.service';
import { changeableUntil, syncCopies } from './networks.announcement.notifier';
import { renderAnnouncementCard } from './cards/announcement.card';

/**
 * Sending an announcement is a durable job, not part of the coordinator's click: writing 12,000 outbox
 * items can take longer than Teams waits for a card action (about five seconds) on Cosmos DB, and a
 * job survives a crash and is retried. Enqueueing is idempotent (broadcast id = announcement id).
 */
export const announcementDeliveryJob = 'networks.announcementDelivery';
export const announcementDeliveryJobId = (announcementId: string) => `${announcementDeliveryJob}.${announcementId}`;

const payloadSchema = z.object({ announcementId: z.string().min(1), sentBy: z.string().min(1) });
export type AnnouncementDeliveryPayload = z.infer<typeof payloadSchema>;

export const announcementPurpose = 'networks.announcement';

export function registerAnnouncementDelivery(scheduler: Pick<Scheduler, 'on'>, d: AnnouncementDeps): void {
  scheduler.on(announcementDeliveryJob, payloadSchema, async (payload) => {
    const doc = await d.repo.get(payload.announcementId);
    // Retracted before it went out: nothing to send. Members are read now, content is the latest.
    if (!doc || doc.status === 'retracted') return;
    const recipients = await d.audience.recipients(doc, (locale, audience) => renderAnnouncementCard(d.env, locale, doc, audience));
    if (recipients.length === 0) return;
    await d.delivery.enqueue({
      broadcastId: doc.id,
      purpose: announcementPurpose,
      createdBy: payload.sentBy,
      recipients,
      keepUntil: changeableUntil(d, doc, doc.sentAt ?? d.clock.now()),
    });
    d.logger.info({ announcementId: doc.id, recipients: recipients.length }, 'network announcement enqueued');
    // Corrected or retracted while this job was writing: items written after that change carry
    // the content read above, so bring every copy to the current state.
    const latest = await d.repo.get(doc.id);
    if (latest && (latest.revision !== doc.revision || latest.status === 'retracted')) await syncCopies(d, latest);
  });
}
