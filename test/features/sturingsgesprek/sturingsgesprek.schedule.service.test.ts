import { nextOccurrence } from '../../../src/features/sturingsgesprek/sturingsgesprek.schedule.service';

const zone = 'Europe/Amsterdam';
const base = {
  mode: 'cadence' as const,
  cadenceMonths: 4 as const,
  startDate: '2026-01-12',
  dates: [] as string[],
};

/** Which opening comes next: every 3 or 4 months from a start date, or the next listed date. */
describe('sturingsgesprek schedule', () => {
  it('steps 4 or 3 months from the start date, after the last round made', () => {
    expect(nextOccurrence(base, '2026-11-23T09:00:00Z', zone)).toBe('2027-01-12');
    expect(nextOccurrence({ ...base, cadenceMonths: 3 }, '2026-11-23T09:00:00Z', zone)).toBe('2027-01-12');
    expect(nextOccurrence({ ...base, cadenceMonths: 3 }, '2026-06-01T09:00:00Z', zone)).toBe('2026-07-12');
    expect(nextOccurrence({ ...base, lastOccurrence: '2027-01-12' }, '2026-11-23T09:00:00Z', zone)).toBe(
      '2027-05-12',
    );
  });

  it('counts an opening at 09:00 Rotterdam time as still ahead until then', () => {
    expect(nextOccurrence(base, '2026-05-12T06:59:00Z', zone)).toBe('2026-05-12'); // 08:59 CEST
    expect(nextOccurrence(base, '2026-05-12T07:00:00Z', zone)).toBe('2026-09-12');
  });

  it('takes listed dates in order, and nothing when they are used up', () => {
    const dates = { ...base, mode: 'dates' as const, dates: ['2027-05-17', '2027-01-18'] };
    expect(nextOccurrence(dates, '2026-11-23T09:00:00Z', zone)).toBe('2027-01-18');
    expect(
      nextOccurrence({ ...dates, lastOccurrence: '2027-05-17' }, '2026-11-23T09:00:00Z', zone),
    ).toBeUndefined();
  });
});
