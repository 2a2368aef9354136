import { DateTime } from 'luxon';

export interface MeetingSchedule {
  firstDate: string;
  intervalDays: number;
  time: string;
}

export interface Meeting {
  /** Local date yyyy-mm-dd. */
  date: string;
  startsAt: Date;
  /** Two days before, 09:00 local: when the compiled agenda goes out. */
  agendaAt: Date;
}

const AGENDA_DAYS_BEFORE = 2;
const AGENDA_HOUR = 9;

export function meetingOn(date: string, schedule: MeetingSchedule, zone: string): Meeting {
  const day = DateTime.fromISO(date, { zone });
  const [hour, minute] = schedule.time.split(':').map(Number);
  return {
    date,
    startsAt: day.set({ hour, minute }).toJSDate(),
    agendaAt: day.minus({ days: AGENDA_DAYS_BEFORE }).set({ hour: AGENDA_HOUR }).toJSDate(),
  };
}

/** The first meeting (from the first date, every interval, in local days) that has not started yet. */
export function nextMeeting(now: Date, schedule: MeetingSchedule, zone: string): Meeting {
  const first = DateTime.fromISO(schedule.firstDate, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const behind = Math.max(0, Math.floor(today.diff(first, 'days').days / schedule.intervalDays));
  for (let k = behind; ; k++) {
    const meeting = meetingOn(first.plus({ days: k * schedule.intervalDays }).toISODate()!, schedule, zone);
    if (meeting.startsAt > now) return meeting;
  }
}

/** The first meeting whose agenda has not gone out yet (the one the agenda job is for). */
export function nextAgendaMeeting(now: Date, schedule: MeetingSchedule, zone: string): Meeting {
  let meeting = nextMeeting(now, schedule, zone);
  while (meeting.agendaAt <= now) {
    const date = DateTime.fromISO(meeting.date, { zone }).plus({ days: schedule.intervalDays }).toISODate()!;
    meeting = meetingOn(date, schedule, zone);
  }
  return meeting;
}
