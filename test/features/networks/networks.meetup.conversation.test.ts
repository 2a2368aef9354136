import { cardActions, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { newMembers, rPrideChannelTitle, withRPrideChannel } from './networks.conversation.helpers';

/** Pausing the network's announcements: a choice of period under one button (docs/calendar.md). */
const pauseChoices = ['Aankondigingen pauzeren', '1 week', '1 maand', 'Tot ik ze weer aanzet'];

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

  /** What each member sees now: their copy from the inbox, then the view their last click returned. */
  const views = new Map<TestUser, unknown>();
  const rsvp = async (user: TestUser, title: 'Aanmelden' | 'Afmelden', onCopy = false) => {
    const action = findAction((!onCopy && views.get(user)) || cardsOf(bot.inbox(user)).at(-1), title);
    const res = await user.invoke(action.verb!, action.data);
    views.set(user, res.card);
    return res;
  };

  it('before answering, a member sees only "sign up" beside the membership buttons, named apart', () => {
    const titles = cardActions(cardsOf(bot.inbox(members[0]!)).at(-1)).map((a) => a.title);
    expect(titles).toEqual(['Aanmelden voor bijeenkomst', ...pauseChoices, 'Lidmaatschap opzeggen']);
  });

  it('members sign up from the card; the seats go first come, first served, then the waitlist', async () => {
    expect(cardText(cardsOf(bot.inbox(members[0]!)).at(-1))).toContain('Plaatsen: 2');
    expect(cardText((await rsvp(members[0]!, 'Aanmelden')).card)).toContain('Je bent aangemeld.');
    expect(cardText((await rsvp(members[0]!, 'Aanmelden', true)).card)).toContain('Je bent aangemeld.'); // again
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

  it('with a seat, the card offers "cancel" and a calendar file for that person only', async () => {
    const seated = { card: views.get(members[1]!) };
    const titles = cardActions(seated.card).map((a) => a.title);
    expect(titles).toEqual([
      'Afmelden voor bijeenkomst',
      'Zet in mijn agenda (.ics)',
      ...pauseChoices,
      'Lidmaatschap opzeggen',
    ]);
    const url = String(findAction(seated.card, 'agenda').url);
    const file = await fetch(`${bot.url}${new URL(url).pathname}`);
    expect(file.status).toBe(200);
    const ics = await file.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('SUMMARY:Pride-diner');
    expect(ics).toContain('DTSTART:20261204T170000Z');
    expect(ics).not.toMatch(/ATTENDEE/);
    const other = await fetch(`${bot.url}${new URL(url).pathname.replace(/\.[^.]*$/, '.forged')}`);
    expect(other.status).toBe(404);
    const cancelled = await rsvp(members[1]!, 'Afmelden');
    expect(cardActions(cancelled.card).map((a) => a.title)[0]).toBe('Aanmelden voor bijeenkomst');
    expect((await fetch(`${bot.url}${new URL(url).pathname}`)).status).toBe(404);
  });
});
