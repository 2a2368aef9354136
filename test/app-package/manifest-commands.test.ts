import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { I18n } from '../../src/platform/i18n/i18n';
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
const english = JSON.parse(readFileSync(join(dir, 'en-us.json'), 'utf8')) as Record<string, string>;
const i18n = new I18n();
i18n.register({ nl, en, it: italian });

const menu = manifest.bots[0].commandLists.flatMap((list, i) =>
  list.commands.flatMap((c, j) => [
    { scopes: list.scopes, locale: 'nl-NL', lang: 'nl' as const, title: c.title },
    {
      scopes: list.scopes,
      locale: 'en-US',
      lang: 'en' as const,
      title: english[`bots[0].commandLists[${i}].commands[${j}].title`],
    },
  ]),
);

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

  it.each(menu.filter((m) => m.scopes.includes('personal')).map((m) => [m.lang, m.title, m.locale] as const))(
    'personal (%s) "%s" is understood by the bot',
    async (lang, title, locale) => {
      const replies = await bot.user('Medewerker Demo').locale(locale).say(title);
      expect(replies.length).toBeGreaterThan(0);
      const helpTitle = i18n.t(lang, 'help.title');
      if (title === 'help') expect(text(replies)).toContain(helpTitle);
      else expect(text(replies)).not.toContain(helpTitle);
    },
  );

  it.each(menu.filter((m) => m.scopes.includes('team')).map((m) => [m.title] as const))(
    'team "%s" is understood in a channel',
    async (title) => {
      const replies = await bot.channel('Algemeen').say(title);
      expect(replies.length).toBeGreaterThan(0);
      if (title !== 'help') expect(text(replies)).not.toContain(i18n.t('nl', 'help.title'));
    },
  );
});
