import { parseDetails } from '../../../src/features/kennisatelier/kennisatelier.details.rules';
import { isAppError } from '../../../src/platform/errors';

const base = {
  title: 'T',
  description: 'D',
  date: '2026-12-01',
  start: '14:00',
  end: '16:00',
  room: 'Zaal',
  meetingUrl: undefined,
  capacity: 10,
  deadlineDate: undefined,
  deadlineTime: undefined,
};
const zone = 'Europe/Amsterdam';
const key = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return e.messageKey;
    throw e;
  }
  return 'ok';
};

describe('atelier details from the form', () => {
  it('reads local Amsterdam times, also across daylight saving', () => {
    expect(parseDetails(base, zone)).toMatchObject({
      startsAt: '2026-12-01T13:00:00.000Z',
      endsAt: '2026-12-01T15:00:00.000Z',
      deadline: '2026-12-01T13:00:00.000Z',
    });
    expect(parseDetails({ ...base, date: '2026-06-01' }, zone).startsAt).toBe('2026-06-01T12:00:00.000Z');
  });

  it('defaults the deadline to the start; a date alone means the end of that day, never after the start', () => {
    expect(parseDetails({ ...base, deadlineDate: '2026-11-28' }, zone).deadline).toBe(
      '2026-11-28T22:59:00.000Z',
    );
    expect(parseDetails({ ...base, deadlineDate: '2026-12-01' }, zone).deadline).toBe(
      '2026-12-01T13:00:00.000Z',
    );
    expect(parseDetails({ ...base, deadlineDate: '2026-11-30', deadlineTime: '12:00' }, zone).deadline).toBe(
      '2026-11-30T11:00:00.000Z',
    );
    expect(
      key(() => parseDetails({ ...base, deadlineDate: '2026-12-01', deadlineTime: '15:00' }, zone)),
    ).toBe('kennisatelier.error.deadlineAfterStart');
  });

  it('refuses what cannot be right', () => {
    expect(key(() => parseDetails({ ...base, end: '14:00' }, zone))).toBe(
      'kennisatelier.error.endBeforeStart',
    );
    expect(key(() => parseDetails({ ...base, date: '2026-02-30' }, zone))).toBe(
      'kennisatelier.error.invalidDate',
    );
    expect(key(() => parseDetails({ ...base, room: undefined }, zone))).toBe(
      'kennisatelier.error.noLocation',
    );
    expect(key(() => parseDetails({ ...base, meetingUrl: 'http://insecure.example' }, zone))).toBe(
      'kennisatelier.error.badUrl',
    );
    expect(key(() => parseDetails({ ...base, capacity: 0 }, zone))).toBe(
      'kennisatelier.error.capacityTooLow',
    );
    expect(
      parseDetails(
        { ...base, room: undefined, meetingUrl: 'https://teams.microsoft.com/l/x', capacity: null },
        zone,
      ),
    ).toMatchObject({ capacity: null, room: undefined });
  });
});
