import { cardText, cardsOf } from '../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../support/test-bot';

/** The install event as Teams and the Agents Playground send it: no locale, no clientInfo entity. */
async function installWithoutLocale(bot: TestBot, user: TestUser) {
  const before = bot.messagesIn(user.conversationId).length;
  const activity: Record<string, unknown> = {
    ...bot.baseActivity(
      { id: user.conversationId, conversationType: 'personal' },
      { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId },
      'en-US',
    ),
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:panelbot-test' }],
  };
  delete activity.locale;
  delete activity.entities;
  await bot.post(activity);
  return cardsOf(bot.messagesIn(user.conversationId).slice(before));
}

describe('the welcome and the help that follows speak the same language', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot.stop());

  it('an install without a language: Dutch welcome that says in English the bot follows Teams', async () => {
    const kofi = bot.user('Kofi Mensah').locale('en');
    const [welcome] = await installWithoutLocale(bot, kofi);
    expect(cardText(welcome)).toContain('Welkom bij het Inclusiviteitspanel');
    expect(cardText(welcome)).toContain('Prefer English? Type');
    const [help] = cardsOf(await kofi.say('help'));
    expect(cardText(help)).toContain('What can I do for you?');
  });

  it('an install without a language from someone Teams told us speaks English: all English', async () => {
    const tim = bot.user('Tim van Dijk').locale('en');
    await tim.say('hello');
    const [welcome] = await installWithoutLocale(bot, tim);
    expect(cardText(welcome)).toContain('Welcome to');
    expect(cardText(welcome)).not.toContain('Liever in het Nederlands');
  });
});
