import { renderPersonalView } from '../../../src/features/kennisatelier/cards/atelier.card';
import { botChatLink } from '../../../src/platform/bot/reach-on-the-spot';
import { CardText } from '../../../src/platform/card-text';
import { cardText, cardsOf, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, testCatalogAppId, type TestBot, type TestChannel } from '../../support/test-bot';
import { createAtelier, organiserName, storedAtelier } from './kennisatelier.helpers';

/**
 * A colleague who never opened Panelbot's chat signs up from the card in a team channel. Either the bot
 * can write to them (Teams lets it open a chat because the app is in their team, or Graph installs it),
 * and the reminder comes; or it cannot, and the card says so there and then instead of promising one.
 */
describe('kennisatelier: signing up from a channel without ever opening the bot', () => {
  const newcomer = '0000000c-0000-4000-8000-000000000001';
  const promise = 'Je krijgt vooraf een herinnering';
  const reminderText = "Je bent aangemeld voor 'Inclusief werven in de praktijk'";
  let bot: TestBot;
  let graph: FakeGraph | undefined;
  let channel: TestChannel;
  let atelierId: string;

  async function start(options: { graph?: FakeGraph; teamMembers?: string[] } = {}) {
    bot = await startTestBot({ graph: options.graph });
    bot.connector.configure({ requireInstallForCreate: true, teamMembers: options.teamMembers ?? [] });
    channel = bot.channel('Algemeen');
    await channel.install();
    const sanne = bot.user(organiserName);
    await sanne.install();
    ({ atelierId } = await createAtelier(sanne, { channels: channel.id, capacity: '5' }));
    await bot.runDue();
  }
  afterEach(async () => {
    await bot.stop();
    await graph?.stop();
    graph = undefined;
  });

  const signUpFromChannel = () =>
    channel.as(bot.user('Nieuwe Collega', newcomer)).invoke('kennisatelier.signUp', { atelierId });
  /** Everything the bot wrote in any 1:1 chat with the newcomer. */
  const newcomerCards = (conversationId: string) => cardsOf(bot.messagesIn(conversationId)).map(cardText);
  async function atReminderTime(): Promise<void> {
    const atelier = await storedAtelier(bot, atelierId);
    bot.clock.set(new Date(Date.parse(atelier!.startsAt) - 60_000).toISOString());
    await bot.runDue();
  }

  it('Teams lets the bot open a chat (the app is in their team): promised, and the reminder arrives there', async () => {
    await start({ teamMembers: [newcomer] });
    const res = await signUpFromChannel();
    expect(cardText(res.card)).toContain(promise);
    expect(bot.connector.creates(true)).toHaveLength(1);
    expect(await bot.deps.conversations.get(`user:${newcomer}`)).toMatchObject({ active: true });

    await atReminderTime();
    expect(newcomerCards(`a:personal-${newcomer}`).join('\n')).toContain(reminderText);
  });

  it('the app is nowhere for them and Graph installs it: promised, and the reminder arrives in the new chat', async () => {
    graph = await FakeGraph.start({
      users: [{ id: newcomer }],
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
    });
    const chats = new Map<string, string>();
    graph.onInstall((userId, chatId) => {
      chats.set(userId, chatId);
      bot.connector.markInstalled(userId);
    });
    await start({ graph });
    const res = await signUpFromChannel();
    expect(cardText(res.card)).toContain(promise);
    expect(graph.calls('install')).toHaveLength(1);

    await atReminderTime();
    expect(newcomerCards(chats.get(newcomer) as string).join('\n')).toContain(reminderText);
  });

  it('nobody can reach them (no team, no Graph): signed up, told on the spot that no reminder can come, no false promise', async () => {
    await start();
    const res = await signUpFromChannel();
    const text = cardText(res.card);
    expect(text).toContain('Je bent aangemeld');
    expect(text).toContain('Panelbot kan je nog geen berichten sturen, dus ook geen herinnering');
    expect(text).not.toContain(promise);
    expect(bot.connector.creates().map((r) => r.status)).toEqual([403]);

    // The seat is theirs all the same, and a person who did open the bot is promised as before.
    const opened = bot.user('Bram Mulder');
    await opened.install();
    expect(cardText((await channel.as(opened).invoke('kennisatelier.signUp', { atelierId })).card)).toContain(
      promise,
    );
  });

  it('the card links to the chat with the bot when it knows its app id', async () => {
    await start();
    const atelier = await storedAtelier(bot, atelierId);
    const card = renderPersonalView(CardText.for(bot.deps, 'nl'), bot.clock.now(), {
      atelier: atelier!,
      summary: { capacity: 5, attending: 1, waitlisted: 0 },
      status: { state: 'attending' },
      organiser: false,
      notice: 'signedUpUnreachable',
      openChatUrl: botChatLink('1f2e3d4c-0000-4000-8000-000000000abc'),
    });
    expect(findAction(card, 'Chat met Panelbot openen').url).toBe(
      'https://teams.microsoft.com/l/chat/0/0?users=28:1f2e3d4c-0000-4000-8000-000000000abc',
    );
    expect(botChatLink(undefined)).toBeUndefined();
  });
});
