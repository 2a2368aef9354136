import { z } from 'zod';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { SturingsgesprekServices } from './sturingsgesprek.module';
import { sturingsgesprekJobs } from './sturingsgesprek.verbs';

const roundJob = z.object({ roundId: z.string().min(1).max(100) });
const reminderJob = roundJob.extend({ days: z.number().int().min(0).max(60) });
const scheduleJob = z.object({ occurrence: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

/** Timed steps: open at the opening time, the reminder ladder, close at the deadline, the schedule. */
export function registerSturingsgesprekJobs(scheduler: Scheduler, s: SturingsgesprekServices): void {
  scheduler.on(sturingsgesprekJobs.open, roundJob, async (p) => void (await s.rounds.open(p.roundId)));
  scheduler.on(sturingsgesprekJobs.reminder, reminderJob, async (p) => void (await s.rounds.remind(p.roundId, p.days)));
  scheduler.on(sturingsgesprekJobs.close, roundJob, async (p) => void (await s.rounds.close(p.roundId)));
  scheduler.on(sturingsgesprekJobs.schedule, scheduleJob, async (p) => void (await s.schedule.prepare(p.occurrence)));
}
