import { cardActions, cardText, cardsOf } from '../support/cards';
import { startTestBot, testTenantId, type TestBot } from '../support/test-bot';
import { containers } from '../../src/storage/document-store.port';

describe('conversation basics', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => bot.stop());

  it('answers "help" with a help card in Dutch listing what a medewerker can do', async () => {
    const replies = await bot.user('Medewerker Demo').say('help');
    const [card] = cardsOf(replies);
    expect(cardText(card)).toContain('Wat kan ik voor je doen?');
    expect(cardText(card)).toContain('Je rollen: medewerker');
    expect(JSON.stringify(card)).toContain('"version":"1.5"');
  });

  it('answers any unknown message with the help card, in English for an English Teams client', async () => {
    const replies = await bot.user('Tim van Dijk').locale('en').say('what is this?');
    const text = cardText(cardsOf(replies)[0]);
    expect(text).toContain('What can I do for you?');
    expect(text).toContain('cluster director');
  });

  it('shows entries by role: a programmateam member sees more than a medewerker', async () => {
    const staff = cardActions(cardsOf(await bot.user('Medewerker Demo').say('help'))[0]).length;
    const programme = cardActions(cardsOf(await bot.user('Sanne de Vries').say('help'))[0]).length;
    expect(programme).toBeGreaterThanOrEqual(staff);
  });

  it('welcomes a person who installs the bot and remembers where to reach them', async () => {
    const noor = bot.user('Noor El Amrani');
    const replies = await noor.install();
    expect(cardText(cardsOf(replies)[0])).toContain('Welkom bij het Inclusiviteitspanel');
    const record = await bot.deps.conversations.get(`user:${noor.aadObjectId}`);
    expect(record?.reference.conversation.id).toBe(noor.conversationId);
    expect(record?.reference.serviceUrl).toBe(bot.connector.url);
  });

  it('remembers a channel the bot is added to, with its name, for announcements', async () => {
    await bot.channel('Algemeen').install();
    const channels = await bot.deps.conversations.channels();
    expect(channels.map((c) => c.title)).toContain('Panel › Algemeen');
  });

  it('answers an unknown card action with a clear card instead of an error', async () => {
    const res = await bot.user('Medewerker Demo').invoke('nothing.here', {});
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toContain('Deze knop werkt niet meer');
  });

  it('rejects a malformed body with 400 and keeps serving', async () => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type": ',
    });
    expect(res.status).toBe(400);
    const empty = await bot.post({ hello: 'world' });
    expect(empty.status).toBe(400);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.url}/readyz`)).status).toBe(200);
  });

  it('never writes message text or names to the logs', async () => {
    await bot.user('Fatima Ouali').say('mijn geheime tekst 4711');
    const logs = bot.logs().join('\n');
    expect(logs).not.toContain('mijn geheime tekst 4711');
    expect(logs).not.toContain('Fatima Ouali');
  });
});

describe('tenant guard', () => {
  it('ignores activities from another tenant and changes nothing', async () => {
    const bot = await startTestBot({ env: { MicrosoftAppTenantId: testTenantId } });
    try {
      const user = bot.user('Medewerker Demo');
      const stranger = {
        ...bot.baseActivity(
          {
            id: 'a:personal-stranger',
            conversationType: 'personal',
            tenantId: '99999999-9999-4999-8999-999999999999',
          },
          user.from,
          'nl-NL',
        ),
        channelData: { tenant: { id: '99999999-9999-4999-8999-999999999999' } },
        type: 'message',
        text: 'help',
      };
      await bot.post(stranger);
      expect(bot.messagesIn('a:personal-stranger')).toHaveLength(0);
      expect(await bot.deps.store.count(containers.conversations)).toBe(0);
      expect(bot.logs().join('\n')).toContain('activity from another tenant ignored');
      expect(cardsOf(await user.say('help'))).toHaveLength(1);
    } finally {
      await bot.stop();
    }
  });
});
