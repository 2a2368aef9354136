import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { KennisatelierModule } from './kennisatelier.module';
import { signupListId } from './kennisatelier.repository';
import { atelierJobSchema } from './kennisatelier.schemas';
import { kennisatelierJobs } from './kennisatelier.verbs';

/**
 * Timed work. Each handler re-reads the atelier (it may have moved or been cancelled since the job
 * was scheduled) and sends under ids derived from the atelier, so a re-run sends nothing twice.
 */
export function registerKennisatelierJobs(scheduler: Scheduler, module: KennisatelierModule): void {
  const { repo, signups, notifier, timers, clock } = module;

  scheduler.on(kennisatelierJobs.reminder, atelierJobSchema, async ({ atelierId }) => {
    const a = await repo.get(atelierId);
    if (!a || a.status === 'cancelled' || clock.now().toISOString() >= a.startsAt) return;
    const { attending } = await signups.roster(signupListId(a.id));
    await notifier.tell(attending, 'reminder', a, `kennisatelier.${a.id}.reminder.${a.startsAt}`);
  });

  scheduler.on(kennisatelierJobs.ended, atelierJobSchema, async ({ atelierId }) => {
    const a = await repo.get(atelierId);
    if (!a || a.status === 'cancelled' || clock.now().toISOString() < a.endsAt) return;
    await signups.update(signupListId(a.id), { closed: true });
    await notifier.tell([a.createdBy], 'attendancePrompt', a, `kennisatelier.${a.id}.attendancePrompt`);
    await notifier.refreshShared(a, 'ended');
    await timers.nudgeMorningAfter(a);
  });

  scheduler.on(kennisatelierJobs.attendanceNudge, atelierJobSchema, async ({ atelierId }) => {
    const a = await repo.get(atelierId);
    if (!a || a.status === 'cancelled' || a.attendance) return;
    if ((await signups.summary(signupListId(a.id))).attending === 0) return;
    await notifier.tell([a.createdBy], 'attendanceNudge', a, `kennisatelier.${a.id}.attendanceNudge`);
  });

  scheduler.on(kennisatelierJobs.refreshSharedCard, atelierJobSchema, async ({ atelierId }, job) => {
    const a = await repo.get(atelierId);
    if (a) await notifier.refreshShared(a, job.id);
  });
}
