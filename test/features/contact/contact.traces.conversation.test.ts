import { containers } from '../../../src/storage/document-store.port';
import { cardText, cardsOf, findAction } from '../../support/cards';
import { rawStoreBytes } from '../../support/test-store';
import {
  lastCard,
  pickUp,
  replyOn,
  requestContact,
  startContactBot,
  textOf,
  type ContactBot,
  shownCard,
} from './contact.bot.helpers';

/** Everything the run's store keeps (SQLite's file bytes, or every Cosmos document). */
const rawStore = (t: ContactBot) => rawStoreBytes(t.bot.deps.store, t.bot.dbFile);

describe('what the process wrote', () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it('after a whole case, no message text, name or requester id remains in the store or the logs', async () => {
    const { bot, noor } = t;
    // Not in the organisation file: the name comes from Teams, as for most of the 12,000 employees.
    const jasmijn = bot.user('Jasmijn Okafor');
    await jasmijn.install();
    const texts = [
      'ALPHA eerste bericht over mijn afdeling',
      'BRAVO antwoord van het kernteamlid',
      'CHARLIE getypt in de chat',
      'DELTA met de zaakcode',
      'ECHO via het antwoordvak',
    ];
    const { code } = await requestContact(jasmijn, {
      identity: 'named',
      topic: 'sociale-onveiligheid',
      firstMessage: texts[0],
    });
    // Control: while the named case is open its name IS in the file, so the search below can fail.
    expect((await rawStore(t)).includes(Buffer.from('Jasmijn Okafor'))).toBe(true);

    const picked = await pickUp(noor, code);
    await replyOn(noor, picked.card, texts[1]);
    await jasmijn.say(texts[2]);
    await noor.say(`#${code} ${texts[3]}`);
    await replyOn(jasmijn, lastCard(jasmijn, texts[3]), texts[4]);
    for (const text of texts.slice(1)) expect(textOf([...jasmijn.inbox(), ...noor.inbox()])).toContain(text);

    const choose = await noor.invoke('contact.refer.choose', findAction(picked.card, 'Doorverwijzen').data);
    const guidance = await noor.invoke('contact.refer.guidance', {
      ...findAction(shownCard(choose), 'Richtlijn bekijken').data,
      destination: 'vertrouwenspersoon',
    });
    await noor.invoke('contact.refer.send', findAction(guidance.card, 'Verwijzing naar').data);
    await jasmijn.invoke(
      'contact.handover',
      findAction(lastCard(jasmijn, 'Een verwijzing'), 'Ja, stel me voor').data,
    );
    expect(textOf(noor.inbox().slice(-1))).toContain('Jasmijn Okafor');
    const closeForm = await noor.invoke('contact.close.form', findAction(picked.card, 'Afsluiten').data);
    await noor.invoke('contact.close', {
      ...findAction(shownCard(closeForm), 'Zaak afsluiten').data,
      outcome: 'referred',
      destination: 'vertrouwenspersoon',
    });
    await bot.runDue();

    const raw = await rawStore(t);
    for (const secret of [...texts, 'Jasmijn', 'Okafor'])
      expect({ secret, found: raw.includes(Buffer.from(secret)) }).toEqual({ secret, found: false });
    const contactDocs = JSON.stringify(await bot.deps.store.query(containers.contact));
    expect(contactDocs).not.toContain(jasmijn.aadObjectId);
    expect(contactDocs).not.toContain(noor.aadObjectId);
    for (const container of [
      containers.outbox,
      containers.broadcasts,
      containers.jobs,
      containers.botState,
    ]) {
      const docs = JSON.stringify(await bot.deps.store.query(container));
      for (const secret of [...texts, 'Jasmijn']) expect(docs).not.toContain(secret);
    }

    const logs = bot.logs();
    expect(logs.some((l) => l.includes('contact.case_closed'))).toBe(true); // the feature does log, by case id
    for (const secret of [...texts, 'Jasmijn', 'Okafor'])
      expect(logs.filter((l) => l.includes(secret))).toEqual([]);
    const caseLines = logs.filter((l) => l.includes(code));
    expect(caseLines.length).toBeGreaterThan(0);
    expect(caseLines.filter((l) => l.includes(jasmijn.aadObjectId))).toEqual([]);
  });

  it('statistics through the app: per quarter by topic, destination and outcome, small groups "<5", nobody named', async () => {
    const { bot, noor, sanne } = t;
    for (let i = 0; i < 6; i++) {
      const m = bot.user(`Collega ${i}`);
      await m.install();
      const { code } = await requestContact(m, { topic: i < 5 ? 'uitsluiting' : 'discriminatie' });
      const picked = await pickUp(noor, code);
      const closeForm = await noor.invoke('contact.close.form', findAction(picked.card, 'Afsluiten').data);
      await noor.invoke('contact.close', {
        ...findAction(shownCard(closeForm), 'Zaak afsluiten').data,
        outcome: i < 5 ? 'adviceGiven' : 'referred',
        destination: i < 5 ? 'none' : 'hr',
      });
    }
    const stats = cardText(cardsOf(await sanne.say('vertrouwelijk statistiek'))[0]);
    expect(stats).toContain('2026, kwartaal 4');
    expect(stats).toContain('Totaal: 6');
    expect(stats).toContain('Uitsluiting: 5');
    expect(stats).toContain('Discriminatie: <5');
    expect(stats).toContain('HR-adviseur: <5');
    expect(stats).toContain('Advies gegeven: 5');
    expect(stats).toContain('Doorverwezen: <5');
    expect(stats).not.toMatch(/: [0-4]$/m);
    expect(stats).not.toContain('Collega');
    expect(stats).not.toContain('Noor');
  });
});
