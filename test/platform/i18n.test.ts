import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { I18n, localeFrom } from '../../src/platform/i18n/i18n';
import nl from '../../src/platform/i18n/nl.json';
import en from '../../src/platform/i18n/en.json';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
  );

describe('i18n', () => {
  it('speaks Dutch by default and English to English Teams clients', () => {
    expect(localeFrom('en-US')).toBe('en');
    expect(localeFrom('nl-NL')).toBe('nl');
    expect(localeFrom('de-DE')).toBe('nl');
    expect(localeFrom(undefined)).toBe('nl');
    const i18n = new I18n();
    i18n.register(nl, en);
    expect(i18n.t('en', 'help.intro', { panel: 'Panel' })).toContain('Panel');
    expect(i18n.t('nl', 'help.title')).toBe('Wat kan ik voor je doen?');
  });

  it('refuses catalogues whose languages differ', () => {
    const i18n = new I18n();
    expect(() => i18n.register({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toThrow(/en: a\.c/);
  });

  it('has every message of every catalogue in both languages', () => {
    const dirs = ['src/platform/i18n'];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name === 'i18n' && existsSync(join(path, 'nl.json'))) dirs.push(path);
          walk(path);
        }
      }
    };
    walk('src/features');
    walk('src/platform/signups');
    for (const dir of new Set(dirs)) {
      const a = keys(JSON.parse(readFileSync(join(dir, 'nl.json'), 'utf8'))).sort();
      const b = keys(JSON.parse(readFileSync(join(dir, 'en.json'), 'utf8'))).sort();
      expect({ dir, keys: b }).toEqual({ dir, keys: a });
    }
  });
});
