import { cardInputs, cardText, findAction } from '../../support/cards';
import type { TestUser } from '../../support/test-bot';
import {
  contactDocs,
  lastCard,
  pickUp,
  requestContact,
  startContactBot,
  textOf,
  type ContactBot,
  shownCard,
} from './contact.bot.helpers';

/** The kernteamlid walks Doorverwijzen → guidance → send; returns the medewerker's referral card. */
async function refer(kernteamlid: TestUser, medewerker: TestUser, caseCard: unknown, destination: string) {
  const choose = findAction(caseCard, 'Doorverwijzen');
  const form = await kernteamlid.invoke(choose.verb as string, choose.data);
  expect(cardInputs(shownCard(form)).find((i) => i.id === 'destination')).toMatchObject({
    isRequired: true,
    label: 'Bestemming',
  });
  const show = findAction(shownCard(form), 'Richtlijn bekijken');
  const guidance = await kernteamlid.invoke(show.verb as string, { ...show.data, destination });
  const send = findAction(guidance.card, 'Verwijzing naar de medewerker sturen');
  const sent = await kernteamlid.invoke(send.verb as string, send.data);
  return {
    guidance: cardText(guidance.card),
    sent: cardText(sent.card),
    referral: lastCard(medewerker, 'Een verwijzing'),
  };
}

describe('doorverwijzen with and without consent, and closing', () => {
  let t: ContactBot;
  beforeEach(async () => (t = await startContactBot()));
  afterEach(() => t.bot.stop());

  it('with consent: guidance for the kernteamlid, referral card for the medewerker, and only then the name', async () => {
    const { lotte, noor } = t;
    const { code } = await requestContact(lotte, { topic: 'discriminatie' });
    const picked = await pickUp(noor, code);
    const r = await refer(noor, lotte, picked.card, 'vertrouwenspersoon');
    expect(r.guidance).toContain('Wanneer doorverwijzen');
    expect(r.guidance).toContain('Bij ongewenst gedrag zoals discriminatie');
    expect(r.sent).toContain('Verwijzing gestuurd');
    const referral = cardText(r.referral);
    expect(referral).toContain('Een verwijzing: Vertrouwenspersoon');
    expect(referral).toContain('Luistert vertrouwelijk naar ervaringen');
    expect(referral).toContain("zoek op 'vertrouwenspersoon'");
    expect(findAction(r.referral, 'Meer informatie').url).toBe(
      'https://intranet.example.org/vertrouwenspersoon',
    );
    expect(textOf(noor.inbox())).not.toContain('Lotte');

    const yes = findAction(r.referral, 'Ja, stel me voor (warme overdracht)');
    const answered = await lotte.invoke(yes.verb as string, yes.data);
    expect(cardText(answered.card)).toContain('Je wilt een warme overdracht (Vertrouwenspersoon)');
    const toNoor = textOf(noor.inbox().slice(-1));
    expect(toNoor).toContain(`Zaak ${code}: de medewerker wil een warme overdracht (Vertrouwenspersoon)`);
    expect(toNoor).toContain('Lotte Visser');
  });

  it('without consent: the kernteamlid never learns the name, whatever else happens', async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte);
    const picked = await pickUp(noor, code);
    const r = await refer(noor, lotte, picked.card, 'hr');
    const no = findAction(r.referral, 'Nee, dank je');
    const answered = await lotte.invoke(no.verb as string, no.data);
    expect(cardText(answered.card)).toContain('geen warme overdracht');
    // A stray click on the old "Ja" afterwards changes nothing.
    const yes = findAction(r.referral, 'Ja, stel me voor');
    await lotte.invoke(yes.verb as string, yes.data);
    const closeForm = await noor.invoke('contact.close.form', findAction(picked.card, 'Afsluiten').data);
    const confirm = findAction(shownCard(closeForm), 'Zaak afsluiten');
    await noor.invoke(confirm.verb as string, { ...confirm.data, outcome: 'referred', destination: 'hr' });
    const everythingNoorSaw = textOf([...noor.inbox(), ...bot.updatesIn(noor.conversationId)]);
    expect(everythingNoorSaw).toContain('wil geen warme overdracht');
    expect(everythingNoorSaw).not.toContain('Lotte');
    expect(everythingNoorSaw).not.toContain('Visser');
  });

  it('closing by the kernteamlid: outcome recorded, identities removed, both closing cards repeat formal reports and urgent help', async () => {
    const { bot, lotte, noor } = t;
    const { code } = await requestContact(lotte, {
      identity: 'named',
      topic: 'werving-selectie',
      channel: 'inPerson',
    });
    const picked = await pickUp(noor, code);
    const closeForm = await noor.invoke('contact.close.form', findAction(picked.card, 'Afsluiten').data);
    expect(cardInputs(shownCard(closeForm)).find((i) => i.id === 'outcome')).toMatchObject({
      isRequired: true,
      errorMessage: 'Kies een uitkomst.',
    });
    const confirm = findAction(shownCard(closeForm), 'Zaak afsluiten');
    const closed = await noor.invoke(confirm.verb as string, {
      ...confirm.data,
      outcome: 'adviceGiven',
      destination: 'none',
    });
    for (const text of [cardText(closed.card), cardText(lastCard(lotte, 'is afgesloten'))]) {
      expect(text).toContain(`Zaak ${code} is afgesloten`);
      expect(text).toContain('Formele meldingen');
      expect(text).toContain('Dringende hulp');
    }
    const [c] = await contactDocs(bot);
    expect(c).toEqual({
      caseId: c.caseId,
      code,
      status: 'closed',
      createdAt: '2026-11-23',
      pickedUpAt: '2026-11-23',
      closedAt: '2026-11-23',
      quarter: '2026-Q4',
      topic: 'werving-selectie',
      contactChannel: 'inPerson',
      outcome: 'adviceGiven',
    });
    // Lotte can start a new contact right away.
    expect(cardText((await requestContact(lotte)).card)).toContain('Je verzoek is verstuurd');
  });
});
