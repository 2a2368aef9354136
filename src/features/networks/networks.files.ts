import { calendarFile } from '../../platform/calendar/calendar-file';
import type { DownloadFile } from '../../platform/downloads';
import type { SignupService } from '../../platform/signups';
import { meetupListId, type AnnouncementRepository } from './networks.announcement.repository';

/**
 * A meetup's calendar file, for someone with a seat or a waitlist place. The link carries who it was
 * made for; this checks again, because a link may be old or forwarded.
 */
export class MeetupFiles {
  constructor(
    private readonly repo: AnnouncementRepository,
    private readonly signups: SignupService,
  ) {}

  async ics(announcementId: string, subject: string): Promise<DownloadFile | undefined> {
    const doc = await this.repo.get(announcementId);
    if (!doc?.meetup || doc.status === 'draft') return undefined;
    if ((await this.signups.status(meetupListId(doc.id), subject)).state === 'none') return undefined;
    return calendarFile({
      uid: `${doc.id}@panelbot`,
      sequence: doc.revision,
      startsAt: doc.meetup.startsAt,
      title: doc.meetup.title,
      description: [doc.text, doc.link].filter(Boolean).join('\n\n'),
      location: doc.meetup.place,
      url: doc.link,
      cancelled: doc.status === 'retracted',
      productId: 'panelbot/networks',
      filename: `bijeenkomst-${doc.id}.ics`,
    });
  }
}
