import { cardText, cardsOf, findAction } from '../../support/cards';
import type { TestUser } from '../../support/test-bot';
import {
  lastCard,
  pickUp,
  replyOn,
  requestContact,
  startContactBot,
  textOf,
  type ContactBot,
} from './contact.bot.helpers';

/** Clicks a button on a card in the person's chat, as Teams does (replyToId: the card's message). */
async function click(user: TestUser, card: unknown, title: string, extra: Record<string, unknown> = {}) {
  const action = findAction(card, title);
  return user.invoke(action.verb as string, { ...action.data, ...extra });
}

describe('cards that show a relayed message are never replaced', () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it("Doorverwijzen and Afsluiten on the medewerker's message answer below it; the card is left alone", async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    await replyOn(noor, picked.card, 'Vertel maar');
    await replyOn(lotte, lastCard(lotte, 'Vertel maar'), 'Mijn teamleider maakt grappen over mijn afkomst');
    const relayed = lastCard(noor, 'Mijn teamleider maakt grappen');
    const updatesBefore = bot.updatesIn(noor.conversationId).length;

    const refer = await click(noor, relayed, 'Doorverwijzen');
    expect(refer.card).toBeUndefined();
    expect(refer.text).toBe('Zie het nieuwe bericht hieronder.');
    expect(cardText(cardsOf(refer.sent)[0])).toContain(`Doorverwijzen (zaak ${code})`);

    const close = await click(noor, relayed, 'Afsluiten');
    expect(close.card).toBeUndefined();
    expect(cardText(cardsOf(close.sent)[0])).toContain(`Zaak ${code} afsluiten`);

    expect(bot.updatesIn(noor.conversationId)).toHaveLength(updatesBefore);
    expect(cardText(lastCard(noor, 'Mijn teamleider maakt grappen'))).toContain('Bericht van de medewerker');
  });

  it("the medewerker's card with the kernteamlid's message: an error and Gesprek beëindigen come below it", async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    await replyOn(noor, picked.card, 'Ik bel je morgen om tien uur');
    const relayed = lastCard(lotte, 'Ik bel je morgen om tien uur');

    // Sent from the card: the new card still quotes the message it answers.
    const sent = await replyOn(lotte, relayed, 'Goed, tot morgen');
    expect(cardText(sent.card)).toContain('Ik bel je morgen om tien uur');
    expect(cardText(sent.card)).toContain('Goed, tot morgen');

    // The kernteamlid closes; the medewerker answers on the old card: the error comes as a new message.
    const closeForm = await click(noor, picked.card, 'Afsluiten');
    await click(noor, cardsOf(closeForm.sent)[0], 'Zaak afsluiten', {
      outcome: 'listened',
      destination: 'none',
    });
    const late = await replyOn(lotte, relayed, 'Nog één ding');
    expect(late.card).toBeUndefined();
    expect(late.text).toBe('Zie het nieuwe bericht hieronder.');
    expect(textOf(late.sent)).toContain('al afgesloten');
    expect(textOf(noor.inbox())).not.toContain('Nog één ding');
    expect(bot.updatesIn(lotte.conversationId)).toHaveLength(0);
  });

  it('Gesprek beëindigen sends the closing card below the message', async () => {
    const { lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    await replyOn(noor, picked.card, 'Hoe gaat het nu?');
    const stop = await click(lotte, lastCard(lotte, 'Hoe gaat het nu?'), 'Gesprek beëindigen');
    expect(stop.card).toBeUndefined();
    const closing = cardText(cardsOf(stop.sent)[0]);
    expect(closing).toContain(`Zaak ${code} is afgesloten`);
    expect(closing).toContain("Wil je later opnieuw contact? Typ 'vertrouwelijk'.");
    // The kernteamlid's closing card has no line meant for the medewerker.
    expect(cardText(lastCard(noor, 'is afgesloten'))).not.toContain('opnieuw contact');
  });
});

describe("the kernteamlid's typed text", () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it('goes to her one open case, as the pick-up card says; with two cases the card and the bot ask for the code', async () => {
    const { lotte, sem, noor } = t;
    const first = await requestContact(lotte);
    const picked = await pickUp(noor, first.code);
    expect(cardText(picked.card)).toContain(
      `Typ je bericht gewoon hier in de chat: het gaat naar de medewerker van zaak ${first.code}.`,
    );
    expect(textOf(await noor.say('Hoi, ik ben Noor.'))).toContain(`Doorgestuurd (zaak ${first.code})`);
    expect(cardText(lastCard(lotte, 'Hoi, ik ben Noor.'))).toContain(`Zaak ${first.code}`);

    const second = await requestContact(sem);
    const pickedSecond = await pickUp(noor, second.code);
    const note = cardText(pickedSecond.card);
    expect(note).toContain('Je hebt nu 2 open zaken.');
    expect(note).toContain(`#${second.code}`);
    expect(note).toContain(`Je andere zaken: ${first.code}.`);
    const before = [lotte.inbox().length, sem.inbox().length];
    const ask = textOf(await noor.say('Past donderdag?'));
    expect(ask).toContain('Voor welke zaak is je bericht?');
    expect(ask).toContain(first.code);
    expect(ask).toContain(second.code);
    expect([lotte.inbox().length, sem.inbox().length]).toEqual(before);
  });
});
