import { readFileSync } from 'node:fs';
import { Organisation } from '../../src/platform/org/organisation';

const demo = () => JSON.parse(readFileSync('config/org.demo.json', 'utf8'));

describe("the organisation file's languages and terms", () => {
  it("offers Rotterdam's nl and en, with its words in each", () => {
    const org = Organisation.load('config/org.demo.json');
    expect(org.languages).toEqual(['nl', 'en']);
    expect(org.terms('nl')?.unit).toBe('cluster');
    expect(org.terms('en')?.kernteamMember).toBe('core team member');
    // A language it does not offer reads the default's words.
    expect(org.terms('it')?.atelier).toBe('kennisatelier');
  });

  it('defaults the languages to the default locale and English, once', () => {
    const raw = demo();
    delete raw.organisation.languages;
    raw.organisation.defaultLocale = 'en';
    expect(Organisation.fromObject(raw).languages).toEqual(['en']);
  });

  it('refuses an offered language without terms, and a language list without the default, line by line', () => {
    const raw = demo();
    raw.organisation.languages = ['en', 'it'];
    expect(() => Organisation.fromObject(raw, 'org.json')).toThrow(
      /organisation\.languages: must include the default locale "nl"[\s\S]*terms\.it: missing: the organisation's words in "it"/,
    );
  });

  it('refuses a term set with a word missing or with braces', () => {
    const raw = demo();
    delete raw.terms.en.unit;
    raw.terms.nl.panel = '{panel}';
    expect(() => Organisation.fromObject(raw, 'org.json')).toThrow(
      /terms\.nl\.panel: no braces[\s\S]*terms\.en\.unit/,
    );
  });

  it('lets Flemish use the Dutch terms unless it has its own', () => {
    const raw = demo();
    raw.organisation.languages = ['nl-BE', 'nl', 'en'];
    const org = Organisation.fromObject(raw);
    expect(org.terms('nl-BE')?.secretary).toBe('gemeentesecretaris');
    raw.terms['nl-BE'] = { ...raw.terms.nl, secretary: 'stadssecretaris' };
    expect(Organisation.fromObject(raw).terms('nl-BE')?.secretary).toBe('stadssecretaris');
  });
});
