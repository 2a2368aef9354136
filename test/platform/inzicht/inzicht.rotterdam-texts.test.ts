import { readFileSync } from 'node:fs';
import { seedPanelYear } from '../../../scripts/lib/inzicht-seed';
import { LocalTokenIssuer } from '../../support/local-token-issuer';
import { TestBot } from '../../support/test-bot';
import { wordsOf, type SectionJson } from './inzicht-words';

/**
 * Every word of Rotterdam's Inzicht tab in Dutch and English (section and figure titles, descriptions,
 * reference lines, column and row labels, year-report sentences) as the tab showed them before its texts
 * moved into the catalogues, for the seeded year and one quarter.
 */
const before = JSON.parse(readFileSync('test/fixtures/inzicht-rotterdam-figures.json', 'utf8')) as Record<
  string,
  Record<string, string>
>;

describe("Rotterdam's Inzicht tab keeps its Dutch and English words byte for byte", () => {
  let issuer: LocalTokenIssuer;
  let bot: TestBot;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.start();
    bot = await TestBot.start({ env: issuer.env });
    await seedPanelYear(bot.deps.store, bot.clock, () => bot.runtime.inzicht.figures.fold(true));
  });
  afterAll(async () => {
    await bot.stop();
    await issuer.stop();
  });

  it.each(Object.keys(before))('%s', async (view) => {
    const [lang, period] = view.split(' ');
    const token = await issuer.token({ oid: '7a11e1b0-0000-4000-8000-000000000001' }, bot.clock.now());
    const res = await fetch(`${bot.url}/inzicht/api/figures?period=${period}&lang=${lang}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const now = wordsOf(((await res.json()) as { sections: SectionJson[] }).sections);
    expect(Object.fromEntries(now)).toEqual(before[view]);
  });
});
