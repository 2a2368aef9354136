import { DateTime } from 'luxon';
import { intlTag as tag, type Locale } from './locale';

const formatted = new Map<string, string>();
const FORMATTED_MAX = 2_000;

/**
 * A date as people read it depends only on the instant, language, zone and pattern, and cards show the
 * same few dates over and over (an atelier's on every click): luxon's formatting was a tenth of a
 * sign-up turn, so each text is made once. Bounded: when full it starts again.
 */
export function rememberedText(key: string, make: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= FORMATTED_MAX) formatted.clear();
    formatted.set(key, (text = make()));
  }
  return text;
}

function format(iso: string | Date, locale: Locale, zone: string, pattern: string): string {
  const at = typeof iso === 'string' ? iso : iso.toISOString();
  return rememberedText(`${at}\u0000${locale}\u0000${zone}\u0000${pattern}`, () =>
    DateTime.fromISO(at).setZone(zone).setLocale(tag(locale)).toFormat(pattern),
  );
}

/** "dinsdag 1 december 2026, 14:00" — a date and time as people read it, in the given zone. */
export function formatWhen(iso: string | Date, locale: Locale, zone: string): string {
  return format(iso, locale, zone, 'cccc d LLLL yyyy, HH:mm');
}

export function formatDate(iso: string | Date, locale: Locale, zone: string): string {
  return format(iso, locale, zone, 'd LLLL yyyy');
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
