import { containers } from '../../src/storage/document-store.port';
import { cardInputs, cardText, cardsOf } from '../support/cards';
import { startTestBot, testTenantId, type TestBot } from '../support/test-bot';

type Choice = { title: string; value: string };
const choicesOf = (card: unknown, id: string) =>
  ((cardInputs(card).find((i) => i.id === id)?.choices ?? []) as Choice[]).map((c) => c.title);

describe('finding 11: only team channels in the programmateam’s forms, no group chats', () => {
  let bot: TestBot;
  const groupChatId = '19:groupchat-abc@thread.v2';

  beforeAll(async () => {
    bot = await startTestBot();
    await bot.channel('Algemeen').install();
    // A group chat anyone may name; its members named it to look like a channel.
    const member = bot.user('Medewerker Demo');
    await bot.post({
      ...bot.baseActivity(
        { id: groupChatId, conversationType: 'groupChat', isGroup: true, name: 'Panel › Iedereen' },
        member.from,
        'nl-NL',
      ),
      channelData: { tenant: { id: testTenantId } },
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:panelbot-test' }],
    });
    // The bot did record it (it may answer there), so a leak would show in the forms.
    const stored = await bot.deps.store.get(containers.conversations, 'channel', `channel:${groupChatId}`);
    expect(stored).toBeDefined();
  });
  afterAll(() => bot.stop());

  it('the poll form lists the channel and not the group chat; a forged group chat key is refused', async () => {
    const sanne = bot.user('Sanne de Vries');
    const form = cardsOf(await sanne.say('peiling')).at(-1);
    expect(choicesOf(form, 'channel')).toEqual(['Panel › Algemeen']);
    const forged = await sanne.invoke('polls.create', {
      formId: 'e'.repeat(32),
      question: 'Hoe gaat het?',
      kind: 'rating',
      anonymous: 'yes',
      channel: `channel:${groupChatId}`,
      networks: '',
      closesDate: '2026-11-30',
    });
    expect(cardText(forged.card)).not.toContain('verstuurd');
    expect(await bot.deps.store.query(containers.polls)).toEqual([]);
  });

  it('the kennisatelier form lists the channel and not the group chat', async () => {
    const form = await bot.user('Sanne de Vries').invoke('kennisatelier.newForm');
    const titles = choicesOf(form.card, 'channels');
    expect(titles).toContain('Panel › Algemeen');
    expect(titles.join('|')).not.toContain('Iedereen');
  });
});
