import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

/**
 * An organisation file (the demo one by default) with the always-open calendar, written into `dir`: for
 * bot processes on the real clock, whose flows would otherwise wait for the next working morning.
 */
export function openCalendarOrgFile(dir: string, source = 'config/org.demo.json'): string {
  const path = resolve(__dirname, '..', '..', source);
  const org = JSON.parse(readFileSync(path, 'utf8')) as { sturingsgesprek?: { templatesDir?: string } };
  // The folders a file names stay beside it (org.schema.ts): the copy gets copies of them.
  const templatesDir = org.sturingsgesprek?.templatesDir;
  if (templatesDir)
    cpSync(resolve(dirname(path), templatesDir), join(dir, templatesDir), { recursive: true });
  const file = join(dir, 'org.open-calendar.json');
  writeFileSync(file, JSON.stringify({ ...org, calendar: alwaysOpenCalendar }));
  return file;
}
