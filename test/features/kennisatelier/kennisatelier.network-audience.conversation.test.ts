import { cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { createAtelier, installEverywhere, storedRoster } from './kennisatelier.helpers';

const networksOnly = 'alleen voor de leden van de netwerken die zijn uitgenodigd';

async function joinNetwork(user: TestUser, networkId: string): Promise<void> {
  const card = cardsOf(await user.say('netwerken')).at(-1);
  const join = findAction(card, 'Lid worden');
  await user.invoke(join.verb!, { ...join.data, networkId });
}

describe('finding 10: a network-only atelier checks the audience on every verb by atelier id', () => {
  let bot: TestBot;
  let member: TestUser;
  let outsider: TestUser;
  beforeEach(async () => {
    bot = await startTestBot();
    member = bot.user('Collega Pride');
    outsider = bot.user('Collega Buiten');
    for (const u of [member, outsider]) await u.install();
    await joinNetwork(member, 'r-pride');
  });
  afterEach(() => bot.stop());

  it('a non-member is refused view, sign-up and cancel, and the roster stays as it was; a member may', async () => {
    const { atelierId } = await createAtelier(bot.user('Lotte Visser'), { networks: 'r-pride' });
    await bot.runDue();
    const roster = await storedRoster(bot, atelierId);

    for (const verb of ['kennisatelier.view', 'kennisatelier.signUp', 'kennisatelier.withdraw']) {
      const res = await outsider.invoke(verb, { atelierId });
      expect({ verb, text: cardText(res.card) }).toEqual({
        verb,
        text: expect.stringContaining(networksOnly),
      });
      expect(cardText(res.card)).not.toContain('Inclusief werven'); // nothing of the atelier shown
    }
    expect(await storedRoster(bot, atelierId)).toEqual(roster);
    expect(cardText(cardsOf(await outsider.say('ateliers'))[0])).not.toContain('Inclusief werven');
    const english = await outsider.locale('en').invoke('kennisatelier.view', { atelierId });
    expect(cardText(english.card)).toContain('only for members of the networks that were invited');

    const view = await member.invoke('kennisatelier.view', { atelierId });
    expect(cardText(view.card)).toContain('Inclusief werven in de praktijk');
    const signedUp = await member.invoke('kennisatelier.signUp', { atelierId });
    expect(cardText(signedUp.card)).toMatch(/aangemeld/i);
    expect((await storedRoster(bot, atelierId))?.attending).toEqual([member.aadObjectId]);
    // The calendar file comes only with a seat, and only to a member.
    expect(findAction(signedUp.card, /agenda|calendar/i).url).toMatch(/\/files\//);
    // Leaving the network later does not strand the seat: its holder may still see and cancel it.
    const networks = cardsOf(await member.say('netwerken')).at(-1);
    const leave = findAction(networks, 'Lidmaatschap van R-Pride opzeggen');
    await member.invoke(leave.verb!, { ...leave.data, networkId: 'r-pride' });
    const withdrawn = await member.invoke('kennisatelier.withdraw', { atelierId });
    expect(cardText(withdrawn.card)).not.toContain(networksOnly);
    expect((await storedRoster(bot, atelierId))?.attending).toEqual([]);
  });

  it('with a channel too: refused during the networks’ head start, open to everyone after it', async () => {
    const { channel } = await installEverywhere(bot, ['Sanne de Vries']);
    const { atelierId } = await createAtelier(bot.user('Sanne de Vries'), {
      channels: channel.id,
      networks: 'r-pride',
    });
    await bot.runDue();
    expect(cardText((await outsider.invoke('kennisatelier.signUp', { atelierId })).card)).toContain(
      networksOnly,
    );
    expect((await storedRoster(bot, atelierId))?.attending ?? []).toEqual([]);
    await bot.advance(48 * 3_600_000);
    const res = await outsider.invoke('kennisatelier.signUp', { atelierId });
    expect(cardText(res.card)).not.toContain(networksOnly);
    expect((await storedRoster(bot, atelierId))?.attending).toEqual([outsider.aadObjectId]);
  });
});
