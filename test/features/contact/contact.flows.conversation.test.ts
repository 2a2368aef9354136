import { cardText, cardsOf, findAction } from '../../support/cards';
import {
  contactDocs,
  lastCard,
  pickUp,
  replyOn,
  requestContact,
  startContactBot,
  textOf,
  type ContactBot,
  shownCard,
} from './contact.bot.helpers';

describe('confidential contact, as people use it in Teams', () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it('anonymous: intro, request, pick-up, relay both ways with the case code, and "stop"', async () => {
    const { bot, lotte, noor, daan, priya } = t;
    const intro = cardText(cardsOf(await lotte.say('vertrouwelijk'))[0]);
    for (const part of [
      'Wat het kernteam doet',
      'Wat het kernteam niet doet',
      'Dit is geen melding',
      'geen meldpunt',
      'Dringende hulp',
      'Bel 112',
      'Wat er wordt bewaard',
      'Is er 30 dagen geen bericht geweest, dan sluit de zaak vanzelf',
      'Na 12 maanden',
    ]) {
      expect(intro).toContain(part);
    }

    const { code, card } = await requestContact(lotte, {
      topic: 'uitsluiting',
      firstMessage: 'Ik word steeds buitengesloten bij overleg',
    });
    expect(cardText(card)).toContain('klaar bij 3 kernteamleden');
    for (const k of [noor, daan, priya]) {
      const offer = cardText(lastCard(k, `zaak ${code}`));
      expect(offer).toContain('Wie: Anoniem');
      expect(offer).toContain('Onderwerp: Uitsluiting');
      expect(offer).toContain('Ik word steeds buitengesloten bij overleg');
      expect(offer).not.toContain('Lotte');
    }

    const picked = await pickUp(noor, code);
    expect(cardText(picked.card)).toContain(`Je hebt zaak ${code} opgepakt`);
    expect(cardText(picked.card)).toContain('Ik word steeds buitengesloten bij overleg'); // the first message stays in view
    expect(cardText(picked.card)).not.toContain('Lotte');
    expect(cardText(lastCard(lotte, 'opgepakt'))).toContain(
      `Noor El Amrani heeft je verzoek opgepakt (zaak ${code})`,
    );
    for (const k of [daan, priya])
      expect(textOf(bot.updatesIn(k.conversationId))).toContain(`Verzoek ${code} is opgepakt`);

    // Kernteamlid → medewerker through the reply box.
    const sent = await replyOn(noor, picked.card, 'Dank voor je bericht. Wanneer gebeurt dat meestal?');
    expect(cardText(sent.card)).toContain('Jouw bericht (verstuurd)');
    const atLotte = lastCard(lotte, 'Wanneer gebeurt dat meestal?');
    expect(cardText(atLotte)).toContain(`Zaak ${code}`);
    expect(cardText(atLotte)).toContain('Bericht van Noor El Amrani');

    // Medewerker → kernteamlid: the reply box, and plain text in the chat (their one case).
    await replyOn(lotte, atLotte, 'Vooral bij het weekstartoverleg');
    expect(cardText(lastCard(noor, 'Vooral bij het weekstartoverleg'))).toContain(`Zaak ${code}`);
    const typed = await lotte.say('En soms in de kantine');
    expect(textOf(typed)).toContain(`Doorgestuurd (zaak ${code})`);
    expect(cardText(lastCard(noor, 'En soms in de kantine'))).toContain('Bericht van de medewerker');

    // Kernteamlid typing: with the code it is relayed; without, too, while this is her one case.
    await noor.say(`#${code} Zullen we donderdag bellen?`);
    expect(cardText(lastCard(lotte, 'Zullen we donderdag bellen?'))).toContain(`Zaak ${code}`);
    expect(textOf(await noor.say('Is donderdag goed?'))).toContain(`Doorgestuurd (zaak ${code})`);
    expect(cardText(lastCard(lotte, 'Is donderdag goed?'))).toContain('Bericht van Noor El Amrani');

    // The medewerker leaves.
    const stopped = textOf(await lotte.say('stop'));
    expect(stopped).toContain(`Zaak ${code} is afgesloten`);
    expect(stopped).toContain('Formele meldingen');
    expect(stopped).toContain('Bel 112');
    expect(cardText(lastCard(noor, 'is afgesloten'))).toContain('De medewerker heeft het gesprek beëindigd');
    const [closed] = await contactDocs(bot);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'endedByMedewerker', topic: 'uitsluiting' });
    expect(closed.requesterId).toBeUndefined();
    expect(closed.kernteamlidId).toBeUndefined();
  });

  it('named: the kernteamleden see the name; messages say who they are from', async () => {
    const { lotte, noor } = t;
    const { code } = await requestContact(lotte, { identity: 'named', channel: 'teamsCall' });
    expect(cardText(lastCard(noor, `zaak ${code}`))).toContain('Wie: Lotte Visser');
    const picked = await pickUp(noor, code);
    expect(cardText(picked.card)).toContain('Teams-gesprek');
    expect(cardText(lastCard(lotte, 'opgepakt'))).toContain('je kunt Noor El Amrani ook zelf bellen');
    await lotte.say('Hallo Noor');
    expect(cardText(lastCard(noor, 'Hallo Noor'))).toContain('Bericht van Lotte Visser');
  });

  it('pick-up race through the app: three kernteamleden click at once, exactly one gets the case', async () => {
    const { lotte, noor, daan, priya } = t;
    const { code } = await requestContact(lotte);
    const results = await Promise.all([noor, daan, priya].map((k) => pickUp(k, code)));
    const texts = results.map((r) => cardText(shownCard(r)));
    expect(texts.filter((x) => x.includes(`Je hebt zaak ${code} opgepakt`))).toHaveLength(1);
    expect(texts.filter((x) => x.includes('Een collega heeft dit verzoek al opgepakt'))).toHaveLength(2);
    const [c] = await contactDocs(t.bot);
    const winner = [noor, daan, priya][
      texts.findIndex((x) => x.includes('opgepakt') && x.includes('Je hebt'))
    ];
    expect(c.kernteamlidId).toBe(winner.aadObjectId);
    expect(lotte.inbox().filter((a) => textOf([a]).includes('heeft je verzoek opgepakt'))).toHaveLength(1);
  });

  it('unavailable kernteamleden are skipped and not offered as a choice', async () => {
    const { lotte, noor, daan, priya } = t;
    expect(textOf(await daan.say('niet beschikbaar'))).toContain('Je bent niet beschikbaar');
    const intro = cardsOf(await lotte.say('vertrouwelijk'))[0];
    const form = await lotte.invoke('contact.openForm', findAction(intro, 'Contact aanvragen').data);
    expect(cardText(form.card)).toContain('Noor El Amrani');
    expect(cardText(form.card)).not.toContain('Daan Bakker');
    const { code } = await requestContact(lotte);
    expect(textOf(daan.inbox())).not.toContain(code);
    expect(textOf(noor.inbox())).toContain(code);
    expect(textOf(priya.inbox())).toContain(code);
    // Back from holiday: the waiting request reaches Daan too.
    expect(textOf(await daan.say('beschikbaar'))).toContain(
      'Er stond nog 1 verzoek klaar. Je hebt het nu gekregen.',
    );
    expect(textOf(daan.inbox())).toContain(`zaak ${code}`);
  });

  it('nobody picks up in time: the medewerker gets the alternatives, the programmateam a content-free alert', async () => {
    const { bot, lotte, sanne, yusuf } = t;
    const { code } = await requestContact(lotte, { topic: 'discriminatie', firstMessage: 'geheim' });
    await bot.advance(239 * 60_000);
    expect(textOf(lotte.inbox())).not.toContain('nog niet opgepakt');
    await bot.advance(60_000);
    const alternatives = cardText(lastCard(lotte, 'nog niet opgepakt'));
    for (const part of [
      'Vertrouwenspersoon',
      'Integriteitscoördinator',
      'HR-adviseur',
      'Formele meldingen',
      'Bel 112',
    ])
      expect(alternatives).toContain(part);
    for (const p of [sanne, yusuf]) {
      const alert = textOf(p.inbox().slice(-1));
      expect(alert).toContain('wacht al 4 uur op een kernteamlid');
      expect(alert).not.toContain(code);
      expect(alert).not.toMatch(/discriminatie|geheim/i);
    }
    await bot.advance(24 * 3_600_000); // not again
    expect(lotte.inbox().filter((a) => textOf([a]).includes('nog niet opgepakt'))).toHaveLength(1);
  });

  it('a conversation nobody writes in for 30 days closes by itself; each message moves that on', async () => {
    const { bot, lotte, noor } = t;
    const day = 86_400_000;
    const { code } = await requestContact(lotte, { topic: 'uitsluiting' });
    const picked = await pickUp(noor, code);
    await bot.advance(20 * day);
    await replyOn(noor, picked.card, 'Hoe gaat het nu?');

    await bot.advance(11 * day); // 31 days after the request, 11 after the last message
    expect(textOf(lotte.inbox())).not.toContain('is afgesloten');
    expect((await contactDocs(bot))[0]).toMatchObject({ status: 'open' });

    await bot.advance(19 * day); // 30 days after the last message, at 09:00
    expect(cardText(lastCard(lotte, 'is afgesloten'))).toContain(
      'Er is 30 dagen geen bericht geweest. Daarom is de zaak vanzelf afgesloten',
    );
    expect(cardText(lastCard(noor, 'is afgesloten'))).toContain(
      'niet meer aan jou of de medewerker gekoppeld',
    );
    const [closed] = await contactDocs(bot);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'inactive', topic: 'uitsluiting' });
    expect(JSON.stringify(closed)).not.toMatch(
      new RegExp(`${lotte.aadObjectId}|${noor.aadObjectId}|lastActivityOn`, 'i'),
    );

    const after = textOf(await lotte.say('Ben je er nog?'));
    expect(after).not.toContain('Doorgestuurd');
    expect(textOf(noor.inbox().slice(-1))).not.toContain('Ben je er nog?');
  });

  it('a request nobody picks up closes after 30 days too, and says so', async () => {
    const { bot, lotte, daan } = t;
    const { code } = await requestContact(lotte);
    await bot.advance(30 * 86_400_000 + 60_000);
    expect(cardText(lastCard(lotte, `Zaak ${code} is afgesloten`))).toContain('30 dagen geen bericht');
    expect((await contactDocs(bot))[0]).toMatchObject({ status: 'closed', outcome: 'inactive' });
    expect(textOf(bot.updatesIn(daan.conversationId))).toContain(`Verzoek ${code} is vanzelf gesloten`);
  });

  it('works in English for an English Teams client', async () => {
    const intro = cardText(cardsOf(await t.sem.locale('en').say('confidential'))[0]);
    expect(intro).toContain('This is not a report');
    expect(intro).toContain('Call 112');
  });

  it('refuses confidential contact in a channel', async () => {
    const channel = t.bot.channel('Algemeen');
    await channel.install();
    expect(textOf(await channel.say('vertrouwelijk'))).toContain('alleen in je persoonlijke chat');
  });
});
