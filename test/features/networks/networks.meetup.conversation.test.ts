import { cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { newMembers, rPrideChannelTitle, withRPrideChannel } from './networks.conversation.helpers';

describe('networks: a meetup with RSVP through the shared sign-up model', () => {
  let bot: TestBot;
  let lotte: TestUser;
  let members: TestUser[];
  let announcementId: string;

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: withRPrideChannel });
    await bot.channel(rPrideChannelTitle).install();
    lotte = bot.user('Lotte Visser');
    members = await newMembers(bot, 'r-pride', 3);
    const form = await lotte.invoke('networks.announce.form', { kind: 'meetup' });
    expect(cardText(form.card)).toContain('Nieuwe bijeenkomst');
    const preview = await lotte.invoke('networks.announce.preview', {
      kind: 'meetup',
      announcementId: '',
      networkId: 'r-pride',
      text: 'We eten samen en praten bij.',
      link: '',
      title: 'Pride-diner',
      date: '2026-12-04',
      time: '18:00',
      place: 'Timmerhuis, zaal 3',
      capacity: '2',
      rsvp: 'true',
      toMembers: 'true',
      toChannel: 'true',
    });
    expect(cardText(preview.card)).toContain('vrijdag 4 december 2026, 18:00');
    const send = findAction(preview.card, 'Versturen');
    announcementId = String(send.data?.announcementId);
    await lotte.invoke(send.verb!, send.data);
    await bot.runDue();
  });
  afterAll(async () => bot.stop());

  const rsvp = (user: TestUser, title: 'Aanmelden' | 'Afmelden') => {
    const action = findAction(cardsOf(bot.inbox(user)).at(-1), title);
    return user.invoke(action.verb!, action.data);
  };

  it('members sign up from the card; the seats go first come, first served, then the waitlist', async () => {
    expect(cardText(cardsOf(bot.inbox(members[0]!)).at(-1))).toContain('Plaatsen: 2');
    expect(cardText((await rsvp(members[0]!, 'Aanmelden')).card)).toContain('Je bent aangemeld.');
    expect(cardText((await rsvp(members[0]!, 'Aanmelden')).card)).toContain('Je bent aangemeld.'); // retried click
    expect(cardText((await rsvp(members[1]!, 'Aanmelden')).card)).toContain('Je bent aangemeld.');
    const third = await rsvp(members[2]!, 'Aanmelden');
    expect(cardText(third.card)).toContain('Je staat op de wachtlijst (plek 1)');
    expect(findAction(third.card, 'Afmelden')).toBeDefined();
  });

  it('the coordinator sees the RSVPs with names', async () => {
    const status = cardText((await lotte.invoke('networks.announce.status', { announcementId })).card);
    expect(status).toContain('Aangemeld: 2 van 2');
    expect(status).toContain('Wachtlijst: 1');
    expect(status).toContain('Aangemeld: Collega 1, Collega 2');
    expect(status).toContain('Wachtlijst: Collega 3');
  });

  it('a cancellation gives the seat to the first on the waitlist, who is told in their chat', async () => {
    const before = bot.inbox(members[2]!).length;
    const res = await rsvp(members[0]!, 'Afmelden');
    expect(cardText(res.card)).toContain('Je bent niet aangemeld.');
    await bot.runDue();
    const inbox = bot.inbox(members[2]!);
    expect(inbox).toHaveLength(before + 1);
    const note = cardText(cardsOf(inbox).at(-1));
    expect(note).toContain('Er is een plek vrijgekomen: je bent nu aangemeld.');
    expect(note).toContain('Pride-diner');
  });

  it("in the network's channel anyone can sign up; the answer is shown to the clicker only", async () => {
    const channel = bot.channel(rPrideChannelTitle).as(bot.user('Fatima Ouali'));
    const post = cardsOf(channel.inbox()).at(-1);
    const action = findAction(post, 'Aanmelden');
    const res = await channel.invoke(action.verb!, action.data);
    expect(cardText(res.card)).toContain('Je staat op de wachtlijst (plek 1)');
    expect(channel.inbox().length).toBe(bot.messagesIn(channel.id).length);
    expect(bot.updatesIn(channel.id)).toHaveLength(0);
  });

  it('a non-member cannot sign up from a forwarded 1:1 card', async () => {
    const res = await bot.user('Jeroen de Graaf').invoke('networks.rsvp', { announcementId });
    expect(cardText(res.card)).toContain('Je bent geen lid van dit netwerk');
  });
});
