import { containers } from '../../../src/storage/document-store.port';
import { cardActions, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { join, lastCard, rPrideChannelTitle, withRPrideChannel } from './networks.conversation.helpers';

describe('networks: a medewerker browses, joins and leaves privately', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: withRPrideChannel });
  });
  afterAll(async () => bot.stop());

  it("lists every network with its description and coordinators' names", async () => {
    const card = lastCard(await bot.user('Eva Smit').say('netwerken'));
    const text = cardText(card);
    for (const name of ['R-Pride', 'Neurodiversiteit', "Jong'R", 'Inclusiviteitspanel'])
      expect(text).toContain(name);
    expect(text).toContain("Netwerk voor LGBTQIA+-collega's.");
    expect(text).toContain('Coördinatoren: Lotte Visser');
    const joins = cardActions(card)
      .filter((a) => a.verb === 'networks.join')
      .map((a) => a.title);
    expect(joins).toHaveLength(4);
    expect(joins).toContain('Lid worden van R-Pride');
    expect(new Set(joins).size).toBe(4);
    const en = cardText(lastCard(await bot.user('Kofi Mensah').locale('en').say('networks')));
    expect(en).toContain('Network for LGBTQIA+ colleagues.');
  });

  it('joins and leaves in the 1:1 chat only: nothing is posted anywhere, no log ties the person to the network', async () => {
    const eva = bot.user('Eva Smit');
    const channel = bot.channel(rPrideChannelTitle);
    await channel.install();
    const channelBefore = channel.inbox().length;
    const logsBefore = bot.logs().length;
    const requestsBefore = bot.connector.requests.length;

    const joined = await join(eva, 'r-pride');
    expect(cardText(joined)).toContain(
      'Je bent nu lid van R-Pride. Alleen de coördinatoren van dit netwerk zien dat.',
    );
    expect(cardActions(joined).map((a) => a.title)).toContain('Lidmaatschap van R-Pride opzeggen');
    expect(await bot.deps.store.get(containers.networks, 'r-pride', eva.aadObjectId)).toBeDefined();
    // A retried click changes nothing.
    const again = await eva.invoke('networks.join', { networkId: 'r-pride' });
    expect(cardText(again.card)).toContain('Je was al lid van R-Pride.');

    const left = await eva.invoke(
      findAction(joined, 'Lidmaatschap van R-Pride opzeggen').verb!,
      findAction(joined, 'Lidmaatschap van R-Pride opzeggen').data,
    );
    expect(cardText(left.card)).toContain('Je bent geen lid meer van R-Pride.');
    expect(await bot.deps.store.get(containers.networks, 'r-pride', eva.aadObjectId)).toBeUndefined();

    await bot.runDue();
    expect(channel.inbox()).toHaveLength(channelBefore);
    // Everything the bot sent since went to Eva's own chat (her 'netwerken' card); nothing elsewhere.
    const sent = bot.connector.requests.slice(requestsBefore);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.conversationId !== eva.conversationId)).toHaveLength(0);
    const newLogs = bot.logs().slice(logsBefore).join('\n');
    expect(newLogs).not.toMatch(
      new RegExp(`${eva.aadObjectId}[^\\n]*r-pride|r-pride[^\\n]*${eva.aadObjectId}`),
    );
  });

  it('refuses to show networks or membership in a channel, and says to use the 1:1 chat', async () => {
    const channel = bot.channel(rPrideChannelTitle).as(bot.user('Eva Smit'));
    const replies = await channel.say('netwerken');
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain('stuur me een persoonlijk bericht');
    expect(cardsOf(replies)).toHaveLength(0);
    const res = await channel.invoke('networks.join', { networkId: 'r-pride' });
    expect(cardText(res.card)).toContain('persoonlijk bericht');
    expect(await bot.deps.store.count(containers.networks, { pk: 'r-pride' })).toBe(0);
  });

  it('a bad payload gets a clear card and changes nothing', async () => {
    const res = await bot.user('Eva Smit').invoke('networks.join', { networkId: '../../etc' });
    expect(cardText(res.card)).toContain('Dat begreep ik niet goed');
    const unknown = await bot.user('Eva Smit').invoke('networks.join', { networkId: 'bestaat-niet' });
    expect(cardText(unknown.card)).toContain('Dat netwerk ken ik niet');
    expect(await bot.deps.store.count(containers.networks)).toBe(0);
  });

  it('help shows "Netwerken" to everyone and the coordinator entries to coordinators only', async () => {
    const staff = cardText(cardsOf(await bot.user('Eva Smit').say('help'))[0]);
    expect(staff).toContain("word privé lid of meld je af (typ 'netwerken')");
    expect(staff).not.toContain("(typ 'aankondiging')");
    const lotte = cardText(cardsOf(await bot.user('Lotte Visser').say('help'))[0]);
    expect(lotte).toContain("(typ 'aankondiging')");
    expect(lotte).toContain("(typ 'leden')");
  });
});
