import { localToUtc } from '../../platform/i18n/format';
import type { AnnouncementContent } from './networks.announcement.repository';
import { networksErrors } from './networks.errors';
import type { CorrectionForm } from './networks.schemas';

type ContentInput = Pick<CorrectionForm, 'kind' | 'text' | 'link' | 'title' | 'date' | 'time' | 'place' | 'capacity' | 'rsvp'>;

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
    meetup: { title: input.title, startsAt, place: input.place, capacity: input.capacity ?? null, rsvp: input.rsvp },
  };
}

/** Same content? (a retried correction must not count as a new one). */
export function sameContent(a: AnnouncementContent, b: AnnouncementContent): boolean {
  const pick = (c: AnnouncementContent) => JSON.stringify([c.kind, c.text, c.link ?? null, c.meetup ?? null]);
  return pick(a) === pick(b);
}
