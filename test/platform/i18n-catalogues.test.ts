import { catalogueProblems } from '../../src/platform/i18n/catalogue-check';
import { termNames } from '../../src/platform/org/org.schema';
import { catalogueDirs, catalogueSetIn } from './catalogue-files';

describe('catalogue completeness', () => {
  it('finds every folder of catalogues', () => {
    expect(catalogueDirs()).toEqual(
      expect.arrayContaining([
        'src/platform/i18n',
        'src/features/networks/i18n',
        'src/platform/signups/i18n',
      ]),
    );
  });

  it.each(catalogueDirs())(
    '%s: every key in nl, en and it, overrides only of known keys, the same placeholders',
    (dir) => {
      expect(catalogueProblems(catalogueSetIn(dir), termNames)).toEqual([]);
    },
  );
});

describe('catalogueProblems', () => {
  const nl = { a: { hi: 'Hallo {name}', n: '{count, plural, one {# lid} other {# leden}}' } };
  const en = { a: { hi: 'Hi {name}', n: '{count, plural, one {# member} other {# members}}' } };

  it('accepts a complete set whose term references differ', () => {
    const it = { a: { hi: 'Ciao {name}, {@unit}', n: '{count, plural, one {# socio} other {# soci}}' } };
    expect(catalogueProblems({ nl, en, it }, termNames)).toEqual([]);
  });

  it('lists a missing language, each missing key, each differing placeholder and unknown term', () => {
    const it = { a: { hi: 'Ciao {nome} {@foo}' }, b: 'extra' };
    expect(catalogueProblems({ nl, en, it, 'nl-BE': { a: { x: 'y' } } }, termNames)).toEqual([
      'it: a.n is missing',
      'it: a.hi names an unknown term {@foo}',
      'it: a.hi has placeholders {nome}; nl has {name}',
      'it: b is not in nl',
      'nl-BE: a.x overrides no nl message',
    ]);
    expect(catalogueProblems({ nl, en }, termNames)).toEqual(['it: no catalogue']);
  });

  it('compares ICU argument names, not the words of the branches', () => {
    const it = { a: { hi: 'Ciao {name}', n: '{total, plural, one {# socio} other {# soci}}' } };
    expect(catalogueProblems({ nl, en, it }, termNames)).toEqual([
      'it: a.n has placeholders {total}; nl has {count}',
    ]);
  });

  it('checks a Flemish override like a complete language', () => {
    const it = en;
    expect(catalogueProblems({ nl, en, it, 'nl-BE': { a: { hi: 'Dag {naam}' } } }, termNames)).toEqual([
      'nl-BE: a.hi has placeholders {naam}; nl has {name}',
    ]);
  });
});
