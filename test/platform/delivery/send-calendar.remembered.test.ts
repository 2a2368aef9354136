import { DateTime } from 'luxon';
import { SendCalendar, type CalendarSource } from '../../../src/platform/delivery';
import { calendarSchema } from '../../../src/platform/org/org-calendar.schema';

/**
 * The calendar remembers the last open window, day and week it met (every message of a broadcast asks
 * about the same moment; issue #17). Asked in any order, it answers what a fresh calendar answers.
 */
const zone = 'Europe/Amsterdam';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const source = (): { current: CalendarSource } => ({
  current: { timeZone: zone, calendar: calendarSchema.parse({ holidays: { country: 'NL' } }) },
});

/** Moments around the edges: window start and end, midnight, a week's turn, a DST change, a holiday. */
const moments = [
  '2027-03-26T07:59:59.999',
  '2027-03-26T08:00',
  '2027-03-26T12:00',
  '2027-03-26T17:59:59.999',
  '2027-03-26T18:00',
  '2027-03-26T23:59:59.999',
  '2027-03-27T00:00',
  '2027-03-28T02:30',
  '2027-03-28T03:30',
  '2027-03-29T10:00',
  '2027-03-30T08:00',
  '2027-03-30T09:00',
  '2027-04-04T23:59',
  '2027-04-05T00:00',
  '2027-04-05T10:00',
].map(at);

describe('the sending calendar, remembering what it last met', () => {
  it('answers nextOpen, dayOf and weekOf as a fresh calendar does, in any order of questions', () => {
    const { current } = source();
    const remembering = new SendCalendar(current);
    const order = [...moments, ...[...moments].reverse(), ...moments.filter((_, i) => i % 2), ...moments];
    for (const moment of order) {
      const fresh = new SendCalendar(current);
      expect([remembering.nextOpen(moment), remembering.dayOf(moment), remembering.weekOf(moment)]).toEqual([
        fresh.nextOpen(moment),
        fresh.dayOf(moment),
        fresh.weekOf(moment),
      ]);
    }
  });

  it('follows a reloaded organisation file at once', () => {
    const org = source();
    const live: CalendarSource = {
      get timeZone() {
        return org.current.timeZone;
      },
      get calendar() {
        return org.current.calendar;
      },
    };
    const calendar = new SendCalendar(live);
    const wednesday = at('2027-03-24T12:00');
    expect(calendar.nextOpen(wednesday)).toEqual(wednesday);
    org.current = {
      timeZone: zone,
      calendar: calendarSchema.parse({ holidays: { country: 'NL' }, extraClosedDays: ['2027-03-24'] }),
    };
    expect(calendar.nextOpen(wednesday)).toEqual(at('2027-03-25T08:00'));
  });
});
