import { hours } from '../../platform/clock';
import { atLocalHour, localDate } from '../../platform/local-time';
import type { AtelierContext } from './kennisatelier.context';
import type { Atelier } from './kennisatelier.repository';
import { kennisatelierJobs } from './kennisatelier.verbs';

export const reminderJobId = (atelierId: string) => `kennisatelier.${atelierId}.reminder`;
export const endedJobId = (atelierId: string) => `kennisatelier.${atelierId}.ended`;
export const attendanceNudgeJobId = (atelierId: string) => `kennisatelier.${atelierId}.attendanceNudge`;

/** The morning after the atelier, 09:00 in the organisation's time zone: when an unrecorded attendance is asked for again. */
export function morningAfter(ctx: AtelierContext, a: Atelier): Date {
  const zone = ctx.deps.org.data.organisation.timeZone;
  return atLocalHour(localDate(a.endsAt, zone), zone, 9, 1);
}

/**
 * The reminder (start − atelierReminderHoursBefore) and the end-of-atelier job (closes sign-ups and asks
 * the creator to record attendance). Same ids every time, so calling this after an edit moves them.
 */
export async function scheduleTimers(ctx: AtelierContext, a: Atelier): Promise<void> {
  const { scheduler, clock, org } = ctx.deps;
  if (a.status === 'cancelled') return cancelTimers(ctx, a.id);
  const remindAt = new Date(new Date(a.startsAt).getTime() - hours(org.settings.atelierReminderHoursBefore));
  // Created (or moved) inside the reminder window: people who sign up now need no reminder of what they just saw.
  if (remindAt > clock.now()) {
    await scheduler.schedule({ id: reminderJobId(a.id), kind: kennisatelierJobs.reminder, runAt: remindAt, payload: { atelierId: a.id } });
  } else {
    await scheduler.cancel(reminderJobId(a.id));
  }
  await scheduler.schedule({ id: endedJobId(a.id), kind: kennisatelierJobs.ended, runAt: new Date(a.endsAt), payload: { atelierId: a.id } });
}

export async function cancelTimers(ctx: AtelierContext, atelierId: string): Promise<void> {
  await ctx.deps.scheduler.cancel(reminderJobId(atelierId));
  await ctx.deps.scheduler.cancel(endedJobId(atelierId));
  await ctx.deps.scheduler.cancel(attendanceNudgeJobId(atelierId));
}
