import { readFileSync } from 'node:fs';
import { I18n, type Catalog, type CatalogueSet } from '../../src/platform/i18n/i18n';
import { flatten } from '../../src/platform/i18n/catalogue-check';
import { Organisation } from '../../src/platform/org/organisation';
import { catalogueSetIn } from './catalogue-files';

/** Every nl and en message as it read before the catalogues named the organisation's words as terms. */
const before = JSON.parse(readFileSync('test/fixtures/rotterdam-messages.json', 'utf8')) as Record<
  string,
  { nl: Record<string, string>; en: Record<string, string> }
>;

describe("Rotterdam's organisation file keeps today's wording byte for byte", () => {
  const org = Organisation.load('config/org.demo.json');

  it.each(Object.keys(before))('%s', (dir) => {
    const i18n = new I18n(org);
    const set = catalogueSetIn(dir) as CatalogueSet;
    i18n.register(set);
    for (const locale of ['nl', 'en'] as const) {
      // tree() fills in the terms and leaves `{x}` placeholders as they are.
      const now = new Map<string, string>();
      for (const top of Object.keys(set.nl)) flatten(i18n.tree(locale, top) as Catalog, top, now);
      const expected = before[dir]?.[locale] ?? {};
      const differing = Object.entries(expected)
        .filter(([key, text]) => now.get(key) !== text)
        .map(([key, text]) => `${locale} ${key}\n  was: ${text}\n  now: ${now.get(key)}`);
      expect(differing).toEqual([]);
    }
  });
});
