import { cardText, cardsOf } from '../support/cards';
import { exampleOrg } from '../support/example-org';
import { startTestBot, type TestBot } from '../support/test-bot';

/**
 * English texts name the word staff know in the organisation's own language (`{@ateliers:default}`): the
 * running bot fills it from the organisation file, so Genova's English readers see Genova's word.
 */
describe('the welcome in English names the atelier word of the organisation’s default language', () => {
  let bot: TestBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('Rotterdam: "kennisateliers (knowledge workshops)", as before', async () => {
    bot = await startTestBot();
    const welcome = cardsOf(await bot.user('Medewerker Demo').locale('en-US').install()).map(cardText);
    expect(welcome.join('\n')).toContain('Through me you sign up for kennisateliers (knowledge workshops),');
  });

  it('Genova: "laboratori (workshops)", and no Rotterdam word', async () => {
    bot = await startTestBot({ orgPatch: exampleOrg('genova') });
    const welcome = cardsOf(await bot.user('Davide Queirolo').locale('en-US').install())
      .map(cardText)
      .join('\n');
    expect(welcome).toContain('Through me you sign up for laboratori (workshops),');
    expect(welcome).not.toMatch(/kennisatelier|\{@/i);
  });
});
