import { ManualClock } from '../../../src/platform/clock';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { containers } from '../../../src/storage/document-store.port';
import { cardActions, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { lastCard, newMembers } from './networks.conversation.helpers';

jest.setTimeout(30_000);

const plain = (text: string) => ({
  kind: 'plain',
  announcementId: '',
  networkId: 'r-pride',
  text,
  link: '',
  toMembers: 'true',
  toChannel: 'false',
});

/** Lotte (R-Pride's coordinator) writes, previews and sends; returns the announcement id. */
async function announce(lotte: TestUser, text: string): Promise<string> {
  const preview = await lotte.invoke('networks.announce.preview', plain(text));
  const send = findAction(preview.card, 'Versturen');
  await lotte.invoke(send.verb!, send.data);
  return String(send.data?.announcementId);
}

const cardsWith = (bot: TestBot, user: TestUser, text: string) =>
  cardsOf(bot.inbox(user)).filter((c) => cardText(c).includes(text));

describe("networks: a member pauses a network's announcements for a period", () => {
  let bot: TestBot;
  let lotte: TestUser;
  let sem: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    bot = await startTestBot();
    lotte = bot.user('Lotte Visser');
    [sem, other] = await newMembers(bot, 'r-pride', 2);
  });
  afterAll(async () => bot.stop());

  it('pauses from the networks card until turned back on; the coordinator sees a count, not who', async () => {
    const browse = lastCard(await sem!.say('netwerken'));
    const pause = findAction(browse, 'Aankondigingen van R-Pride pauzeren');
    expect(pause.type).toBe('Action.ShowCard');
    expect(
      cardActions(browse)
        .filter((a) => a.verb === 'networks.snooze')
        .map((a) => a.title),
    ).toEqual(
      expect.arrayContaining([
        'R-Pride: 1 week pauzeren',
        'R-Pride: 1 maand pauzeren',
        'R-Pride: pauzeren tot ik ze weer aanzet',
      ]),
    );
    const untilOff = cardActions(browse).find(
      (a) =>
        a.verb === 'networks.snooze' &&
        a.data?.networkId === 'r-pride' &&
        a.title === 'R-Pride: pauzeren tot ik ze weer aanzet',
    );
    const res = await sem!.invoke(untilOff!.verb!, untilOff!.data);
    expect(cardText(res.card)).toContain(
      "Je krijgt geen aankondigingen van R-Pride tot je ze weer aanzet. Dat doe je via 'netwerken'.",
    );
    expect(cardText(res.card)).toContain('Je bent lid; aankondigingen gepauzeerd tot je ze weer aanzet.');
    expect(findAction(res.card, 'Aankondigingen van R-Pride weer aanzetten').verb).toBe('networks.unsnooze');

    const id = await announce(lotte, 'Borrel na de Pride-maand');
    await bot.runDue();
    expect(cardsWith(bot, sem!, 'Borrel na de Pride-maand')).toHaveLength(0);
    expect(cardsWith(bot, other!, 'Borrel na de Pride-maand')).toHaveLength(1);
    // A year on, still paused: "until I turn it back on" has no end date.
    await bot.advance(365 * 86_400_000);

    const status = cardText((await lotte.invoke('networks.announce.status', { announcementId: id })).card);
    expect(status).toContain(
      '1 lid had aankondigingen van dit netwerk gepauzeerd en kreeg dit bericht niet.',
    );
    expect(status).not.toContain('Collega 1');
  });

  it('only the member themself: a non-member cannot pause or resume, a bad period changes nothing', async () => {
    const stranger = bot.user('Iemand Anders');
    await stranger.say('hallo');
    const resume = await stranger.invoke('networks.unsnooze', { networkId: 'r-pride' });
    expect(cardText(resume.card)).toContain('Je bent geen lid van dit netwerk. Er is niets veranderd.');
    const pause = await stranger.invoke('networks.snooze', { networkId: 'r-pride', period: 'week' });
    expect(cardText(pause.card)).toContain('Je bent geen lid van dit netwerk. Er is niets veranderd.');

    const before = await bot.deps.store.get(containers.networks, 'r-pride', other!.aadObjectId);
    const bad = await other!.invoke('networks.snooze', { networkId: 'r-pride', period: 'forever' });
    expect(cardText(bad.card)).toContain('Dat begreep ik niet goed');
    const after = await bot.deps.store.get(containers.networks, 'r-pride', other!.aadObjectId);
    expect(after?.data).toEqual(before?.data);
  });

  it('turns announcements back on, and gets the next one', async () => {
    const browse = lastCard(await sem!.say('netwerken'));
    const resume = findAction(browse, 'Aankondigingen van R-Pride weer aanzetten');
    const res = await sem!.invoke(resume.verb!, resume.data);
    expect(cardText(res.card)).toContain('Je krijgt weer aankondigingen van R-Pride.');
    expect(cardText(res.card)).toContain('Je bent lid.');
    await announce(lotte, 'Nieuwe datum voor de borrel');
    await bot.runDue();
    expect(cardsWith(bot, sem!, 'Nieuwe datum voor de borrel')).toHaveLength(1);
  });

  it("a week's pause ends by itself after seven days", async () => {
    const card = cardsWith(bot, sem!, 'Nieuwe datum voor de borrel').at(-1);
    const week = cardActions(card).find((a) => a.verb === 'networks.snooze' && a.title === '1 week');
    const res = await sem!.invoke(week!.verb!, week!.data);
    expect(cardText(res.card)).toMatch(/Je krijgt tot .* geen aankondigingen van R-Pride\./);
    await announce(lotte, 'Binnen de week');
    await bot.runDue();
    expect(cardsWith(bot, sem!, 'Binnen de week')).toHaveLength(0);
    await bot.advance(7 * 86_400_000 + 60_000);
    await announce(lotte, 'Na de week');
    await bot.runDue();
    expect(cardsWith(bot, sem!, 'Na de week')).toHaveLength(1);
  });
});

