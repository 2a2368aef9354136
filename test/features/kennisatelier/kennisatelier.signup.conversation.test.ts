import { cardActions, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestChannel, type TestUser } from '../../support/test-bot';
import {
  createAtelier,
  joinNetwork,
  download,
  installEverywhere,
  lastCard,
  organiserName,
  posts,
  staffNames,
  storedRoster,
} from './kennisatelier.helpers';

describe('kennisatelier: signing up as a medewerker', () => {
  let bot: TestBot;
  let channel: TestChannel;
  let sanne: TestUser;
  let staff: TestUser[];
  let atelierId: string;

  beforeEach(async () => {
    bot = await startTestBot();
    ({
      channel,
      users: [sanne, ...staff],
    } = await installEverywhere(bot, [organiserName, ...staffNames]));
    ({ atelierId } = await createAtelier(sanne, { channels: channel.id, capacity: '2' }));
    await bot.runDue();
  });
  afterEach(async () => bot.stop());

  const signUp = (user: TestUser) => user.invoke('kennisatelier.signUp', { atelierId });
  const withdraw = (user: TestUser) => user.invoke('kennisatelier.withdraw', { atelierId });

  it('signing up from the channel card gives the clicker their own view: signed up, Afmelden, calendar file, Teams link', async () => {
    const [sem] = staff;
    const res = await channel.as(sem!).invoke('kennisatelier.signUp', { atelierId });
    const text = cardText(res.card);
    expect(text).toContain('Je bent aangemeld');
    expect(text).toContain('1 van 2 plekken bezet');
    expect(cardActions(res.card).map((a) => a.title)).toEqual([
      'Afmelden',
      'Deelnemen aan Teams-vergadering',
      'Zet in mijn agenda (.ics)',
    ]);
    expect(findAction(res.card, 'Deelnemen').url).toContain('teams.microsoft.com');
    // The shared card is not replaced for everyone (no refresh); the invoke answers only the clicker.
    expect(JSON.stringify(res.card)).not.toContain('"refresh"');

    const ics = await download(bot, findAction(res.card, '.ics').url!);
    expect(ics.status).toBe(200);
    expect(ics.type).toContain('text/calendar');
    const body = ics.body;
    expect(body).toContain('BEGIN:VEVENT');
    expect(body).toContain('DTSTART:20261201T130000Z');
    expect(body).toContain('SUMMARY:Inclusief werven in de praktijk');
    expect(body).not.toMatch(/ATTENDEE/);
  });

  it('the shared card in the channel shows the updated count, coalesced into one update', async () => {
    await Promise.all(staff.slice(0, 2).map(signUp));
    await bot.advance(5_000);
    expect(bot.updatesIn(channel.id)).toHaveLength(1);
    expect(cardText(lastCard(bot, channel.id))).toContain('2 van 2 plekken bezet');
    await signUp(staff[2]!);
    await bot.advance(5_000);
    const card = lastCard(bot, channel.id);
    expect(cardText(card)).toContain('1 op de wachtlijst');
    expect(cardText(card)).not.toMatch(/Sem|Bram|Fatima/);
  });

  it('double-clicks and retried invokes take one seat and answer the same', async () => {
    const [sem] = staff;
    const answers = await Promise.all([signUp(sem!), signUp(sem!), signUp(sem!)]);
    for (const a of answers) expect(cardText(a.card)).toContain('Je bent aangemeld');
    expect(await storedRoster(bot, atelierId)).toEqual({ attending: [sem!.aadObjectId], waitlist: [] });
  });

  it('when full, sign-ups go to the waitlist with their place; a freed seat goes to the first, who gets a message', async () => {
    const [a, b, c, d] = staff;
    await signUp(a!);
    await signUp(b!);
    expect(cardText((await signUp(c!)).card)).toContain('Je staat op de wachtlijst (plek 1)');
    const dView = await signUp(d!);
    expect(cardText(dView.card)).toContain('Je staat op de wachtlijst (plek 2)');
    expect(cardActions(dView.card).map((x) => x.title)).toEqual(['Afmelden']);

    const before = c!.inbox().length;
    const res = await withdraw(a!);
    expect(cardText(res.card)).toContain('Je bent afgemeld');
    expect(cardActions(res.card).map((x) => x.title)).toEqual(['Aanmelden']);
    await bot.runDue();

    const [message] = cardsOf(c!.inbox().slice(before));
    expect(cardText(message)).toContain('Er is een plek vrijgekomen');
    expect(cardText(message)).toContain("'Inclusief werven in de praktijk'");
    expect(cardText((await c!.invoke('kennisatelier.view', { atelierId })).card)).toContain(
      'Je bent aangemeld',
    );
    expect(cardText((await d!.invoke('kennisatelier.view', { atelierId })).card)).toContain(
      'wachtlijst (plek 1)',
    );
    expect(await storedRoster(bot, atelierId)).toEqual({
      attending: [b!.aadObjectId, c!.aadObjectId],
      waitlist: [d!.aadObjectId],
    });
    // Withdrawing again (a retry) changes nothing and promotes nobody.
    expect(cardText((await withdraw(a!)).card)).toContain('Je was niet aangemeld');
    expect(await storedRoster(bot, atelierId)).toEqual({
      attending: [b!.aadObjectId, c!.aadObjectId],
      waitlist: [d!.aadObjectId],
    });
  });

  it('after the deadline: a clear message and nothing changes; cancelling is still possible', async () => {
    const other = await createAtelier(sanne, {
      capacity: '',
      deadlineDate: '2026-11-25',
      deadlineTime: '12:00',
      networks: 'r-pride',
    });
    const [a, b] = staff;
    // For R-Pride only: its members may sign up (finding 10).
    for (const u of [a!, b!]) await joinNetwork(u, 'r-pride');
    await a!.invoke('kennisatelier.signUp', { atelierId: other.atelierId });
    bot.clock.set('2026-11-25T11:00:00Z');
    const res = await b!.invoke('kennisatelier.signUp', { atelierId: other.atelierId });
    expect(cardText(res.card)).toContain(
      'De aanmeldtermijn voor dit kennisatelier is verstreken. Er is niets veranderd.',
    );
    expect(await storedRoster(bot, other.atelierId)).toEqual({ attending: [a!.aadObjectId], waitlist: [] });
    const view = await b!.invoke('kennisatelier.view', { atelierId: other.atelierId });
    expect(cardText(view.card)).toContain('Aanmelden is gesloten');
    expect(cardActions(view.card).map((x) => x.title)).not.toContain('Aanmelden');
    expect(
      cardText((await a!.invoke('kennisatelier.withdraw', { atelierId: other.atelierId })).card),
    ).toContain('Je bent afgemeld');
  });

  it('a past atelier takes no sign-ups and no cancellations', async () => {
    const [a, b] = staff;
    await signUp(a!);
    bot.clock.set('2026-12-01T13:00:00Z');
    expect(cardText((await signUp(b!)).card)).toContain('al begonnen of voorbij');
    expect(cardText((await withdraw(a!)).card)).toContain('al begonnen of voorbij');
    expect(await storedRoster(bot, atelierId)).toEqual({ attending: [a!.aadObjectId], waitlist: [] });
  });

  it('a bad payload gets a clear card and changes nothing', async () => {
    const [a] = staff;
    for (const data of [{}, { atelierId: '../../etc' }, { atelierId: 42 }]) {
      const res = await a!.invoke('kennisatelier.signUp', data);
      expect(cardText(res.card)).toContain('Dat begreep ik niet goed');
    }
    expect(
      cardText((await a!.invoke('kennisatelier.signUp', { atelierId: 'does-not-exist' })).card),
    ).toContain('bestaat niet (meer)');
    expect(await storedRoster(bot, atelierId)).toEqual({ attending: [], waitlist: [] });
  });

  it('"ateliers" lists upcoming ateliers as personal cards; in English for English clients', async () => {
    const [a, b] = staff;
    await signUp(a!);
    const mine = cardsOf(await a!.say('ateliers'));
    expect(mine).toHaveLength(1);
    expect(cardText(mine[0])).toContain('Je bent aangemeld');
    const theirs = cardsOf(await b!.locale('en').say('workshops'));
    expect(cardText(theirs[0])).toContain('1 of 2 seats taken');
    expect(cardActions(theirs[0]).map((x) => x.title)).toEqual(['Sign up']);
    // The organiser also gets the way to a new atelier, and organiser buttons.
    const organiser = cardsOf(await sanne.say('ateliers'));
    expect(cardActions(organiser[0]).map((x) => x.title)).toEqual(
      expect.arrayContaining(['Deelnemers', 'Bewerken', 'Atelier annuleren']),
    );
    expect(cardText(organiser[organiser.length - 1])).toContain('Nieuw kennisatelier');
    // In a channel: one overview, nobody's status.
    const [overview] = cardsOf(await channel.as(a!).say('ateliers'));
    expect(cardText(overview)).toContain('Komende kennisateliers');
    expect(cardText(overview)).not.toContain('Je bent aangemeld');
    expect(posts(channel)).toHaveLength(1);
  });

  it('the help card has "Kennisateliers" for everyone, opening the list', async () => {
    const [a] = staff;
    const [help] = cardsOf(await a!.say('help'));
    expect(cardText(help)).toContain('Kennisateliers');
    const open = cardActions(help).find((x) => x.verb === 'kennisatelier.list');
    const res = await a!.invoke(open!.verb!, open!.data ?? {});
    expect(cardText(res.card)).toContain('Inclusief werven in de praktijk');
    expect(cardText(res.card)).toContain('0 van 2 plekken bezet');
  });

  it('the calendar link is personal: it stops working when the person withdraws, and marks a cancelled atelier', async () => {
    const [a, b] = staff;
    const link = findAction((await signUp(a!)).card, '.ics').url!;
    expect((await download(bot, link)).status).toBe(200);
    // Someone who never signed up gets nothing from a link made for them.
    expect(
      (await download(bot, bot.deps.downloads.link('kennisatelier.ics', atelierId, b!.aadObjectId))).status,
    ).toBe(404);
    // A link works once (docs/security.md, finding 9); a fresh one for the same person shows the cancellation.
    expect((await download(bot, link)).status).toBe(404);
    await sanne.invoke('kennisatelier.cancel', { atelierId });
    const cancelled = await download(
      bot,
      bot.deps.downloads.link('kennisatelier.ics', atelierId, a!.aadObjectId),
    );
    expect(cancelled.body).toContain('STATUS:CANCELLED');
    expect(cancelled.body).toContain(`UID:${atelierId}@panelbot`);
  });

  it('withdrawing ends the calendar link', async () => {
    const [a] = staff;
    const link = findAction((await signUp(a!)).card, '.ics').url!;
    await withdraw(a!);
    expect((await download(bot, link)).status).toBe(404);
  });

  it("messages go out in each person's own language", async () => {
    const [a, b] = staff;
    const english = staff[2]!.locale('en');
    await english.install();
    await signUp(a!);
    await signUp(b!);
    await signUp(english);
    const before = english.inbox().length;
    await withdraw(a!);
    await bot.runDue();
    const [message] = cardsOf(english.inbox().slice(before));
    expect(cardText(message)).toContain('A seat has become available');
    expect(cardText(message)).toContain('Tuesday 1 December 2026, 14:00–16:00');
  });
});
