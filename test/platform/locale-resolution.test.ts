import { resolveLocale, type LocalePolicy } from '../../src/platform/i18n/locale';

const rotterdam: LocalePolicy = { languages: ['nl', 'en'], defaultLocale: 'nl' };
const gent: LocalePolicy = { languages: ['nl-BE', 'nl', 'en'], defaultLocale: 'nl-BE' };
const flemishOnly: LocalePolicy = { languages: ['nl-BE', 'en'], defaultLocale: 'nl-BE' };
const genova: LocalePolicy = { languages: ['it', 'en'], defaultLocale: 'it' };

describe('locale resolution: Teams locale → language with region → language → default', () => {
  it('takes the exact language with region the organisation offers', () => {
    expect(resolveLocale('nl-BE', gent)).toBe('nl-BE');
    expect(resolveLocale('NL_be', gent)).toBe('nl-BE');
  });

  it('falls back to the language when the region is not offered', () => {
    expect(resolveLocale('nl-BE', rotterdam)).toBe('nl');
    expect(resolveLocale('nl-NL', rotterdam)).toBe('nl');
    expect(resolveLocale('nl-NL', gent)).toBe('nl');
    expect(resolveLocale('it-IT', genova)).toBe('it');
    expect(resolveLocale('it-CH', genova)).toBe('it');
    expect(resolveLocale('en-US', rotterdam)).toBe('en');
    expect(resolveLocale('en', genova)).toBe('en');
  });

  it("takes a regional variant of the person's language when only that is offered", () => {
    expect(resolveLocale('nl-NL', flemishOnly)).toBe('nl-BE');
    expect(resolveLocale('nl', flemishOnly)).toBe('nl-BE');
  });

  it("gives everyone else the organisation's default", () => {
    expect(resolveLocale('fr-BE', gent)).toBe('nl-BE');
    expect(resolveLocale('it-IT', rotterdam)).toBe('nl');
    expect(resolveLocale('de-DE', genova)).toBe('it');
    expect(resolveLocale(undefined, genova)).toBe('it');
    expect(resolveLocale('', rotterdam)).toBe('nl');
  });
});
