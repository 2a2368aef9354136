import { DateTime } from 'luxon';
import type { CardText } from '../../platform/card-text';
import { formatWhen, rememberedText } from '../../platform/i18n/format';
import { intlTag as tag, type Locale } from '../../platform/i18n/locale';
import type { Atelier, SeatSummary } from './kennisatelier.types';

/** "dinsdag 1 december 2026, 14:00–16:00" in the organisation's zone. */
export function whenText(a: Pick<Atelier, 'startsAt' | 'endsAt'>, locale: Locale, zone: string): string {
  return rememberedText(`when\u0000${a.startsAt}\u0000${a.endsAt}\u0000${locale}\u0000${zone}`, () => {
    const start = DateTime.fromISO(a.startsAt).setZone(zone).setLocale(tag(locale));
    const end = DateTime.fromISO(a.endsAt).setZone(zone).setLocale(tag(locale));
    const endPart = start.hasSame(end, 'day')
      ? end.toFormat('HH:mm')
      : end.toFormat('cccc d LLLL yyyy, HH:mm');
    return `${start.toFormat('cccc d LLLL yyyy, HH:mm')}–${endPart}`;
  });
}

export function instantText(iso: string, locale: Locale, zone: string): string {
  return formatWhen(iso, locale, zone);
}

/** Room and/or "online"; raw (unescaped) organiser text. */
export function whereText(a: Pick<Atelier, 'room' | 'meetingUrl'>, text: CardText): string {
  return [a.room, a.meetingUrl ? text.t('kennisatelier.card.online') : undefined].filter(Boolean).join(' · ');
}

export function seatsText(s: SeatSummary, text: CardText): string {
  return s.capacity === null
    ? text.t('kennisatelier.seats.unlimited', { taken: s.attending })
    : text.t('kennisatelier.seats.limited', { taken: s.attending, capacity: s.capacity });
}
