import type { DownloadFile } from '../downloads';

/** One event as a personal calendar file; never with attendees, so nobody learns who else goes. */
export interface CalendarEvent {
  /** Stable per event, so a second download updates the entry instead of adding one. */
  uid: string;
  /** Bumped on every change of time or place; calendars keep the highest. */
  sequence: number;
  startsAt: string;
  /** Without an end the event is a moment (a network meetup states only its start), as in RFC 5545. */
  endsAt?: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  cancelled: boolean;
  /** Which feature made it, e.g. `panelbot/kennisatelier`. */
  productId: string;
  filename: string;
}

/**
 * The .ics file for a download link (kennisateliers and network meetups share it).
 * `ics` is loaded on the first download, not at start (issue #17: the start loads only what it uses).
 */
export async function calendarFile(event: CalendarEvent): Promise<DownloadFile> {
  const { createEvent } = await import('ics');
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    start: Date.parse(event.startsAt),
    end: Date.parse(event.endsAt ?? event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    endInputType: 'utc',
    endOutputType: 'utc',
    title: event.title,
    description: event.description || undefined,
    location: event.location || undefined,
    url: event.url,
    status: event.cancelled ? 'CANCELLED' : 'CONFIRMED',
    method: 'PUBLISH',
    productId: event.productId,
    classification: 'PRIVATE',
  });
  if (error || !value) throw error ?? new Error('ics produced nothing');
  return { filename: event.filename, contentType: 'text/calendar; charset=utf-8', body: value };
}
