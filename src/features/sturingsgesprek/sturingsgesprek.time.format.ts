import { intlTag, type Locale } from '../../platform/i18n/locale';
import { DateTime } from 'luxon';
import { atLocalHour, localDate } from '../../platform/local-time';

/** People's dates and times (yyyy-mm-dd, HH:mm) in the organisation's zone ⇄ UTC ISO in storage. */
export function localInstant(date: string, time: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? (dt.toUTC().toISO() ?? undefined) : undefined;
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
  return atLocalHour(localDate(deadline, zone), zone, 9, -days).toISOString();
}

export function monthYear(date: string, locale: Locale): { month: string; year: number } {
  const dt = DateTime.fromISO(date).setLocale(intlTag(locale));
  return { month: dt.toFormat('LLLL'), year: dt.year };
}
