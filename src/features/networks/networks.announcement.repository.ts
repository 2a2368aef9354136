import { days } from '../../platform/clock';
import type { SignupSettings } from '../../platform/signups';
import { containers, type DocumentStore } from '../../storage/document-store.port';
import { isConcurrencyError } from '../../storage/store-errors';
import type { AnnouncementDoc, MeetupDetails } from './networks.types';

/**
 * Announcements in container `networks`, pk = ':announcements' (':' never occurs in a network id, so
 * this partition cannot collide with a network's member partition), id = announcement id. The doc
 * holds no membership. Unsent drafts expire after {@link DRAFT_TTL_SECONDS}.
 */
const PK = ':announcements';
export const DRAFT_TTL_SECONDS = 30 * 86_400;
export const meetupListId = (announcementId: string) => `networks.meetup:${announcementId}`;

/** How long after a meetup its sign-up list (seats and the names kept with them) is kept. */
export const MEETUP_LIST_KEEP_DAYS = 90;

/** The shared sign-up list's settings for a meetup: seats, sign-up until it starts, kept 90 days after. */
export function meetupListSettings(meetup: Pick<MeetupDetails, 'capacity' | 'startsAt'>): SignupSettings {
  const keepUntil = new Date(Date.parse(meetup.startsAt) + days(MEETUP_LIST_KEEP_DAYS)).toISOString();
  return { capacity: meetup.capacity, deadline: meetup.startsAt, keepUntil };
}

export class AnnouncementRepository {
  constructor(private readonly store: DocumentStore) {}

  async get(id: string): Promise<AnnouncementDoc | undefined> {
    return (await this.store.get<AnnouncementDoc>(containers.networks, PK, id))?.data;
  }

  async create(doc: AnnouncementDoc): Promise<void> {
    await this.store.create(containers.networks, {
      pk: PK,
      id: doc.id,
      data: doc,
      ttlSeconds: DRAFT_TTL_SECONDS,
    });
  }

  /**
   * Etag-guarded read-modify-write; `change` returns the new doc or undefined to leave it. Drafts keep
   * their expiry, anything sent is kept. Returns the doc as stored afterwards.
   */
  async update(
    id: string,
    change: (doc: AnnouncementDoc) => AnnouncementDoc | undefined,
  ): Promise<AnnouncementDoc | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.store.get<AnnouncementDoc>(containers.networks, PK, id);
      if (!current) return undefined;
      const next = change(structuredClone(current.data));
      if (!next) return current.data;
      try {
        const ttlSeconds = next.status === 'draft' ? DRAFT_TTL_SECONDS : undefined;
        await this.store.replace(containers.networks, { pk: PK, id, data: next, ttlSeconds }, current.etag);
        return next;
      } catch (err) {
        if (!isConcurrencyError(err) || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }

  /** Most recent first, for the coordinator's list of their own networks' announcements. */
  async recent(networkIds: readonly string[], limit = 10): Promise<AnnouncementDoc[]> {
    if (networkIds.length === 0) return [];
    const docs = await this.store.query<AnnouncementDoc>(containers.networks, {
      pk: PK,
      where: [{ field: 'networkId', op: 'in', value: [...networkIds] }],
      orderBy: [{ field: 'createdAt', direction: 'desc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }
}
