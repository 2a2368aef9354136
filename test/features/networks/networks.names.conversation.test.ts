import { cardText, cardsOf, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { join, rPrideChannelTitle, withRPrideChannel } from './networks.conversation.helpers';

/** Not in the organisation file. Teams names Jeroen in his turns; Fatima only the directory knows. */
const jeroen = { id: 'ce000000-0000-4000-8000-0000000000a1', name: 'Jeroen de Wit' };
const fatima = { id: 'ce000000-0000-4000-8000-0000000000a2', name: 'Fatima Yilmaz' };
const nobody = { id: 'ce000000-0000-4000-8000-0000000000a3' };
const ids = [jeroen.id, fatima.id, nobody.id];

async function sendMeetup(lotte: TestUser): Promise<string> {
  const preview = await lotte.invoke('networks.announce.preview', {
    kind: 'meetup',
    announcementId: '',
    networkId: 'r-pride',
    text: 'We eten samen.',
    link: '',
    title: 'Pride-diner',
    date: '2026-12-04',
    time: '18:00',
    place: 'Timmerhuis',
    capacity: '2',
    rsvp: 'true',
    toMembers: 'true',
    toChannel: 'false',
  });
  const send = findAction(preview.card, 'Versturen');
  await lotte.invoke(send.verb!, send.data);
  return String(send.data?.announcementId);
}

describe('networks: coordinators see names, never ids', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  let lotte: TestUser;
  let members: TestUser[];

  beforeAll(async () => {
    graph = await FakeGraph.start({ users: [{ id: fatima.id, displayName: fatima.name }] });
    bot = await startTestBot({ graph, orgPatch: withRPrideChannel });
    await bot.channel(rPrideChannelTitle).install();
    lotte = bot.user('Lotte Visser');
    // Teams gives no display name in the turns of the last two.
    members = [bot.user(jeroen.name, jeroen.id), bot.user('', fatima.id), bot.user('', nobody.id)];
    for (const m of members) await join(m, 'r-pride');
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('the member list names members from their joining turn or the directory, others neutrally', async () => {
    const card = (await lotte.invoke('networks.members', { networkId: 'r-pride' })).card;
    const text = cardText(card);
    const order = ['Fatima Yilmaz', 'Jeroen de Wit', 'onbekende collega'].map((n) => text.indexOf(n));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const id of ids) expect(JSON.stringify(card)).not.toContain(id);
  });

  it('the meetup status names who signed up: the name kept with the seat, or the directory', async () => {
    const announcementId = await sendMeetup(lotte);
    await bot.runDue();
    for (const m of members) {
      const action = findAction(cardsOf(bot.inbox(m)).at(-1), 'Aanmelden');
      await m.invoke(action.verb!, action.data);
    }
    const card = (await lotte.invoke('networks.announce.status', { announcementId })).card;
    const text = cardText(card);
    expect(text).toContain('Aangemeld: Jeroen de Wit, Fatima Yilmaz');
    expect(text).toContain('Wachtlijst: onbekende collega');
    for (const id of ids) expect(JSON.stringify(card)).not.toContain(id);
    const logs = bot.logs();
    for (const name of [jeroen.name, fatima.name]) expect(logs.filter((l) => l.includes(name))).toEqual([]);
  });
});
