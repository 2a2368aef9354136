import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { SendCalendar, type CalendarSource, type RecipientKey } from '../../../src/platform/delivery';
import { calendarSchema } from '../../../src/platform/org/org-calendar.schema';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { Organisation } from '../../../src/platform/org/organisation';
import { SendError } from '../../../src/platform/delivery';
import { conversationOf, keyOf, message, startFixture, type Fixture } from './delivery-fixture';

jest.setTimeout(15_000);

const netherlands: CalendarSource = {
  timeZone: 'Europe/Amsterdam',
  calendar: calendarSchema.parse({ holidays: { country: 'NL' } }),
};
const italy: CalendarSource = {
  timeZone: 'Europe/Rome',
  calendar: calendarSchema.parse({ holidays: { country: 'IT' } }),
};

/** A local wall-clock time in that organisation's zone, as a Date. */
const local = (source: CalendarSource, iso: string) =>
  DateTime.fromISO(iso, { zone: source.timeZone }).toJSDate();
const localIso = (source: CalendarSource, at: Date) =>
  DateTime.fromJSDate(at, { zone: source.timeZone }).toFormat("yyyy-MM-dd'T'HH:mm");

describe('the sending calendar (pure)', () => {
  it.each([
    ['NL', netherlands],
    ['IT', italy],
  ])(
    '%s: a message at 22:00 on Friday before Easter Monday may go on Tuesday at 08:00 (after DST)',
    (_c, org) => {
      const next = new SendCalendar(org).nextOpen(local(org, '2027-03-26T22:00'));
      expect(localIso(org, next)).toBe('2027-03-30T08:00');
      // Summer time began on Sunday 28 March: 08:00 is 06:00 UTC on Tuesday, 07:00 UTC on Friday.
      expect(next.toISOString()).toBe('2027-03-30T06:00:00.000Z');
    },
  );

  it.each([
    // King's Day (Tuesday 27 April 2027) is closed in NL, a working day in IT.
    ['2027-04-26T22:00', '2027-04-28T08:00', '2027-04-27T08:00'],
    // Liberazione (Tuesday 25 April 2028) is closed in IT, a working day in NL.
    ['2028-04-24T19:00', '2028-04-25T08:00', '2028-04-26T08:00'],
    // Festa della Repubblica (Wednesday 2 June 2027).
    ['2027-06-01T18:00', '2027-06-02T08:00', '2027-06-03T08:00'],
  ])('from %s: NL opens at %s, IT at %s', (from, inNl, inIt) => {
    expect(localIso(netherlands, new SendCalendar(netherlands).nextOpen(local(netherlands, from)))).toBe(
      inNl,
    );
    expect(localIso(italy, new SendCalendar(italy).nextOpen(local(italy, from)))).toBe(inIt);
  });

  it('inside the window a message goes at once; the window closes at 18:00; weekends and extra days wait', () => {
    const cal = new SendCalendar(netherlands);
    const tuesday = local(netherlands, '2027-03-30T17:59');
    expect(cal.nextOpen(tuesday)).toEqual(tuesday);
    expect(cal.isOpen(local(netherlands, '2027-03-30T18:00'))).toBe(false);
    expect(localIso(netherlands, cal.nextOpen(local(netherlands, '2027-04-03T10:00')))).toBe(
      '2027-04-05T08:00',
    );
    const closedMonday: CalendarSource = {
      timeZone: 'Europe/Amsterdam',
      calendar: calendarSchema.parse({ holidays: { country: 'NL' }, extraClosedDays: ['2027-04-05'] }),
    };
    const next = new SendCalendar(closedMonday).nextOpen(local(netherlands, '2027-04-03T10:00'));
    expect(localIso(netherlands, next)).toBe('2027-04-06T08:00');
  });

  it('Flanders: only public holidays close (Easter Monday does, the Flemish community day is an observance)', () => {
    const gent: CalendarSource = {
      timeZone: 'Europe/Brussels',
      calendar: calendarSchema.parse({ holidays: { country: 'BE', region: 'VLG' } }),
    };
    const cal = new SendCalendar(gent);
    expect(cal.isOpen(local(gent, '2027-03-29T10:00'))).toBe(false);
    expect(cal.isOpen(local(gent, '2027-07-21T10:00'))).toBe(false);
    expect(cal.isOpen(local(gent, '2027-07-12T10:00'))).toBe(true);
  });

  it('an unknown country or region is refused when the file is loaded, with a clear line', () => {
    const country = calendarSchema.safeParse({ holidays: { country: 'XQ' } });
    expect(country.success).toBe(false);
    expect(JSON.stringify(country.error?.issues)).toContain("unknown holiday country 'XQ'");
    const region = calendarSchema.safeParse({ holidays: { country: 'BE', region: 'XYZ' } });
    expect(JSON.stringify(region.error?.issues)).toContain("unknown holiday region 'XYZ' for BE");
    expect(calendarSchema.safeParse({ holidays: { country: 'IT' } }).success).toBe(true);

    const raw = JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as OrgFile;
    raw.calendar = { ...raw.calendar, holidays: { country: 'BE', region: 'FLA' } };
    expect(() => Organisation.fromObject(raw, 'org.gent.json')).toThrow(
      /calendar\.holidays: unknown holiday region 'FLA' for BE \(known: BRU, DE, VLG, WAL\)/,
    );
  });
});

