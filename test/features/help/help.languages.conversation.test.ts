import { cardText, cardsOf } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';

const helpWord: Record<ExampleOrg, string> = { genova: 'aiuto', gent: 'help' };
const people: Record<ExampleOrg, { staff: string; office: string }> = {
  genova: { staff: 'Davide Queirolo', office: 'Elena Traverso' },
  gent: { staff: 'Yassine El Idrissi', office: 'Nathalie De Backer' },
};

/** Help and roles as Genova (Italian) and Gent (Flemish) meet them: their language and their own words. */
describe.each(['genova', 'gent'] as const)('help in %s’s example organisation', (name) => {
  let bot: TestBot;
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
  });
  afterAll(async () => bot.stop());

  it('a medewerker asks for help and gets the card in the language, naming the organisation’s ateliers', async () => {
    const { i18n } = bot.deps;
    const text = cardsOf(await bot.user(people[name].staff).locale(locale).say(helpWord[name]))
      .map(cardText)
      .join('\n');
    expect(text).toContain(i18n.t(language, 'help.title'));
    expect(text).toContain(i18n.t(language, 'kennisatelier.help.list.title'));
    expect(text).toContain(bot.deps.org.terms(language)!.ateliers.replace(/^./, (c) => c.toUpperCase()));
  });

  it('the office’s help names its rounds to the organisation’s directors, in the language', async () => {
    const { i18n } = bot.deps;
    const text = cardsOf(await bot.user(people[name].office).locale(locale).say(helpWord[name]))
      .map(cardText)
      .join('\n');
    expect(text).toContain(i18n.t(language, 'help.title'));
    expect(text).toContain(bot.deps.org.terms(language)!.directors);
    expect(text).toContain(bot.deps.org.terms(language)!.programme);
  });

  it('no Rotterdam word or unfilled placeholder in anything the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });
});
