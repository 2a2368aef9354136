import { randomUUID } from 'node:crypto';
import { cardText, cardsOf, findAction } from '../../support/cards';
import {
  contactSnapshot,
  lastCard,
  pickUp,
  requestContact,
  startContactBot,
  textOf,
  type ContactBot,
  shownCard,
} from './contact.bot.helpers';

describe('wrong role or bad payload changes nothing', () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it("a medewerker trying Oppakken, a kernteamlid reading or closing another's case, the wrong person answering", async () => {
    const { bot, lotte, sem, noor, daan, sanne } = t;
    const { code } = await requestContact(lotte);
    const oppakken = findAction(lastCard(noor, `zaak ${code}`), 'Oppakken');

    let before = await contactSnapshot(bot);
    expect(cardText(shownCard(await sem.invoke(oppakken.verb as string, oppakken.data)))).toContain(
      'alleen voor kernteamleden',
    );
    expect(cardText(shownCard(await lotte.invoke(oppakken.verb as string, oppakken.data)))).toContain(
      'alleen voor kernteamleden',
    );
    expect(await contactSnapshot(bot)).toBe(before);

    const picked = await pickUp(noor, code);
    const caseId = findAction(picked.card, 'Afsluiten').data?.caseId as string;
    before = await contactSnapshot(bot);
    const lotteInbox = lotte.inbox().length;
    for (const [verb, data] of [
      ['contact.showCase', { caseId }],
      ['contact.close.form', { caseId }],
      ['contact.close', { caseId, outcome: 'other' }],
      ['contact.refer.send', { caseId, destination: 'hr' }],
      ['contact.send', { caseId, replyId: randomUUID(), message: 'ik lees mee' }],
    ] as const) {
      expect(cardText(shownCard(await daan.invoke(verb, data)))).toMatch(
        /niet van jou|alleen voor kernteamleden/,
      );
      expect(cardText(shownCard(await sem.invoke(verb, data)))).toMatch(
        /niet van jou|alleen voor kernteamleden/,
      );
    }
    expect(textOf(await daan.say(`#${code} hallo`))).toContain('niet van jou');
    expect(textOf(await sem.say(`#${code} hallo`))).toContain('niet van jou');
    expect(cardText(shownCard(await noor.invoke('contact.handover', { caseId, consent: 'yes' })))).toContain(
      'niet van jou',
    );
    expect(cardText(shownCard(await noor.invoke('contact.stop', { caseId })))).toContain('niet van jou');
    expect(await contactSnapshot(bot)).toBe(before);
    expect(lotte.inbox()).toHaveLength(lotteInbox);

    expect(textOf(await sem.say('mijn zaken'))).toContain('alleen voor kernteamleden');
    expect(textOf(await sem.say('beschikbaar'))).toContain('alleen voor kernteamleden');
    expect(textOf(await noor.say('contact stats'))).toContain('alleen voor het programmateam');
    expect(textOf(await sanne.say('vertrouwelijk statistiek'))).toContain(
      'Vertrouwelijk contact: statistiek',
    );
    expect(await contactSnapshot(bot)).toBe(before);
  });

  it('bad payloads get a clear card and change nothing', async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    const caseId = findAction(picked.card, 'Afsluiten').data?.caseId as string;
    const before = await contactSnapshot(bot);
    const cases: Array<[string, Record<string, unknown>]> = [
      ['contact.pickUp', {}],
      ['contact.send', { caseId, replyId: randomUUID(), message: 'x'.repeat(2001) }],
      ['contact.send', { caseId, replyId: randomUUID(), message: '   ' }],
      ['contact.send', { caseId: 'not-a-uuid', replyId: randomUUID(), message: 'hoi' }],
      ['contact.close', { caseId, outcome: 'withdrawn' }],
      ['contact.refer.guidance', { caseId, destination: 'nergens' }],
      ['contact.request', { formId: randomUUID(), identity: 'anonymous', channel: 'fax' }],
      ['contact.availability.set', { available: 'misschien' }],
    ];
    for (const [verb, data] of cases) {
      const res = await noor.invoke(verb, data);
      expect(res.status).toBe(200);
      expect(cardText(shownCard(res))).toMatch(/Dat begreep ik niet goed|ken ik niet/);
    }
    expect(await contactSnapshot(bot)).toBe(before);
  });

  it('a malformed payload gets the invalid-input card in Dutch, and nothing changes or goes out', async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    const caseId = findAction(picked.card, 'Afsluiten').data?.caseId as string;
    const before = await contactSnapshot(bot);
    const lotteInbox = lotte.inbox().length;
    const res = await noor.invoke('contact.close', { caseId, outcome: 'gesloten' });
    expect(res.status).toBe(200);
    expect(cardText(shownCard(res))).toContain(
      'Dat begreep ik niet goed: controleer wat je hebt ingevuld. Er is niets veranderd.',
    );
    expect(await contactSnapshot(bot)).toBe(before);
    expect(lotte.inbox()).toHaveLength(lotteInbox);
  });

  it('a case verb or a coded message in a channel is refused with the 1:1-chat explanation, and nothing is relayed', async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const oppakken = findAction(lastCard(noor, `zaak ${code}`), 'Oppakken');
    const channel = bot.channel('Algemeen').as(noor);
    await channel.install();
    const before = await contactSnapshot(bot);
    const lotteInbox = lotte.inbox().length;
    const refused = await channel.invoke(oppakken.verb as string, oppakken.data);
    expect(refused.status).toBe(200);
    expect(cardText(shownCard(refused))).toContain(
      'Vertrouwelijk contact kan alleen in je persoonlijke chat met mij',
    );
    expect(textOf(await channel.say(`#${code} hallo vanuit het kanaal`))).toContain(
      'alleen in je persoonlijke chat',
    );
    expect(await contactSnapshot(bot)).toBe(before);
    expect(lotte.inbox()).toHaveLength(lotteInbox);
    expect(textOf(channel.inbox())).not.toContain('hallo vanuit het kanaal');
  });

  it('shows each role its help entries', async () => {
    const help = async (u: typeof t.lotte) => cardText(cardsOf(await u.say('help'))[0]);
    const medewerker = await help(t.lotte);
    expect(medewerker).toContain('Vertrouwelijk contact');
    expect(medewerker).not.toContain('Beschikbaarheid');
    expect(medewerker).not.toContain('Statistiek vertrouwelijk contact');
    const kernteam = await help(t.noor);
    expect(kernteam).toContain('Beschikbaarheid');
    expect(kernteam).toContain('Mijn zaken');
    expect(await help(t.sanne)).toContain('Statistiek vertrouwelijk contact');
  });
});
