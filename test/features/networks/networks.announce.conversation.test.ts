import { containers } from '../../../src/storage/document-store.port';
import { cardActions, cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import {
  lastCard,
  newMembers,
  rPrideChannelId,
  rPrideChannelTitle,
  withRPrideChannel,
} from './networks.conversation.helpers';

const announcement = (text: string, extra: Record<string, unknown> = {}) => ({
  kind: 'plain',
  announcementId: '',
  networkId: 'r-pride',
  text,
  link: '',
  toMembers: 'true',
  toChannel: 'false',
  ...extra,
});

describe('networks: a coordinator announces to their network', () => {
  let bot: TestBot;
  let lotte: TestUser;
  let members: TestUser[];

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: withRPrideChannel });
    await bot.channel(rPrideChannelTitle).install();
    lotte = bot.user('Lotte Visser');
    members = await newMembers(bot, 'r-pride', 3);
    members.push(bot.user('English Colleague').locale('en'));
    await bot.user('English Colleague').say('networks');
    await bot.user('English Colleague').invoke('networks.join', { networkId: 'r-pride' });
  });
  afterAll(async () => bot.stop());

  /** Form → preview → send, as Lotte clicks it; returns the announcement id. */
  async function announce(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    const preview = await lotte.invoke('networks.announce.preview', announcement(text, extra));
    const send = findAction(preview.card, 'Versturen');
    const sent = await lotte.invoke(send.verb!, send.data);
    expect(cardText(sent.card)).toContain('Verstuurd: het bericht gaat nu via de bezorgwachtrij');
    return String(send.data?.announcementId);
  }

  it('fills the form, previews the card and sends it to every member 1:1 and to the channel', async () => {
    const form = lastCard(await lotte.say('aankondiging'));
    expect(cardText(form)).toContain('Nieuwe aankondiging');
    const networkInput = cardInputs(form).find((i) => i.id === 'networkId');
    expect((networkInput?.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['r-pride']);

    const preview = await lotte.invoke(
      'networks.announce.preview',
      announcement('Pride-borrel vrijdag om vijf uur', {
        link: 'https://intranet.example.org/pride',
        toChannel: 'true',
      }),
    );
    expect(cardText(preview.card)).toContain('Voorbeeld: nog niets verstuurd');
    expect(cardText(preview.card)).toContain('Pride-borrel vrijdag om vijf uur');
    expect(findAction(preview.card, 'Versturen').title).toBe('Versturen naar 4 leden en het kanaal');
    await bot.runDue();
    expect(
      members.every((m) => bot.inbox(m).every((a) => !cardText(cardsOf([a])[0]).includes('Pride-borrel'))),
    ).toBe(true);

    const send = findAction(preview.card, 'Versturen');
    await lotte.invoke(send.verb!, send.data);
    await lotte.invoke(send.verb!, send.data); // double click
    await bot.runDue();

    for (const m of members) {
      const got = cardsOf(bot.inbox(m)).filter((c) => cardText(c).includes('Pride-borrel'));
      expect(got).toHaveLength(1);
      expect(cardActions(got[0]).find((a) => a.type === 'Action.OpenUrl')?.url).toBe(
        'https://intranet.example.org/pride',
      );
    }
    const english = cardsOf(bot.inbox(members[3]!)).at(-1);
    expect(cardText(english)).toContain('Pause announcements');
    expect(cardText(cardsOf(bot.messagesIn(rPrideChannelId)).at(-1))).toContain('Pride-borrel');

    const status = await lotte.invoke('networks.announce.status', send.data);
    const text = cardText(status.card);
    expect(text).toContain('Verstuurd: 5');
    expect(text).toContain('Mislukt: 0');
    expect(text).toContain('Klaar met versturen.');
  });

  it('keeps what was typed when the form is wrong (a plain http link), and sends nothing', async () => {
    const res = await lotte.invoke(
      'networks.announce.preview',
      announcement('Mijn tekst blijft staan', { link: 'http://onveilig.example' }),
    );
    expect(cardText(res.card)).toContain('De link moet een volledig https-adres zijn');
    expect(cardInputs(res.card).find((i) => i.id === 'text')?.value).toBe('Mijn tekst blijft staan');
    const bad = await lotte.invoke('networks.announce.send', { announcementId: 'not-an-id' });
    expect(cardText(bad.card)).toContain('Dat begreep ik niet goed');
  });

  it('edits the draft before sending; the earlier announcements are listed', async () => {
    const first = await lotte.invoke('networks.announce.preview', announcement('Eerste versie'));
    const edit = findAction(first.card, 'Aanpassen');
    const form = await lotte.invoke(edit.verb!, edit.data);
    expect(cardInputs(form.card).find((i) => i.id === 'text')?.value).toBe('Eerste versie');
    const submit = findAction(form.card, 'Voorbeeld');
    expect(submit.data?.announcementId).toBe(edit.data?.announcementId);
    const second = await lotte.invoke(submit.verb!, { ...announcement('Tweede versie'), ...submit.data });
    expect(cardText(second.card)).toContain('Tweede versie');
    expect(findAction(second.card, 'Versturen').data?.announcementId).toBe(edit.data?.announcementId);

    const list = cardText((await lotte.invoke('networks.announce.list', {})).card);
    expect(list).toContain('Tweede versie');
    expect(list).toContain('R-Pride · concept');
    expect(list).toContain('Pride-borrel vrijdag om vijf uur');
  });

  it('a member pauses from the announcement for a month and gets no announcements for 30 days', async () => {
    const sem = members[0]!;
    const card = cardsOf(bot.inbox(sem)).at(-1);
    expect(findAction(card, 'Aankondigingen pauzeren').type).toBe('Action.ShowCard');
    const snooze = findAction(card, '1 maand');
    expect(snooze.data).toMatchObject({ networkId: 'r-pride', period: 'month' });
    const res = await sem.invoke(snooze.verb!, snooze.data);
    expect(cardText(res.card)).toContain('Je krijgt tot 23 december 2026 geen aankondigingen van R-Pride.');

    const before = bot.inbox(sem).length;
    await announce('Tweede bericht');
    await bot.runDue();
    expect(bot.inbox(sem)).toHaveLength(before);
    expect(cardText(cardsOf(bot.inbox(members[1]!)).at(-1))).toContain('Tweede bericht');
  });

  it('a member leaves from the announcement itself', async () => {
    const leaver = members[2]!;
    const leave = findAction(cardsOf(bot.inbox(leaver)).at(-1), 'Lidmaatschap opzeggen');
    const res = await leaver.invoke(leave.verb!, leave.data);
    expect(cardText(res.card)).toContain('Je bent geen lid meer van R-Pride.');
    expect(cardActions(res.card).map((a) => a.title)).not.toContain('Lidmaatschap opzeggen');
    expect(await bot.deps.store.get(containers.networks, 'r-pride', leaver.aadObjectId)).toBeUndefined();
  });

  it('corrects a typo: every copy is updated', async () => {
    const id = await announce('Borrel in het Timerhuis');
    await bot.runDue();
    const form = await lotte.invoke('networks.announce.correctForm', { announcementId: id });
    expect(cardInputs(form.card).find((i) => i.id === 'text')?.value).toBe('Borrel in het Timerhuis');
    const submit = findAction(form.card, 'Correctie versturen');
    const res = await lotte.invoke(submit.verb!, {
      ...submit.data,
      text: 'Borrel in het Timmerhuis',
      link: '',
    });
    expect(cardText(res.card)).toContain('Gecorrigeerd (versie 2).');
    await bot.runDue();
    const recipient = members[1]!;
    const updates = bot.updatesIn(recipient.conversationId);
    expect(cardText(cardsOf(updates).at(-1))).toContain('Borrel in het Timmerhuis');
    expect(cardText(cardsOf(updates).at(-1))).toContain('Aangepast door de coördinator.');
  });

  it('retracts after confirmation: every copy becomes "ingetrokken"', async () => {
    const id = await announce('Dit ging te vroeg de deur uit', { toChannel: 'true' });
    await bot.runDue();
    const confirm = await lotte.invoke('networks.announce.retract', { announcementId: id });
    expect(cardText(confirm.card)).toContain('Aankondiging intrekken?');
    const yes = findAction(confirm.card, 'Ja, intrekken');
    const done = await lotte.invoke(yes.verb!, yes.data);
    expect(cardText(done.card)).toContain('Ingetrokken');
    await bot.runDue();
    for (const conv of [members[1]!.conversationId, rPrideChannelId]) {
      expect(cardText(cardsOf(bot.updatesIn(conv)).at(-1))).toContain(
        'Deze aankondiging van R-Pride is ingetrokken door de coördinator.',
      );
    }
    expect(cardText(cardsOf(bot.updatesIn(members[3]!.conversationId)).at(-1))).toContain(
      'retracted by the coordinator',
    );
  });

  it('shows failed deliveries and resends to the failed recipients only', async () => {
    const failing = members[1]!;
    bot.connector.configure({ conversationStatus: { [failing.conversationId]: 400 } });
    const id = await announce('Nog een bericht');
    await bot.runDue();
    const status = await lotte.invoke('networks.announce.status', { announcementId: id });
    expect(cardText(status.card)).toContain('Mislukt: 1');
    const retry = findAction(status.card, 'Opnieuw versturen naar mislukte');

    bot.connector.configure({ conversationStatus: {} });
    const othersBefore = bot.inbox(members[3]!).length;
    const res = await lotte.invoke(retry.verb!, retry.data);
    expect(cardText(res.card)).toContain('1 bericht wordt opnieuw verstuurd.');
    await bot.runDue();
    expect(cardText(cardsOf(bot.inbox(failing)).at(-1))).toContain('Nog een bericht');
    expect(bot.inbox(members[3]!)).toHaveLength(othersBefore);
    const after = await lotte.invoke('networks.announce.status', { announcementId: id });
    expect(cardText(after.card)).toContain('Mislukt: 0');
    // Nothing in the logs links a network, an announcement and its recipients.
    expect(bot.logs().filter((l) => l.includes('r-pride'))).toEqual([]);
    for (const m of members) expect(bot.logs().filter((l) => l.includes(m.aadObjectId))).toEqual([]);
  });

  it('the coordinator sees the member count and list; the list shows names in order', async () => {
    const card = lastCard(await lotte.say('leden'));
    const text = cardText(card);
    expect(text).toContain('Leden van R-Pride');
    expect(text).toContain('3 leden');
    expect(text).toContain('Collega 1 (gepauzeerd)');
    expect(text).toContain('English Colleague');
    expect(text).not.toContain('Collega 3');
  });

  // Last: it moves the clock two weeks on.
  it('after the change window the status says so, offers no retract or correct, and an old button changes nothing', async () => {
    const id = await announce('Borrel volgende week');
    await bot.runDue();
    const open = await lotte.invoke('networks.announce.status', { announcementId: id });
    expect(cardText(open.card)).toMatch(
      /Intrekken of corrigeren kan tot .+\. Daarna bewaart Panelbot niet meer wie de aankondiging kreeg\./,
    );
    const retract = findAction(open.card, 'Intrekken');

    await bot.advance(15 * 86_400_000);
    const closed = await lotte.invoke('networks.announce.status', { announcementId: id });
    expect(cardText(closed.card)).toMatch(
      /Panelbot bewaart niet meer wie deze aankondiging kreeg \(sinds .+\); intrekken of corrigeren kan niet meer\./,
    );
    // The counts outlive the per-recipient records.
    const sentLine = /Verstuurd: [1-9]\d*/.exec(cardText(open.card))?.[0];
    expect(sentLine).toBeDefined();
    expect(cardText(closed.card)).toContain(sentLine);
    expect(cardActions(closed.card).map((a) => a.title)).toEqual(['Vernieuwen']);

    const before = JSON.stringify(await bot.deps.store.query(containers.networks, {}));
    const updatesBefore = bot.connector.updates().length;
    const refused = await lotte.invoke(retract.verb!, { ...retract.data, confirm: 'yes' });
    expect(cardText(refused.card)).toContain(
      'De termijn om deze aankondiging in te trekken of te corrigeren is voorbij',
    );
    const form = await lotte.invoke('networks.announce.correctForm', { announcementId: id });
    expect(cardText(form.card)).toContain('Er is niets veranderd.');
    await bot.runDue();
    expect(JSON.stringify(await bot.deps.store.query(containers.networks, {}))).toBe(before);
    expect(bot.connector.updates()).toHaveLength(updatesBefore);
  });
});
