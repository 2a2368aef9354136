import { hours, type Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import { atLocalHour, localDate } from '../../platform/local-time';
import type { Organisation } from '../../platform/org/organisation';
import type { Atelier } from './kennisatelier.types';
import { kennisatelierJobs } from './kennisatelier.verbs';

export const reminderJobId = (atelierId: string) => `kennisatelier.${atelierId}.reminder`;
export const endedJobId = (atelierId: string) => `kennisatelier.${atelierId}.ended`;
export const attendanceNudgeJobId = (atelierId: string) => `kennisatelier.${atelierId}.attendanceNudge`;
export const pollJobId = (atelierId: string) => `kennisatelier.${atelierId}.poll`;

/** The morning after the atelier, 09:00 in the organisation's time zone: when an unrecorded attendance is asked for again. */
export function morningAfter(a: Pick<Atelier, 'endsAt'>, zone: string): Date {
  return atLocalHour(localDate(a.endsAt, zone), zone, 9, 1);
}

/** An atelier's own timers, under ids derived from the atelier: scheduling again moves them. */
export class AtelierTimers {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly clock: Clock,
    private readonly org: Organisation,
  ) {}

  /**
   * The reminder (start − atelierReminderHoursBefore) and the end-of-atelier job (closes sign-ups and asks
   * the creator to record attendance). Same ids every time, so calling this after an edit moves them.
   */
  async schedule(a: Atelier): Promise<void> {
    if (a.status === 'cancelled') return this.cancel(a.id);
    const remindAt = new Date(
      new Date(a.startsAt).getTime() - hours(this.org.settings.atelierReminderHoursBefore),
    );
    // Created (or moved) inside the reminder window: people who sign up now need no reminder of what they just saw.
    if (remindAt > this.clock.now()) {
      await this.scheduler.schedule({
        id: reminderJobId(a.id),
        kind: kennisatelierJobs.reminder,
        runAt: remindAt,
        payload: { atelierId: a.id },
      });
    } else {
      await this.scheduler.cancel(reminderJobId(a.id));
    }
    await this.scheduler.schedule({
      id: endedJobId(a.id),
      kind: kennisatelierJobs.ended,
      runAt: new Date(a.endsAt),
      payload: { atelierId: a.id },
    });
  }

  async cancel(atelierId: string): Promise<void> {
    await this.scheduler.cancel(reminderJobId(atelierId));
    await this.scheduler.cancel(endedJobId(atelierId));
    await this.scheduler.cancel(attendanceNudgeJobId(atelierId));
  }

  /** Without attendance nobody gets the satisfaction poll: one reminder the next morning. */
  async nudgeMorningAfter(a: Atelier): Promise<void> {
    const id = attendanceNudgeJobId(a.id);
    const runAt = morningAfter(a, this.org.timeZone);
    await this.scheduler.schedule({
      id,
      kind: kennisatelierJobs.attendanceNudge,
      runAt,
      payload: { atelierId: a.id },
    });
  }
}
