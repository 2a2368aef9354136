import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../src/platform/i18n/i18n';
import { locales, type Locale } from '../../src/platform/i18n/locale';

/** Every `i18n/` folder under src that holds catalogues, sorted. */
export function catalogueDirs(root = 'src'): string[] {
  return readdirSync(root, { withFileTypes: true })
    .flatMap((e) => {
      const path = join(root, e.name);
      if (!e.isDirectory()) return [];
      return e.name === 'i18n' && existsSync(join(path, 'nl.json')) ? [path] : catalogueDirs(path);
    })
    .sort();
}

/** A folder's catalogues as found on disk (a language without a file is left out). */
export function catalogueSetIn(dir: string): Partial<Record<Locale, Catalog>> {
  const set: Partial<Record<Locale, Catalog>> = {};
  for (const locale of locales) {
    const file = join(dir, `${locale}.json`);
    if (existsSync(file)) set[locale] = JSON.parse(readFileSync(file, 'utf8')) as Catalog;
  }
  return set;
}
