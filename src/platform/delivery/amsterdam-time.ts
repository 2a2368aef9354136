import { DateTime } from 'luxon';

export const peopleZone = 'Europe/Amsterdam';

/**
 * A wall-clock time as people in Rotterdam mean it ("2026-03-29T09:00") → the instant to store (UTC).
 * A time skipped by the spring DST change moves forward, as a wall clock would.
 */
export function fromAmsterdam(local: string): Date {
  const dt = DateTime.fromISO(local, { zone: peopleZone });
  if (!dt.isValid) throw new Error(`Invalid local time: ${dt.invalidReason ?? 'unknown'}`);
  return dt.toUTC().toJSDate();
}

/** The instant as Amsterdam wall-clock time with its offset, e.g. `2026-11-24T09:00:00.000+01:00`. */
export function toAmsterdam(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: peopleZone }).toISO() ?? instant.toISOString();
}
