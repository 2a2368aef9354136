import { cardsOf, cardText } from '../support/cards';
import { FakeConnector } from '../support/fake-connector';
import { startTestBot, type TestBot } from '../support/test-bot';

/** The adapter keeps Bot Connector clients across turns: each must still talk to its own service URL. */
describe('Teams adapter with reused connector clients', () => {
  let bot: TestBot;
  let other: FakeConnector;
  beforeAll(async () => {
    bot = await startTestBot();
    other = await FakeConnector.start();
  });
  afterAll(async () => {
    await bot.stop();
    await other.stop();
  });

  const helpFrom = (serviceUrl: string) => {
    const user = bot.user('Medewerker Demo');
    return bot.post({
      ...bot.baseActivity(
        { id: user.conversationId, conversationType: 'personal' },
        { id: `29:${user.aadObjectId}`, aadObjectId: user.aadObjectId, name: user.name },
        'nl-NL',
      ),
      serviceUrl,
      type: 'message',
      text: 'help',
    });
  };

  it('answers each turn through the service URL that turn came from, also after another one', async () => {
    const conversation = bot.user('Medewerker Demo').conversationId;
    for (const [url, expected] of [
      [bot.connector.url, [1, 0]],
      [other.url, [1, 1]],
      [bot.connector.url, [2, 1]],
      [other.url, [2, 2]],
    ] as const) {
      expect((await helpFrom(url)).status).toBe(200);
      expect([bot.connector.messages(conversation).length, other.messages(conversation).length]).toEqual(
        expected,
      );
    }
    const reply = other.messages(conversation).at(-1)!.body as { attachments?: Array<{ content?: unknown }> };
    expect(cardText(cardsOf([reply])[0])).toContain('Wat kan ik voor je doen?');
  });

  it('answers a card action in the HTTP response while turns keep using the same clients', async () => {
    const user = bot.user('Medewerker Demo');
    const first = await user.invoke('help.show');
    const second = await user.invoke('help.show');
    expect(first.status).toBe(200);
    expect(cardText(second.card)).toBe(cardText(first.card));
    expect(cardText(second.card)).toContain('Wat kan ik voor je doen?');
  });
});
