import {
  satisfactionPollJobKind,
  satisfactionPollJobSchema,
} from '../../platform/contracts/satisfaction-poll.job';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { PollsModule } from './polls.module';
import { pollJobPayload } from './polls.schemas';
import { pollsJobs } from './polls.verbs';

/** The satisfaction poll (scheduled by kennisatelier), and each poll's close and reminder. */
export function registerPollsJobs(scheduler: Scheduler, polls: PollsModule): void {
  // A payload that fails validation is logged and dropped: retrying it would fail the same way.
  scheduler.on(
    satisfactionPollJobKind,
    satisfactionPollJobSchema,
    async (job) => void (await polls.open.openSatisfactionPoll(job)),
  );
  scheduler.on(pollsJobs.close, pollJobPayload, async (p) => polls.close.close(p.pollId, p.sweep ?? false));
  scheduler.on(pollsJobs.remind, pollJobPayload, async (p) => void (await polls.close.remind(p.pollId)));
}
