import type { CalendarSource } from '../../src/platform/delivery';
import type { CalendarSettings } from '../../src/platform/org/org-calendar.schema';

/**
 * A calendar that is open at every hour of every day with caps nobody reaches: for tests and benchmarks
 * of something else than the calendar (the engine's limits, a feature's flow at any clock time). Set
 * explicitly by each fixture; production has no such switch. The calendar's own tests use real ones.
 */
export const alwaysOpenCalendar: CalendarSettings = {
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  sendingWindow: { from: '00:00', until: '24:00' },
  extraClosedDays: [],
  caps: { perPersonPerDay: 100, perPersonPerWeek: 500 },
};

export const alwaysOpen: CalendarSource = { calendar: alwaysOpenCalendar, timeZone: 'Europe/Amsterdam' };
