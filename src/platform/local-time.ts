import { DateTime } from 'luxon';

/**
 * People's dates and times in the organisation's time zone (from the organisation file) ⇄ instants
 * stored in UTC. One place for these conversions, so no feature hard-codes a zone.
 */

/** A wall-clock time as people there mean it ("2026-03-29T09:00") → the instant. A time skipped by DST moves forward. */
export function fromLocal(local: string, zone: string): Date {
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) throw new Error(`Invalid local time: ${dt.invalidReason ?? 'unknown'}`);
  return dt.toUTC().toJSDate();
}

/** The instant as wall-clock time with its offset, e.g. `2026-11-24T09:00:00.000+01:00`. */
export function toLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO() ?? instant.toISOString();
}

/** The local date (yyyy-MM-dd) of an instant. */
export function localDate(at: string | Date, zone: string): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at) : DateTime.fromJSDate(at);
  return dt.setZone(zone).toISODate() ?? '';
}

/** `hour`:00 local time on the local date `day` (yyyy-MM-dd) moved by `plusDays` (negative: earlier). */
export function atLocalHour(day: string, zone: string, hour: number, plusDays = 0): Date {
  return DateTime.fromISO(day, { zone }).plus({ days: plusDays }).set({ hour }).toJSDate();
}
