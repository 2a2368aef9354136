import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import type { CalendarSettings } from '../org/org-calendar.schema';

/** What the calendar reads, on every question (the organisation file can be reloaded). */
export interface CalendarSource {
  readonly calendar: CalendarSettings;
  readonly timeZone: string;
}

/** A year and a half of closed days is more than any real file has in a row; beyond it, the file is wrong. */
const MAX_DAYS_AHEAD = 550;

/**
 * The organisation's sending calendar: working days, the daily sending window and closed days (public
 * holidays from date-holidays, type `public` only, plus the file's extra days), all in its time zone.
 * Local clock times are set with luxon's `set`, so a DST change moves nothing (08:00 stays 08:00).
 */
export class SendCalendar {
  private readonly holidays = new Map<string, Set<string>>();
  /**
   * The last open window, day and week met, with the settings they came from: every message of a broadcast
   * asks about the same moment, and luxon allocates ~60 KB per message to answer it anew (issue #17).
   */
  private known: {
    calendar: CalendarSettings;
    timeZone: string;
    open?: Span;
    day?: Span & { name: string };
    week?: Span & { name: string };
  };

  constructor(private readonly source: CalendarSource) {
    this.known = { calendar: source.calendar, timeZone: source.timeZone };
  }

  /** `at` itself when a normal message may go out then; otherwise the start of the next sending window. */
  nextOpen(at: Date): Date {
    if (within(this.current().open, at)) return at;
    const local = this.local(at);
    for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
      const day = local.plus({ days: i }).startOf('day');
      if (!this.isOpenDay(day)) continue;
      const { start, end } = this.windowOf(day);
      if (i > 0 || local < start) return start.toJSDate();
      if (local < end) {
        this.current().open = { from: start.toMillis(), until: end.toMillis() };
        return at;
      }
    }
    throw new Error(`The organisation's calendar has no sending window in the next ${MAX_DAYS_AHEAD} days`);
  }

  isOpen(at: Date): boolean {
    return this.nextOpen(at).getTime() === at.getTime();
  }

  /** The first sending moment on a later day than `at` (a person's daily cap is full). */
  nextDayOpen(at: Date): Date {
    return this.nextOpen(this.local(at).startOf('day').plus({ days: 1 }).toJSDate());
  }

  /** The first sending moment in a later ISO week than `at` (a person's weekly cap is full). */
  nextWeekOpen(at: Date): Date {
    return this.nextOpen(this.local(at).startOf('week').plus({ weeks: 1 }).toJSDate());
  }

  /** The local date, `yyyy-mm-dd`. */
  dayOf(at: Date): string {
    const known = this.current();
    if (within(known.day, at)) return known.day.name;
    const day = this.local(at).startOf('day');
    known.day = { name: day.toISODate() as string, ...spanOf(day, { days: 1 }) };
    return known.day.name;
  }

  /** The local ISO week, `kkkk-Www`. */
  weekOf(at: Date): string {
    const known = this.current();
    if (within(known.week, at)) return known.week.name;
    const week = this.local(at).startOf('week');
    known.week = { name: week.toFormat("kkkk-'W'WW"), ...spanOf(week, { weeks: 1 }) };
    return known.week.name;
  }

  /** What is known for the settings in force; a reloaded organisation file starts afresh. */
  private current() {
    const { calendar, timeZone } = this.source;
    if (this.known.calendar !== calendar || this.known.timeZone !== timeZone)
      this.known = { calendar, timeZone };
    return this.known;
  }

  private local(at: Date): DateTime {
    return DateTime.fromJSDate(at, { zone: this.source.timeZone });
  }

  private isOpenDay(day: DateTime): boolean {
    const { workingDays, extraClosedDays } = this.source.calendar;
    const date = day.toISODate() as string;
    return workingDays.includes(day.weekday) && !extraClosedDays.includes(date) && !this.isHoliday(day);
  }

  private windowOf(day: DateTime): { start: DateTime; end: DateTime } {
    const { from, until } = this.source.calendar.sendingWindow;
    return { start: at(day, from), end: at(day, until) };
  }

  private isHoliday(day: DateTime): boolean {
    const where = this.source.calendar.holidays;
    if (!where) return false;
    const cacheKey = `${where.country}/${where.region ?? ''}/${day.year}`;
    let dates = this.holidays.get(cacheKey);
    if (!dates) {
      const lookup = where.region ? new Holidays(where.country, where.region) : new Holidays(where.country);
      const list = lookup.getHolidays(day.year) || [];
      dates = new Set(list.filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
      this.holidays.set(cacheKey, dates);
    }
    return dates.has(day.toISODate() as string);
  }
}

interface Span {
  from: number;
  until: number;
}

function within<T extends Span>(span: T | undefined, at: Date): span is T {
  const ms = at.getTime();
  return span !== undefined && ms >= span.from && ms < span.until;
}

function spanOf(start: DateTime, length: { days: number } | { weeks: number }): Span {
  return { from: start.toMillis(), until: start.plus(length).toMillis() };
}

/** `HH:mm` on that local day; `24:00` is the start of the next day. */
function at(day: DateTime, time: string): DateTime {
  if (time === '24:00') return day.startOf('day').plus({ days: 1 });
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}
