import { periodFigures, suppress, quarterOf } from '../../../src/features/kernteam/kernteam.figures.rules';
import { nextAgendaMeeting, nextMeeting } from '../../../src/features/kernteam/kernteam.meetings.rules';

const zone = 'Europe/Amsterdam';
const schedule = { firstDate: '2026-10-15', intervalDays: 14, time: '15:00' };

describe('kernteam meetings every two weeks in the organisation time zone', () => {
  it('finds the next meeting, also on the meeting day before it starts', () => {
    expect(nextMeeting(new Date('2026-10-01T00:00:00Z'), schedule, zone).date).toBe('2026-10-15');
    expect(nextMeeting(new Date('2026-10-29T13:59:00Z'), schedule, zone).date).toBe('2026-10-29');
    expect(nextMeeting(new Date('2026-10-29T14:00:00Z'), schedule, zone).date).toBe('2026-11-12');
  });

  it('sends the agenda two days before at 09:00 local, across the change to winter time', () => {
    const summer = nextAgendaMeeting(new Date('2026-10-01T00:00:00Z'), schedule, zone);
    expect(summer.agendaAt.toISOString()).toBe('2026-10-13T07:00:00.000Z');
    const winter = nextAgendaMeeting(new Date('2026-10-14T00:00:00Z'), schedule, zone);
    expect(winter.date).toBe('2026-10-29');
    expect(winter.agendaAt.toISOString()).toBe('2026-10-27T08:00:00.000Z');
    expect(winter.startsAt.toISOString()).toBe('2026-10-29T14:00:00.000Z');
  });
});

describe('signal figures', () => {
  it('puts an instant in its local quarter', () => {
    expect(quarterOf(new Date('2026-12-31T23:30:00Z'), zone)).toBe('2027-Q1');
    expect(quarterOf(new Date('2026-07-01T12:00:00Z'), zone)).toBe('2026-Q3');
  });

  it('hides cells under 5 and, when only one is hidden, coarsens the smallest shown cell', () => {
    const rows = suppress('2026-Q1', { a: 7, b: 5, c: 2 }, ['a', 'b', 'c']).rows;
    expect(rows).toEqual([
      { topic: 'a', cell: { kind: 'exact', value: 7 } },
      { topic: 'b', cell: { kind: 'atLeast5' } },
      { topic: 'c', cell: { kind: 'under5' } },
    ]);
    expect(suppress('2026-Q1', { a: 3, b: 1 }, ['a', 'b'])).toEqual({
      period: '2026-Q1',
      total: { kind: 'under5' },
      rows: [],
    });
  });

  it('adds quarters into the year before suppressing', () => {
    const periods = periodFigures(
      [
        { quarter: '2026-Q1', byTopic: { a: 3 } },
        { quarter: '2026-Q2', byTopic: { a: 3, b: 6 } },
      ],
      ['a', 'b'],
    );
    expect(periods.map((p) => p.period)).toEqual(['2026-Q2', '2026-Q1', '2026']);
    expect(periods[2].rows).toEqual([
      { topic: 'a', cell: { kind: 'exact', value: 6 } },
      { topic: 'b', cell: { kind: 'exact', value: 6 } },
    ]);
  });
});