describe('the delivery engine on the organisation calendar', () => {
  let f: Fixture;
  const start = async (calendar: CalendarSource = netherlands) => {
    f = await startFixture({ users: 2, calendar, delivery: { ratePerSecond: 200, burst: 20 } });
  };
  afterEach(() => f.close());

  const announce = (id: string, urgency: 'normal' | 'urgent' = 'normal', keys: RecipientKey[] = [keyOf(1)]) =>
    f.engine.delivery.enqueue({
      broadcastId: id,
      purpose: 'test.announcement',
      urgency,
      recipients: keys.map((key) => ({ key, activity: message(id) })),
    });
  const received = (n = 1) => f.connector.messages(conversationOf(n)).map((m) => m.body?.text);
  const at = async (iso: string, org: CalendarSource = netherlands) => {
    f.clock.set(local(org, iso));
    await f.drain();
  };

  it.each([
    ['NL', netherlands],
    ['IT', italy],
  ])(
    '%s: an announcement sent at 22:00 on Friday 26 March 2027 arrives on Tuesday at 08:00',
    async (_c, org) => {
      await start(org);
      f.clock.set(local(org, '2027-03-26T22:00'));
      await announce('easter');
      await f.drain();
      expect(received()).toEqual([]);
      await at('2027-03-29T12:00', org); // Easter Monday
      await at('2027-03-30T07:59', org);
      expect(received()).toEqual([]);
      await at('2027-03-30T08:00', org);
      expect(received()).toEqual(['easter']);
    },
  );

  it('the third normal message of a day goes out the next working day at 08:00; urgent ones do not count', async () => {
    await start();
    await at('2027-03-22T09:00'); // a Monday
    for (const id of ['one', 'two', 'three']) await announce(id);
    await announce('urgent-1', 'urgent');
    await f.drain();
    // Which of the three is held depends on the order the worker takes them; two of them go.
    expect(received()).toHaveLength(3);
    expect(received()).toContain('urgent-1');
    expect(received(2)).toEqual([]);
    await at('2027-03-22T17:00');
    await at('2027-03-23T07:59');
    expect(received()).toHaveLength(3);
    await at('2027-03-23T08:00');
    expect(new Set(received())).toEqual(new Set(['one', 'two', 'three', 'urgent-1']));
  });

  it('the weekly cap holds across instances: the seventh message waits for Monday', async () => {
    await start();
    const other = f.another();
    await at('2027-03-15T09:00');
    await announce('mon-1');
    await announce('mon-2');
    await f.drain();
    for (const [day, engine] of [
      ['2027-03-16', f.engine],
      ['2027-03-17', other],
    ] as const) {
      f.clock.set(local(netherlands, `${day}T09:00`));
      await engine.delivery.enqueue({
        broadcastId: `${day}-a`,
        purpose: 'test',
        urgency: 'normal',
        recipients: [{ key: keyOf(1), activity: message(`${day}-a`) }],
      });
      await engine.delivery.enqueue({
        broadcastId: `${day}-b`,
        purpose: 'test',
        urgency: 'normal',
        recipients: [{ key: keyOf(1), activity: message(`${day}-b`) }],
      });
      await f.drain(engine);
    }
    expect(received()).toHaveLength(6);
    f.clock.set(local(netherlands, '2027-03-18T09:00'));
    await other.delivery.enqueue({
      broadcastId: 'seventh',
      purpose: 'test',
      urgency: 'normal',
      recipients: [{ key: keyOf(1), activity: message('seventh') }],
    });
    await f.drain(other);
    await at('2027-03-19T10:00');
    expect(received()).toHaveLength(6);
    await at('2027-03-22T08:00');
    expect(received()).toContain('seventh');
    await other.worker.stop();
  });

  it('an urgent relay at 23:00 on a Sunday goes at once; a normal sendNow then is refused, nothing sent', async () => {
    await start();
    f.clock.set(local(netherlands, '2027-03-28T23:00'));
    await expect(f.run(f.engine.delivery.sendNow(keyOf(1), message('relay'), 'urgent'))).resolves.toMatch(
      /^m/,
    );
    expect(received()).toEqual(['relay']);
    await expect(f.run(f.engine.delivery.sendNow(keyOf(1), message('later'), 'normal'))).rejects.toEqual(
      expect.objectContaining({ reason: 'CALENDAR_HELD' }),
    );
    expect(received()).toEqual(['relay']);
    await expect(f.engine.delivery.sendNow(keyOf(1), message('x'), 'normal')).rejects.toBeInstanceOf(
      SendError,
    );
    await announce('urgent-enqueued', 'urgent');
    await f.drain();
    expect(received()).toEqual(['relay', 'urgent-enqueued']);
  });
});
