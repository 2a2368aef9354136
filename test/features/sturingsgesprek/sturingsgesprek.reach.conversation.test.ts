import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardActions,
  cardOf,
  cardText,
  cardsReceived,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

const nudgeFor = (status: Card, unitId: string) =>
  cardActions(status).find(
    (a) => a.verb === 'sturingsgesprek.nudge' && (a.data as { target: string }).target === unitId,
  );

/** A director who never opened the bot, with no Graph to install it for him: the round cannot reach him. */
describe('sturingsgesprek: a director the round did not reach', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
    for (const name of Object.values(people)) if (name !== people.tim) await bot.user(name).install();
  });
  afterEach(async () => bot.stop());

  it('the status says "Niet bereikt" with the reason, unlike someone who has the card and did not open it', async () => {
    const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const roundCards = (name: string) =>
      cardsReceived(bot, bot.user(name)).filter((c) => cardText(c).includes('DIG-vragen: '));
    expect(roundCards(people.tim)).toHaveLength(0);
    expect(roundCards(people.ingrid)).toHaveLength(1);

    const status = cardOf(await bot.user(people.mila).invoke('sturingsgesprek.status', { roundId }));
    const text = cardText(status);
    expect(text).toContain('Concernstaf');
    expect(text).toContain('Niet bereikt: nooit met de bot gesproken — Graph niet ingesteld');
    expect(text.match(/Niet bereikt/g)).toHaveLength(1);
    // Ingrid has the card and has not opened it: that is a different line.
    expect(text.match(/Nog niet geopend/g)).toHaveLength(6);
  });

  it('Herinneren for him says he will most likely not get it, instead of nothing', async () => {
    const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const mila = bot.user(people.mila);
    const status = cardOf(await mila.invoke('sturingsgesprek.status', { roundId }));
    const nudge = nudgeFor(status, 'concernstaf');
    expect(nudge?.title).toBe('Herinneren: Concernstaf');
    expect((nudge as { tooltip?: string } | undefined)?.tooltip).toBe(
      'Stuur Tim van Dijk (Concernstaf) een herinnering',
    );

    const after = cardText(cardOf(await mila.invoke('sturingsgesprek.nudge', nudge?.data)));
    expect(after).toContain('Herinnering verstuurd naar 1 cluster.');
    expect(after).toContain(
      'Niet bereikt: Tim van Dijk. Deze directeur heeft de kaart van de ronde niet gekregen.',
    );
    expect(after).toContain('Neem op een andere manier contact op.');

    const reached = cardText(
      cardOf(await mila.invoke('sturingsgesprek.nudge', nudgeFor(status, 'bestuursdienst')?.data)),
    );
    expect(reached).toContain('Herinnering verstuurd naar 1 cluster.');
    expect(reached).not.toContain('Niet bereikt: Ingrid');
  });

  it('every Herinneren button on the status card has its own name', async () => {
    const roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
    const status = cardOf(await bot.user(people.mila).invoke('sturingsgesprek.status', { roundId }));
    const titles = cardActions(status).map((a) => a.title);
    expect(titles.filter((x) => x.startsWith('Herinneren'))).toHaveLength(7);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
