import { I18n } from '../../src/platform/i18n/i18n';

describe('ICU plural messages', () => {
  const i18n = new I18n();
  i18n.register(
    { t: { points: '{count, plural, =0 {Geen punten} one {# punt} other {# punten}} voor {name}' } },
    { t: { points: '{count, plural, =0 {No points} one {# point} other {# points}} for {name}' } },
  );

  it.each([
    ['nl', 0, 'Geen punten voor Noor'],
    ['nl', 1, '1 punt voor Noor'],
    ['nl', 3, '3 punten voor Noor'],
    ['en', 1, '1 point for Noor'],
    ['en', 12, '12 points for Noor'],
  ] as const)('%s with %d', (locale, count, expected) => {
    expect(i18n.t(locale, 't.points', { count, name: 'Noor' })).toBe(expected);
  });

  it('leaves messages without a plural as they were', () => {
    const plain = new I18n();
    plain.register({ a: 'Hallo {name}, {count}' }, { a: 'Hi {name}, {count}' });
    expect(plain.t('nl', 'a', { name: 'Eva', count: 2 })).toBe('Hallo Eva, 2');
  });
});
