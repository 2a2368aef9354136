import { whenText } from '../../src/features/kennisatelier/kennisatelier.format';
import { formatDate, formatWhen } from '../../src/platform/i18n/format';

/** Formatted dates are kept per instant, language, zone and pattern: each must still get its own text. */
describe('dates as people read them', () => {
  const zone = 'Europe/Amsterdam';

  it('gives each language, instant and zone its own text, also right after another', () => {
    const at = '2027-06-01T12:00:00.000Z';
    expect(formatWhen(at, 'nl', zone)).toBe('dinsdag 1 juni 2027, 14:00');
    expect(formatWhen(at, 'en', zone)).toBe('Tuesday 1 June 2027, 14:00');
    expect(formatWhen(at, 'it', zone)).toBe('martedì 1 giugno 2027, 14:00');
    expect(formatWhen(at, 'nl', zone)).toBe('dinsdag 1 juni 2027, 14:00');
    expect(formatWhen('2027-06-02T12:00:00.000Z', 'nl', zone)).toBe('woensdag 2 juni 2027, 14:00');
    expect(formatWhen(at, 'nl', 'Europe/London')).toBe('dinsdag 1 juni 2027, 13:00');
    expect(formatDate(at, 'nl', zone)).toBe('1 juni 2027');
    expect(formatWhen(new Date(at), 'en', zone)).toBe('Tuesday 1 June 2027, 14:00');
  });

  it("writes an atelier's time span per language and per atelier", () => {
    const a = { startsAt: '2027-06-01T12:00:00.000Z', endsAt: '2027-06-01T14:00:00.000Z' };
    const b = { startsAt: '2027-06-01T12:00:00.000Z', endsAt: '2027-06-02T08:00:00.000Z' };
    expect(whenText(a, 'nl', zone)).toBe('dinsdag 1 juni 2027, 14:00–16:00');
    expect(whenText(a, 'en', zone)).toBe('Tuesday 1 June 2027, 14:00–16:00');
    expect(whenText(b, 'nl', zone)).toBe('dinsdag 1 juni 2027, 14:00–woensdag 2 juni 2027, 10:00');
  });
});
