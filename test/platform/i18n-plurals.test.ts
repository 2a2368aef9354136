import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { I18n, isIcu } from '../../src/platform/i18n/i18n';
import { Organisation } from '../../src/platform/org/organisation';

const org = Organisation.load('config/org.demo.json');

type Catalog = { [key: string]: string | Catalog };

const flat = (o: Catalog, prefix = ''): Array<[string, string]> =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : flat(v, `${prefix}${k}.`),
  );

function catalogueDirs(root = 'src'): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((e) => {
    const path = join(root, e.name);
    if (!e.isDirectory()) return [];
    return e.name === 'i18n' ? [path] : catalogueDirs(path);
  });
}

const messages = catalogueDirs().flatMap((dir) =>
  (['nl', 'en', 'it'] as const).flatMap((lang) =>
    flat(JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as Catalog).map(([key, text]) => ({
      where: `${dir}/${lang}.json ${key}`,
      lang,
      key,
      text,
    })),
  ),
);

/**
 * Placeholders that always hold a number of things: a noun after one needs a plural form. The words
 * that may follow a bare count are not nouns ("3 van 5", "2 aangemeld").
 */
const countNames = 'count|total|taken|capacity|hours|days|months|submitted|max|min|number|stored|install';
const notNouns =
  'van|of|op|on|en|and|tot|to|via|through|aangemeld|aanwezig|ingediend|signed|present|submitted|' +
  // Italian: "3 su 5", "tra 1 e 5", "2 in lista", "4 inviate", "3 presenti", "alla domanda 2 hai …"
  'su|tra|e|in|inviate|presenti|hai';
const counts = new RegExp(`\\{(${countNames})\\}\\s+(?!(${notNouns})\\b)\\p{L}`, 'u');
const withoutPlurals = (text: string) =>
  text.replace(/\{\s*\w+\s*,\s*plural\s*,(?:[^{}]|\{[^{}]*\})*\}/g, '{plural}');
/** A link or a time-zone name is not a shortcut. */
const urls = /https?:\/\/\S+|\bEurope\/\w+/g;

describe('message catalogues', () => {
  it('finds the catalogues of every feature and of the platform', () => {
    expect(messages.length).toBeGreaterThan(500);
    const dirs = new Set(messages.map((m) => m.where.split('/i18n')[0]));
    expect([...dirs]).toEqual(expect.arrayContaining(['src/platform', 'src/features/networks']));
    expect(dirs.size).toBeGreaterThanOrEqual(8);
  });

  it('write no "(en)", "(s)" or "vraag/vragen" shortcuts for a plural', () => {
    const bad = messages.filter(({ text }) => {
      const plain = text.replace(urls, '');
      // "sì/no" names a kind of question, not a plural.
      const slashes = plain.replace(/\bsì\/no\b/g, '');
      return /\p{L}\((en|s|n|e|es)\)/u.test(plain) || /\p{L}\/\p{L}/u.test(slashes);
    });
    expect(bad.map((m) => `${m.where}: ${m.text}`)).toEqual([]);
  });

  it('write a count followed by a noun as an ICU plural ("1 lid", never "1 leden")', () => {
    const bad = messages.filter(({ text }) => counts.test(withoutPlurals(text)));
    expect(bad.map((m) => `${m.where}: ${m.text}`)).toEqual([]);
  });

  it('format every plural for 0, 1 and 2 in its language, with nothing left unfilled', () => {
    const icu = messages.filter((m) => isIcu(m.text));
    expect(icu.length).toBeGreaterThan(10);
    for (const m of icu) {
      const names = [...new Set([...m.text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((x) => x[1]))];
      for (const n of [0, 1, 2]) {
        const params = Object.fromEntries(names.map((name) => [name, n]));
        const single = new I18n((l) => org.terms(l) ?? org.terms('en'));
        single.register({ nl: { m: m.text }, en: { m: m.text }, it: { m: m.text } });
        const out = single.t(m.lang, 'm', params);
        expect({ where: m.where, n, out }).toEqual({
          where: m.where,
          n,
          out: expect.not.stringMatching(/[{}]/),
        });
      }
    }
  });

  it('says "1 lid" and "2 leden", "1 member" and "0 members"', () => {
    const i18n = new I18n();
    const nl = JSON.parse(readFileSync('src/features/networks/i18n/nl.json', 'utf8')) as Catalog;
    const en = JSON.parse(readFileSync('src/features/networks/i18n/en.json', 'utf8')) as Catalog;
    i18n.register({ nl, en, it: en });
    expect([0, 1, 2].map((count) => i18n.t('nl', 'networks.members.count', { count }))).toEqual([
      '0 leden',
      '1 lid',
      '2 leden',
    ]);
    expect([0, 1, 2].map((count) => i18n.t('en', 'networks.preview.sendMembers', { count }))).toEqual([
      'Send to 0 members',
      'Send to 1 member',
      'Send to 2 members',
    ]);
    expect(i18n.t('nl', 'networks.preview.sendMembers', { count: 1 })).toBe('Versturen naar 1 lid');
  });
});
