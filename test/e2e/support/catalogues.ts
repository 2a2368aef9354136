import { I18n, type CatalogueSet } from '../../../src/platform/i18n/i18n';
import { Organisation } from '../../../src/platform/org/organisation';
import { catalogueDirs, catalogueSetIn } from '../../platform/catalogue-files';

/**
 * Every catalogue on disk with an organisation file's words: what the bot under test says, so a test
 * looks for the text a person sees instead of a copy of it.
 */
export function catalogues(orgFile = 'config/org.demo.json'): I18n {
  const org = Organisation.load(orgFile);
  const i18n = new I18n(org);
  for (const dir of catalogueDirs()) i18n.register(catalogueSetIn(dir) as CatalogueSet);
  return i18n;
}
