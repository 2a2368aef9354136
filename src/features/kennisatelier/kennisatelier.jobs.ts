import { z } from 'zod';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { AtelierContext } from './kennisatelier.context';
import type { AtelierNotifier } from './kennisatelier.notifier';
import { signupListId } from './kennisatelier.repository';
import { attendanceNudgeJobId, morningAfter } from './kennisatelier.timers';
import { kennisatelierJobs } from './kennisatelier.verbs';

const atelierJob = z.object({ atelierId: z.string().min(1).max(100) });

/**
 * Timed work. Each handler re-reads the atelier (it may have moved or been cancelled since the job
 * was scheduled) and sends under ids derived from the atelier, so a re-run sends nothing twice.
 */
export function registerAtelierJobs(scheduler: Scheduler, ctx: AtelierContext, notifier: AtelierNotifier): void {
  scheduler.on(kennisatelierJobs.reminder, atelierJob, async ({ atelierId }) => {
    const a = await ctx.repo.get(atelierId);
    if (!a || a.status === 'cancelled' || ctx.deps.clock.now().toISOString() >= a.startsAt) return;
    const { attending } = await ctx.signups.roster(signupListId(a.id));
    await notifier.tell(attending, 'reminder', a, `kennisatelier.${a.id}.reminder.${a.startsAt}`);
  });

  scheduler.on(kennisatelierJobs.ended, atelierJob, async ({ atelierId }) => {
    const a = await ctx.repo.get(atelierId);
    if (!a || a.status === 'cancelled' || ctx.deps.clock.now().toISOString() < a.endsAt) return;
    await ctx.signups.update(signupListId(a.id), { closed: true });
    await notifier.tell([a.createdBy], 'attendancePrompt', a, `kennisatelier.${a.id}.attendancePrompt`);
    await notifier.refreshShared(a, 'ended');
    // Without attendance nobody gets the satisfaction poll: one reminder the next morning.
    await scheduler.schedule({ id: attendanceNudgeJobId(a.id), kind: kennisatelierJobs.attendanceNudge, runAt: morningAfter(ctx, a), payload: { atelierId: a.id } });
  });

  scheduler.on(kennisatelierJobs.attendanceNudge, atelierJob, async ({ atelierId }) => {
    const a = await ctx.repo.get(atelierId);
    if (!a || a.status === 'cancelled' || a.attendance) return;
    if ((await ctx.signups.roster(signupListId(a.id))).attending.length === 0) return;
    await notifier.tell([a.createdBy], 'attendanceNudge', a, `kennisatelier.${a.id}.attendanceNudge`);
  });

  scheduler.on(kennisatelierJobs.refreshSharedCard, atelierJob, async ({ atelierId }, job) => {
    const a = await ctx.repo.get(atelierId);
    if (a) await notifier.refreshShared(a, job.id);
  });
}
