/**
 * The contract between kennisatelier and polls, which may not import each other: kennisatelier
 * schedules this job (durably, through the scheduler) when attendance is known; polls handles it by
 * opening the satisfaction poll and sending it to the attendees.
 */
export const satisfactionPollJobKind = 'polls.openSatisfactionPoll';

export interface SatisfactionPollJob {
  /** Source event id, e.g. the atelier id; the poll id derives from it, so a retried job opens one poll. */
  sourceId: string;
  /** Shown on the poll card; organiser-written, escaped by the polls feature. */
  title: string;
  /** When the atelier took place (ISO UTC), shown on the card. */
  heldAt: string;
  /** aadObjectIds of the attendees who get the poll. */
  attendeeIds: string[];
  /** aadObjectIds allowed to read the anonymous results besides the programmateam. */
  organiserIds: string[];
  /** ISO UTC; after this the poll takes no answers. */
  closesAt: string;
}
