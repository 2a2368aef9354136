/** A stored job; all times are ISO-8601 UTC (people's Amsterdam times are converted before this). */
export interface JobDoc {
  kind: string;
  payload: unknown;
  runAt: string;
  /** runAt, or later after a failed run. */
  dueAt: string;
  status: 'scheduled' | 'done' | 'failed';
  attempts: number;
  leaseUntil: string;
  leaseToken?: string;
  /** Bumped by every (re)schedule, so a run that finishes late cannot overwrite a newer schedule. */
  generation: number;
  lastError?: string;
  doneAt?: string;
}
