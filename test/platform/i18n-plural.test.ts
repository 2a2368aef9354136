import { I18n } from '../../src/platform/i18n/i18n';

describe('i18n: ICU plural arguments', () => {
  const i18n = new I18n();
  i18n.register(
    {
      p: {
        seats: '{count, plural, =0 {geen plekken} one {# plek} other {# plekken}} vrij in {room}',
        nested: '{cap, plural, =0 {{n, plural, one {# doet} other {# doen}} mee} other {{n} van {cap}}}',
      },
    },
    {
      p: {
        seats: '{count, plural, =0 {no places} one {# place} other {# places}} free in {room}',
        nested: '{cap, plural, =0 {{n, plural, one {# joins} other {# join}}} other {{n} of {cap}}}',
      },
    },
  );

  it('picks =n, then the language category, and fills # and the other placeholders', () => {
    expect(i18n.t('nl', 'p.seats', { count: 0, room: 'zaal 3' })).toBe('geen plekken vrij in zaal 3');
    expect(i18n.t('nl', 'p.seats', { count: 1, room: 'zaal 3' })).toBe('1 plek vrij in zaal 3');
    expect(i18n.t('nl', 'p.seats', { count: 12, room: 'zaal 3' })).toBe('12 plekken vrij in zaal 3');
    expect(i18n.t('en', 'p.seats', { count: 1, room: 'room 3' })).toBe('1 place free in room 3');
  });

  it('formats a plural inside a plural, each # its own number', () => {
    expect(i18n.t('nl', 'p.nested', { cap: 0, n: 1 })).toBe('1 doet mee');
    expect(i18n.t('nl', 'p.nested', { cap: 0, n: 3 })).toBe('3 doen mee');
    expect(i18n.t('en', 'p.nested', { cap: 2, n: 1 })).toBe('1 of 2');
  });
});
