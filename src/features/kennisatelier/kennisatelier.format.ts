import { DateTime } from 'luxon';
import type { I18n } from '../../platform/i18n/i18n';
import type { Locale } from '../../platform/org/organisation';
import type { Atelier } from './kennisatelier.repository';

export interface SeatSummary {
  capacity: number | null;
  attending: number;
  waitlisted: number;
}

const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'nl-NL');

/** "dinsdag 1 december 2026, 14:00–16:00" in the organisation's zone. */
export function whenText(a: Pick<Atelier, 'startsAt' | 'endsAt'>, locale: Locale, zone: string): string {
  const start = DateTime.fromISO(a.startsAt).setZone(zone).setLocale(tag(locale));
  const end = DateTime.fromISO(a.endsAt).setZone(zone).setLocale(tag(locale));
  const endPart = start.hasSame(end, 'day') ? end.toFormat('HH:mm') : end.toFormat("cccc d LLLL yyyy, HH:mm");
  return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${endPart}`;
}

export function instantText(iso: string, locale: Locale, zone: string): string {
  return DateTime.fromISO(iso).setZone(zone).setLocale(tag(locale)).toFormat('cccc d LLLL yyyy, HH:mm');
}

/** Room and/or "online"; raw (unescaped) organiser text. */
export function whereText(a: Pick<Atelier, 'room' | 'meetingUrl'>, i18n: I18n, locale: Locale): string {
  return [a.room, a.meetingUrl ? i18n.t(locale, 'kennisatelier.card.online') : undefined].filter(Boolean).join(' · ');
}

export function seatsText(s: SeatSummary, i18n: I18n, locale: Locale): string {
  return s.capacity === null
    ? i18n.t(locale, 'kennisatelier.seats.unlimited', { taken: s.attending })
    : i18n.t(locale, 'kennisatelier.seats.limited', { taken: s.attending, capacity: s.capacity });
}
