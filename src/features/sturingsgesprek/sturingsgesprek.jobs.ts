import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { SturingsgesprekModule } from './sturingsgesprek.module';
import { reminderJob, roundJob, scheduleJob } from './sturingsgesprek.schemas';
import { sturingsgesprekJobs } from './sturingsgesprek.verbs';

/** Timed steps: open at the opening time, the reminder ladder, close at the deadline, the schedule. */
export function registerSturingsgesprekJobs(scheduler: Scheduler, m: SturingsgesprekModule): void {
  scheduler.on(sturingsgesprekJobs.open, roundJob, async (p) => void (await m.rounds.open(p.roundId)));
  scheduler.on(
    sturingsgesprekJobs.reminder,
    reminderJob,
    async (p) => void (await m.rounds.remind(p.roundId, p.days)),
  );
  scheduler.on(sturingsgesprekJobs.close, roundJob, async (p) => void (await m.rounds.close(p.roundId)));
  scheduler.on(
    sturingsgesprekJobs.schedule,
    scheduleJob,
    async (p) => void (await m.schedule.prepare(p.occurrence)),
  );
}