describe('networks: an announcement sent late on a Friday waits for the next working day', () => {
  let bot: TestBot;
  afterAll(async () => bot.stop());

  it('sent at 22:00 on Friday before Easter, it arrives on Tuesday at 08:00 (NL calendar)', async () => {
    const withCalendar = (org: OrgFile) => {
      org.calendar = {
        workingDays: [1, 2, 3, 4, 5],
        sendingWindow: { from: '08:00', until: '18:00' },
        holidays: { country: 'NL' },
        extraClosedDays: [],
        caps: { perPersonPerDay: 2, perPersonPerWeek: 6 },
      };
    };
    // Members join on Friday afternoon, inside the window: their turn answers are not proactive.
    bot = await startTestBot({ orgPatch: withCalendar, clock: new ManualClock('2027-03-26T15:00:00Z') });
    const lotte = bot.user('Lotte Visser');
    const [member] = await newMembers(bot, 'r-pride', 1);
    bot.clock.set('2027-03-26T21:00:00Z'); // 22:00 in Amsterdam
    await announce(lotte, 'Paasbrunch volgende week');
    await bot.runDue();
    expect(cardsWith(bot, member!, 'Paasbrunch volgende week')).toHaveLength(0);
    bot.clock.set('2027-03-29T10:00:00Z'); // Easter Monday
    await bot.runDue();
    bot.clock.set('2027-03-30T05:59:00Z');
    await bot.runDue();
    expect(cardsWith(bot, member!, 'Paasbrunch volgende week')).toHaveLength(0);
    bot.clock.set('2027-03-30T06:00:00Z'); // Tuesday 08:00 in Amsterdam (summer time)
    await bot.runDue();
    expect(cardsWith(bot, member!, 'Paasbrunch volgende week')).toHaveLength(1);
  });
});
