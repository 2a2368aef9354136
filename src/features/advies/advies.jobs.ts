import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { AdviesModule } from './advies.module';
import { followUpJob } from './advies.schemas';
import { adviesJobs } from './advies.verbs';

/** Timed work: the follow-up question months after the advice (re-reads the request; sends once). */
export function registerAdviesJobs(scheduler: Scheduler, module: AdviesModule): void {
  scheduler.on(adviesJobs.followUp, followUpJob, async ({ requestId }) => {
    await module.advice.askFollowUp(requestId);
  });
}
