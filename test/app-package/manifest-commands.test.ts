import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { I18n } from '../../src/platform/i18n/i18n';
import { resolveLocale } from '../../src/platform/i18n/locale';
import { Organisation } from '../../src/platform/org/organisation';
import en from '../../src/platform/i18n/en.json';
import italian from '../../src/platform/i18n/it.json';
import nl from '../../src/platform/i18n/nl.json';
import { cardText } from '../support/cards';
import { startTestBot, type BotActivity, type TestBot } from '../support/test-bot';

/**
 * Teams sends a command-menu entry as a plain message with its title, in the user's language: every title
 * in the manifest (Dutch) and in en-us.json must be something the bot understands, not a word that falls
 * through to the catch-all help card.
 */
const dir = resolve(__dirname, '../../appPackage');
interface CommandList {
  scopes: string[];
  commands: { title: string }[];
}
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  bots: { commandLists: CommandList[] }[];
};
/** Every language file the manifest lists, with the Teams locale its users' clients send. */
const localisations = (
  manifest as unknown as {
    localizationInfo: { additionalLanguages: { languageTag: string; file: string }[] };
  }
).localizationInfo.additionalLanguages.map((l) => ({
  locale: l.languageTag.replace(/-(\w+)$/, (_, r: string) => `-${r.toUpperCase()}`),
  strings: JSON.parse(readFileSync(join(dir, l.file), 'utf8')) as Record<string, string>,
}));
const org = Organisation.load('config/org.demo.json');
const i18n = new I18n((l) => org.terms(l));
i18n.register({ nl, en, it: italian });

const menu = manifest.bots[0].commandLists.flatMap((list, i) =>
  list.commands.flatMap((c, j) => [
    { scopes: list.scopes, locale: 'nl-NL', title: c.title },
    ...localisations.map(({ locale, strings }) => ({
      scopes: list.scopes,
      locale,
      title: strings[`bots[0].commandLists[${i}].commands[${j}].title`] as string,
    })),
  ]),
);
/** The help card's title in the language the bot answers a client in (its organisation's choice). */
const helpTitle = (locale: string) => i18n.t(resolveLocale(locale, org), 'help.title');
/** Help words in every language: only these may answer with the help card. */
const helpWords = new Set(['help', 'aiuto']);

const text = (replies: BotActivity[]) =>
  replies
    .map((r) => [r.text ?? '', ...(r.attachments ?? []).map((a) => cardText(a.content))].join('\n'))
    .join('\n');

describe('the Teams command menu', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('covers every language file the manifest lists, Italian and Flemish included', () => {
    expect(localisations.map((l) => l.locale)).toEqual(['en-US', 'it-IT', 'nl-BE']);
    expect(menu.every((m) => m.title)).toBe(true);
  });

  it.each(menu.filter((m) => m.scopes.includes('personal')).map((m) => [m.locale, m.title] as const))(
    'personal (%s) "%s" is understood by the bot',
    async (locale, title) => {
      const replies = await bot.user('Medewerker Demo').locale(locale).say(title);
      expect(replies.length).toBeGreaterThan(0);
      if (helpWords.has(title)) expect(text(replies)).toContain(helpTitle(locale));
      else expect(text(replies)).not.toContain(helpTitle(locale));
    },
  );

  it.each(menu.filter((m) => m.scopes.includes('team')).map((m) => [m.title] as const))(
    'team "%s" is understood in a channel',
    async (title) => {
      const replies = await bot.channel('Algemeen').say(title);
      expect(replies.length).toBeGreaterThan(0);
      if (!helpWords.has(title)) expect(text(replies)).not.toContain(i18n.t('nl', 'help.title'));
    },
  );
});
