import kennisatelierEn from '../../src/features/kennisatelier/i18n/en.json';
import kennisatelierIt from '../../src/features/kennisatelier/i18n/it.json';
import kennisatelierNl from '../../src/features/kennisatelier/i18n/nl.json';
import { catalogueProblems } from '../../src/platform/i18n/catalogue-check';
import { I18n } from '../../src/platform/i18n/i18n';
import en from '../../src/platform/i18n/en.json';
import italian from '../../src/platform/i18n/it.json';
import nl from '../../src/platform/i18n/nl.json';
import { termNames } from '../../src/platform/org/org.schema';
import { Organisation } from '../../src/platform/org/organisation';

const withCatalogues = (i18n: I18n) => {
  i18n.register({ nl, en, it: italian });
  i18n.register({ nl: kennisatelierNl, en: kennisatelierEn, it: kennisatelierIt });
  return i18n;
};

describe('{@term:default}: the organisation’s word in its default language', () => {
  it("Rotterdam's English keeps the Dutch word staff know, byte for byte", () => {
    const i18n = withCatalogues(new I18n(Organisation.load('config/org.demo.json')));
    expect(i18n.t('en', 'kennisatelier.card.kicker')).toBe('Knowledge workshop (kennisatelier)');
    expect(i18n.t('en', 'welcome.body')).toBe(
      'Through me you sign up for kennisateliers (knowledge workshops), join an employee network and ' +
        'contact a core team member in confidence.',
    );
    expect(i18n.t('nl', 'kennisatelier.card.kicker')).toBe('Kennisatelier');
  });

  it("Genova's English names Genova's Italian word, never Rotterdam's", () => {
    const i18n = withCatalogues(new I18n(Organisation.load('config/org.genova.example.json')));
    expect(i18n.t('en', 'kennisatelier.card.kicker')).toBe('Workshop (laboratorio)');
    expect(i18n.t('en', 'welcome.body')).toMatch(/^Through me you sign up for laboratori \(workshops\),/);
    expect(i18n.t('en', 'kennisatelier.card.kicker')).not.toMatch(/kennisatelier/i);
    expect(i18n.t('it', 'kennisatelier.card.kicker')).toBe('Laboratorio');
  });

  it('follows a reloaded organisation file and takes the capital form', () => {
    const org = Organisation.load('config/org.demo.json');
    const i18n = new I18n(org);
    i18n.register({ nl: { k: '{@Atelier:default}' }, en: { k: '{@Atelier:default}' }, it: { k: 'x' } });
    expect(i18n.t('en', 'k')).toBe('Kennisatelier');
    org.replaceData(Organisation.load('config/org.genova.example.json').data);
    expect(i18n.t('en', 'k')).toBe('Laboratorio');
  });

  it('stays as written when the I18n knows no default language', () => {
    const org = Organisation.load('config/org.demo.json');
    const i18n = withCatalogues(new I18n((l) => org.terms(l)));
    expect(i18n.t('en', 'kennisatelier.card.kicker')).toBe('Knowledge workshop ({@atelier:default})');
  });

  it('the catalogue check knows the form: an unknown word or another suffix is a problem', () => {
    const set = (message: string) => ({ nl: { a: 'x' }, en: { a: message }, it: { a: 'x' } });
    expect(catalogueProblems(set('{@Atelier} ({@atelier:default})'), termNames)).toEqual([]);
    expect(catalogueProblems(set('{@workshop:default}'), termNames)).toEqual([
      'en: a names an unknown term {@workshop}',
    ]);
    expect(catalogueProblems(set('{@atelier:home}'), termNames)).toEqual([
      'en: a has a malformed term reference {@atelier:home}',
    ]);
  });
});
