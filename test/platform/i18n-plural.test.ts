import { I18n } from '../../src/platform/i18n/i18n';

describe('ICU plural messages', () => {
  const i18n = new I18n();
  i18n.register({
    nl: { t: { points: '{count, plural, =0 {Geen punten} one {# punt} other {# punten}} voor {name}' } },
    en: { t: { points: '{count, plural, =0 {No points} one {# point} other {# points}} for {name}' } },
    it: { t: { points: '{count, plural, =0 {Nessun punto} one {# punto} other {# punti}} per {name}' } },
  });

  it.each([
    ['nl', 0, 'Geen punten voor Noor'],
    ['nl', 1, '1 punt voor Noor'],
    ['nl', 3, '3 punten voor Noor'],
    ['en', 1, '1 point for Noor'],
    ['en', 12, '12 points for Noor'],
    ['it', 1, '1 punto per Noor'],
    ['it', 4, '4 punti per Noor'],
  ] as const)('%s with %d', (locale, count, expected) => {
    expect(i18n.t(locale, 't.points', { count, name: 'Noor' })).toBe(expected);
  });

  it('leaves messages without a plural as they were', () => {
    const plain = new I18n();
    plain.register({
      nl: { a: 'Hallo {name}, {count}' },
      en: { a: 'Hi {name}, {count}' },
      it: { a: 'Ciao {name}, {count}' },
    });
    expect(plain.t('nl', 'a', { name: 'Eva', count: 2 })).toBe('Hallo Eva, 2');
  });
});
