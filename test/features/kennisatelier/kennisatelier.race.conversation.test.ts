import { cardText } from '../../support/cards';
import { withTestBot, type TestBot } from '../../support/test-bot';
import {
  createAtelier,
  installEverywhere,
  lastCard,
  organiserName,
  storedRoster,
} from './kennisatelier.helpers';

const person = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;

/** 200 people click "Aanmelden" at the same moment, through the whole bot (HTTP, teams-ai, service, store). */
async function race(bot: TestBot) {
  const { channel } = await installEverywhere(bot, [organiserName]);
  const { atelierId } = await createAtelier(bot.user(organiserName), {
    capacity: '20',
    channels: channel.id,
  });
  await bot.runDue();
  const people = Array.from({ length: 200 }, (_, i) => bot.user(`Collega ${i + 1}`, person(i + 1)));
  const answers = await Promise.all(
    people.map((p) => channel.as(p).invoke('kennisatelier.signUp', { atelierId })),
  );

  const roster = await storedRoster(bot, atelierId);
  expect(roster?.attending).toHaveLength(20);
  expect(roster?.waitlist).toHaveLength(180);
  expect(new Set([...roster!.attending, ...roster!.waitlist]).size).toBe(200);
  // Each person's card says where they really are: a seat, or their place on the waitlist, in order.
  answers.forEach((answer, i) => {
    const text = cardText(answer.card);
    const id = people[i]!.aadObjectId;
    if (roster!.attending.includes(id)) expect(text).toContain('Je bent aangemeld');
    else expect(text).toContain(`Je staat op de wachtlijst (plek ${roster!.waitlist.indexOf(id) + 1})`);
  });
  // The shared card in the channel ends with the true count, after one coalesced update.
  await bot.advance(5_000);
  expect(bot.updatesIn(channel.id)).toHaveLength(1);
  expect(cardText(lastCard(bot, channel.id))).toContain('20 van 20 plekken bezet');
  expect(cardText(lastCard(bot, channel.id))).toContain('180 op de wachtlijst');
  // A second wave of the same clicks (double-clicks, Teams retries) changes nothing.
  await Promise.all(people.slice(0, 50).map((p) => p.invoke('kennisatelier.signUp', { atelierId })));
  expect(await storedRoster(bot, atelierId)).toEqual(roster);
}

describe('kennisatelier: the sign-up race through the bot', () => {
  // On the run's store: SQLite in `unit`, a Cosmos test server in `unit-cosmos` (real etags over HTTP).
  it('200 clicks for 20 seats end with 20 signed up and 180 on the waitlist in order', async () => {
    await withTestBot({}, race);
  });
});
