import { DateTime } from 'luxon';

/** People's dates and times (yyyy-mm-dd, HH:mm) in the organisation's zone ⇄ UTC ISO in storage. */
export function localInstant(date: string, time: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? (dt.toUTC().toISO() ?? undefined) : undefined;
}

export function localDate(iso: string | Date, zone: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return dt.setZone(zone).toISODate() ?? '';
}

export function localTime(iso: string, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).toFormat('HH:mm');
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date).plus({ days }).toISODate() ?? date;
}

export function addMonths(date: string, months: number): string {
  return DateTime.fromISO(date).plus({ months }).toISODate() ?? date;
}

/** Reminder ladder: 09:00 local, `days` before the deadline's date. */
export function reminderAt(deadline: string, days: number, zone: string): string {
  const day = DateTime.fromISO(deadline).setZone(zone).startOf('day').minus({ days }).set({ hour: 9 });
  return day.toUTC().toISO() as string;
}

export function monthYear(date: string, locale: string): { month: string; year: number } {
  const dt = DateTime.fromISO(date).setLocale(locale === 'en' ? 'en-GB' : 'nl-NL');
  return { month: dt.toFormat('LLLL'), year: dt.year };
}
