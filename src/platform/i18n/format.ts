import { DateTime } from 'luxon';
import { intlTag as tag, type Locale } from './locale';

/** "dinsdag 1 december 2026, 14:00" — a date and time as people read it, in the given zone. */
export function formatWhen(iso: string | Date, locale: Locale, zone: string): string {
  const dt = (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso))
    .setZone(zone)
    .setLocale(tag(locale));
  return dt.toFormat('cccc d LLLL yyyy, HH:mm');
}

export function formatDate(iso: string | Date, locale: Locale, zone: string): string {
  const dt = (typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso))
    .setZone(zone)
    .setLocale(tag(locale));
  return dt.toFormat('d LLLL yyyy');
}

export function formatTime(iso: string | Date, zone: string): string {
  const dt = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return dt.setZone(zone).toFormat('HH:mm');
}

/** A local date (yyyy-mm-dd) and time (HH:mm) in the organisation's zone → UTC ISO, or undefined if invalid. */
export function localToUtc(date: string, time: string, zone: string): string | undefined {
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  return dt.isValid ? (dt.toUTC().toISO() ?? undefined) : undefined;
}
