import { flatten } from '../../src/platform/i18n/catalogue-check';
import type { Catalog } from '../../src/platform/i18n/i18n';
import { catalogueDirs, catalogueSetIn } from './catalogue-files';

/** Rotterdam's words for what every organisation names itself (config/org.demo.json `terms`). */
const rotterdamWords = [
  /\bDIG\b/,
  /gemeentesecretaris/i,
  /clusterdirecteur/i,
  /\bclusters?\b/i,
  /kernteam/i,
  /kennisatelier/i,
  /inclusiviteitspanel/i,
  /municipal secretary/i,
  /cluster director/i,
  /core team/i,
  /knowledge workshop/i,
  /inclusivity panel/i,
];

/**
 * Messages that may name one on purpose, by folder, language and key, each with why. None today: the
 * English texts that give staff's own word in brackets write it as `{@atelier:default}`, the word in
 * the organisation's default language ("Knowledge workshop (kennisatelier)" in Rotterdam).
 */
const allowed = new Set<string>([]);

describe("catalogues name the organisation's words only through {@term}", () => {
  it.each(catalogueDirs())('%s', (dir) => {
    const found: string[] = [];
    for (const [locale, catalog] of Object.entries(catalogueSetIn(dir))) {
      for (const [key, message] of flatten(catalog as Catalog)) {
        // Term references and argument names (`{cluster}`, `{clusters, plural, …}`) are not words.
        const words = message.replace(/\{@\w+(:default)?\}/g, '').replace(/\{\s*\w+\s*[,}]/g, '');
        for (const word of rotterdamWords)
          if (word.test(words) && !allowed.has(`${dir} ${locale} ${key}`))
            found.push(`${locale} ${key}: ${word.source} in "${message}"`);
      }
    }
    expect(found).toEqual([]);
  });
});
