import { z } from 'zod';

/**
 * The contract between kennisatelier and polls, which may not import each other: kennisatelier
 * schedules this job (durably, through the scheduler) when attendance is known; polls handles it by
 * opening the satisfaction poll and sending it to the attendees.
 */
export const satisfactionPollJobKind = 'polls.openSatisfactionPoll';

const aadObjectId = z
  .string()
  .uuid()
  .transform((v) => v.toLowerCase());
const isoInstant = z.string().datetime({ offset: true });

export const satisfactionPollJobSchema = z.object({
  /** Source event id, e.g. the atelier id; the poll id derives from it, so a retried job opens one poll. */
  sourceId: z.string().regex(/^[A-Za-z0-9._-]{1,90}$/),
  /** Shown on the poll card; organiser-written, escaped by the polls feature. */
  title: z.string().trim().min(1).max(300),
  /** When the atelier took place (ISO UTC), shown on the card. */
  heldAt: isoInstant,
  /** aadObjectIds of the attendees who get the poll. */
  attendeeIds: z.array(aadObjectId).max(10_000),
  /** aadObjectIds allowed to read the anonymous results besides the programmateam. */
  organiserIds: z.array(aadObjectId).max(100),
  /** ISO UTC; after this the poll takes no answers. */
  closesAt: isoInstant,
});

export type SatisfactionPollJob = z.infer<typeof satisfactionPollJobSchema>;
