import nl from '../../src/platform/i18n/nl.json';
import en from '../../src/platform/i18n/en.json';
import italian from '../../src/platform/i18n/it.json';
import { I18n, localeFrom } from '../../src/platform/i18n/i18n';

const rotterdam = { languages: ['nl', 'en'] as const, defaultLocale: 'nl' as const };

describe('i18n', () => {
  it('speaks Dutch by default and English to English Teams clients', () => {
    expect(localeFrom('en-US', rotterdam)).toBe('en');
    expect(localeFrom('nl-NL', rotterdam)).toBe('nl');
    expect(localeFrom('de-DE', rotterdam)).toBe('nl');
    expect(localeFrom(undefined, rotterdam)).toBe('nl');
    const i18n = new I18n();
    i18n.register({ nl, en, it: italian });
    expect(i18n.t('en', 'help.intro', { panel: 'Panel' })).toContain('Panel');
    expect(i18n.t('nl', 'help.title')).toBe('Wat kan ik voor je doen?');
  });

  it('refuses catalogues whose languages differ, listing every problem', () => {
    const i18n = new I18n();
    expect(() =>
      i18n.register({ nl: { a: { b: 'x', c: 'y' } }, en: { a: { b: 'x' } }, it: { a: { b: 'x', c: 'y' } } }),
    ).toThrow(/en: a\.c is missing/);
  });
});
