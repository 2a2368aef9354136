import type { OrgFile } from '../../../src/platform/org/org.schema';
import { createAdviesModule } from '../../../src/features/advies/advies.module';
import { cardInputs, cardText, expectCardHouseRules, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  inboxTexts,
  installAll,
  kernteamNames,
  programmateamName,
  requesterName,
  storedRequest,
  submitRequest,
  wsPanelId,
  wsPanelName,
} from './advies.helpers';

const withWsPanel = {
  // Kofi (in the demo file) opted in as W&S panel member.
  orgPatch: (org: OrgFile) => {
    for (const p of org.people) if (p.aadObjectId === wsPanelId) p.roles.push('wsPanellid');
  },
};
const last = (texts: string[]) => texts[texts.length - 1] ?? '';

describe('advies: a W&S request from the form to the follow-up, through the bot', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot(withWsPanel);
  });
  afterEach(() => bot.stop());

  it('request → question → answer → accept → volunteers (names with consent) → advice → follow-up after 3 months', async () => {
    const [requester, pt, noor, daan, priya, kofi] = await installAll(bot, [
      requesterName,
      programmateamName,
      ...kernteamNames,
      wsPanelName,
    ]);

    // Anyone opens the form by typing; the clusters come from the organisation file.
    const [formMessage] = await requester!.say('panel inschakelen');
    const form = formMessage!.attachments![0]!.content;
    expectCardHouseRules(form, { verbPrefix: 'advies.' });
    expect(cardText(form)).toContain('Maatschappelijke Ontwikkeling');
    // Number fields start empty: a "" value shows as 0 in Teams.
    const numbers = (card: unknown) =>
      cardInputs(card)
        .filter((i) => i.type === 'Input.Number')
        .map((i) => [i.id, i.value]);
    expect(numbers(form)).toEqual([
      ['fsk', undefined],
      ['seats', undefined],
    ]);

    const { res, requestId, text } = await submitRequest(bot, requester!);
    expect(text).toMatch(/Je aanvraag is verstuurd\. Je code is A-[A-Z2-9]{5}\./);
    expectCardHouseRules(res.card, { verbPrefix: 'advies.' });
    const stored = await storedRequest(bot, requestId!);
    expect(stored).toMatchObject({ status: 'open', kind: 'ws', ws: { fsk: 11, seats: 2 } });
    await bot.runDue();
    expect(last(inboxTexts(requester!))).toContain(`Je code is ${stored!.code}`);
    expect(last(inboxTexts(pt!))).toContain('Nieuwe aanvraag voor het panel');

    // The programmateam's queue lists it; a question goes back to the requester, who answers on the card.
    const queue = await pt!.invoke('advies.queue');
    expect(cardText(queue.card)).toContain(`${stored!.code} · Teamleider Wijkteams Noord`);
    await pt!.invoke('advies.ask', { requestId, question: 'Is de vacature al gepubliceerd?' });
    await bot.runDue();
    expect(last(inboxTexts(requester!))).toContain('Is de vacature al gepubliceerd?');
    const asked = await requester!.invoke('advies.view', { requestId });
    expect(findAction(asked.card, 'Vraag beantwoorden')).toBeDefined();
    const answered = await requester!.invoke('advies.answer', { requestId, answer: 'Ja, sinds maandag.' });
    expect(cardText(answered.card)).toContain('Je antwoord is verstuurd');
    await bot.runDue();
    expect(last(inboxTexts(pt!))).toContain('Ja, sinds maandag.');

    // Accept with the kernteamlid who takes it: the requester hears who, the kernteam and the W&S panel are asked.
    const accepted = await pt!.invoke('advies.accept', { requestId, takenBy: noor!.aadObjectId });
    expect(cardText(accepted.card)).toContain('Aangenomen');
    await bot.runDue();
    expect(last(inboxTexts(requester!))).toContain('Noor El Amrani van het kernteam pakt het op');
    expect(inboxTexts(noor!).some((t) => t.includes('Jij pakt deze aanvraag op'))).toBe(true);
    // Noor also gets "Jij pakt deze aanvraag op"; two broadcasts have no order between them.
    for (const u of [noor!, daan!, priya!, kofi!])
      expect(inboxTexts(u).filter((t) => t.includes('Wie doet mee?'))).toHaveLength(1);
    expect(inboxTexts(requester!).some((t) => t.includes('Wie doet mee?'))).toBe(false);
    // A retried click (Teams retries an invoke) changes nothing and sends nothing twice.
    await pt!.invoke('advies.accept', { requestId, takenBy: noor!.aadObjectId });
    await bot.runDue();
    expect(inboxTexts(daan!).filter((t) => t.includes('Wie doet mee?'))).toHaveLength(1);
    expect(inboxTexts(requester!).filter((t) => t.includes('Je aanvraag is aangenomen'))).toHaveLength(1);

    // Daan shares his name, Kofi does not: the requester sees two seats taken and only Daan's name.
    const daanJoins = await daan!.invoke('advies.volunteer', { requestId, shareName: 'true' });
    expect(cardText(daanJoins.card)).toContain('Je doet mee');
    const kofiJoins = await kofi!.invoke('advies.volunteer', { requestId, shareName: 'false' });
    expect(cardText(kofiJoins.card)).toContain('2 van 2 plekken bezet');
    await bot.runDue();
    // Everyone's "wie doet mee?" card is brought up to date in place: full, and each person's own place.
    const latestUpdate = (u: typeof daan) =>
      cardText(bot.updatesIn(u!.conversationId).at(-1)?.attachments?.[0]?.content);
    expect(latestUpdate(priya)).toContain('Alle plekken zijn bezet');
    expect(latestUpdate(priya)).toContain('Aanmelden als reserve');
    expect(latestUpdate(daan)).toContain('Je doet mee');
    expect(latestUpdate(daan)).toContain('2 van 2 plekken bezet');
    const joined = inboxTexts(requester!).filter((t) => t.includes('Er doet een panellid mee'));
    expect(joined).toHaveLength(2);
    expect(joined.filter((t) => t.includes('Wie meedoet: Daan Bakker'))).toHaveLength(1);
    expect(joined.join('\n')).not.toContain('Kofi');
    const requesterView = cardText((await requester!.invoke('advies.view', { requestId })).card);
    expect(requesterView).toContain('Namen: Daan Bakker');
    expect(requesterView).not.toContain('Kofi');
    // The panel sees everyone who joins.
    expect(cardText((await noor!.invoke('advies.view', { requestId })).card)).toContain('Kofi Mensah');
    // A medewerker who is neither kernteam nor W&S panel cannot take a seat.
    const outsider = await bot.user('Eva Smit').invoke('advies.volunteer', { requestId, shareName: 'true' });
    expect(cardText(outsider.card)).toContain('Dit mag alleen');

    // The kernteamlid who took it records the advice; the requester receives it with its link.
    const advised = await noor!.invoke('advies.advise', {
      requestId,
      summary: 'Neem een ervaringsdeskundige op in de commissie.',
      link: 'https://intranet.example.org/advies/123',
    });
    expect(cardText(advised.card)).toContain('Het advies is verstuurd');
    await bot.runDue();
    const advice = last(inboxTexts(requester!));
    expect(advice).toContain('Neem een ervaringsdeskundige op in de commissie.');
    expect(advice).toContain('https://intranet.example.org/advies/123');

    // Three months later (organisation default) the requester is asked what was done with it, once.
    await bot.advance(89 * 86_400_000);
    expect(inboxTexts(requester!).some((t) => t.includes('Wat heb je met het advies gedaan?'))).toBe(false);
    await bot.advance(3 * 86_400_000);
    expect(
      inboxTexts(requester!).filter((t) => t.includes('Wat heb je met het advies gedaan?')),
    ).toHaveLength(1);
    const closed = await requester!.invoke('advies.followUp', {
      requestId,
      outcome: 'deels',
      line: 'De commissie is aangepast, de vacaturetekst nog niet.',
    });
    expect(cardText(closed.card)).toContain('Deels opgevolgd: De commissie is aangepast');
    expect(await storedRequest(bot, requestId!)).toMatchObject({ status: 'closed', joined: 2 });
    await bot.runDue();
    expect(last(inboxTexts(pt!))).toContain('laten weten wat er met het advies is gedaan');
    // Logs carry ids and counts, never what people wrote or who they are.
    const logs = bot.logs().join('\n');
    expect(logs).toContain('advies request created');
    for (const written of [
      'Teamleider Wijkteams',
      'selectiecommissie',
      'ervaringsdeskundige',
      'sinds maandag',
      'Daan Bakker',
    ])
      expect(logs).not.toContain(written);
  });

  it('a volunteer withdraws: the first on the reserve list moves up, and the requester is told', async () => {
    const [requester, pt, noor, daan, priya] = await installAll(bot, [
      requesterName,
      programmateamName,
      ...kernteamNames,
    ]);
    const { requestId } = await submitRequest(bot, requester!, { seats: '1' });
    await pt!.invoke('advies.accept', { requestId, takenBy: noor!.aadObjectId });
    await daan!.invoke('advies.volunteer', { requestId, shareName: 'true' });
    const reserve = await priya!.invoke('advies.volunteer', { requestId, shareName: 'true' });
    expect(cardText(reserve.card)).toContain('Net te laat');
    expect(findAction(reserve.card, 'Toch niet meedoen')).toBeDefined();
    await bot.runDue();

    const left = await daan!.invoke('advies.withdraw', { requestId });
    expect(cardText(left.card)).toContain('Aanmelden als reserve'); // Priya has the seat now
    await bot.runDue();
    expect(cardText(bot.updatesIn(priya!.conversationId).at(-1)?.attachments?.[0]?.content)).toContain(
      'Je doet mee',
    );
    const told = inboxTexts(requester!).at(-1)!;
    expect(told).toContain('Een panellid doet toch niet mee');
    expect(told).toContain('1 van 1 plek bezet.');
    expect(await storedRequest(bot, requestId!)).toMatchObject({ joined: 1 });
    // Withdrawing twice (a retried click) changes nothing more.
    await daan!.invoke('advies.withdraw', { requestId });
    await bot.runDue();
    expect(inboxTexts(requester!).filter((t) => t.includes('toch niet mee'))).toHaveLength(1);
  });

  it('decline with a reason the requester reads; a new deadline; overdue requests are flagged and listed', async () => {
    const [requester, pt] = await installAll(bot, [requesterName, programmateamName]);
    const { requestId: declinedId } = await submitRequest(bot, requester!, {
      kind: 'advies',
      subject: 'Nota wonen',
    });
    await bot.runDue();
    await pt!.invoke('advies.decline', {
      requestId: declinedId,
      reason: 'Dit past beter bij de DIG-adviseur.',
    });
    await bot.runDue();
    expect(last(inboxTexts(requester!))).toContain('Dit past beter bij de DIG-adviseur.');
    expect(last(inboxTexts(requester!))).toContain('Je aanvraag is niet aangenomen');

    const { requestId } = await submitRequest(bot, requester!, { kind: 'meelezen', deadline: '2026-11-24' });
    await bot.runDue();
    await bot.runDue();
    const moved = await pt!.invoke('advies.setDeadline', { requestId, deadline: '2026-11-26' });
    expect(cardText(moved.card)).toContain('26 november 2026');
    await bot.runDue();
    expect(last(inboxTexts(requester!))).toContain('De deadline is nu 26 november 2026');

    // Past the deadline with no answer: flagged on the queue and returned for the kernteam agenda.
    await bot.advance(4 * 86_400_000);
    const queue = cardText((await pt!.invoke('advies.queue')).card);
    expect(queue).toContain('1 aanvraag is over de deadline zonder antwoord.');
    expect(queue).toContain('Deadline voorbij, nog geen antwoord');
    expect(queue).not.toContain('Nota wonen');
    const stored = await storedRequest(bot, requestId!);
    await expect(createAdviesModule(bot.deps).overdueRequests(bot.clock.now())).resolves.toEqual([
      { code: stored!.code, subject: 'Teamleider Wijkteams Noord', deadline: stored!.deadline },
    ]);
  });

  it('refuses bad input on the form with the form again and the reason, and stores nothing', async () => {
    const [requester] = await installAll(bot, [requesterName]);
    const cases: Array<[Record<string, string>, string]> = [
      [{ deadline: '2026-11-01' }, 'De deadline ligt in het verleden'],
      [{ link: 'http://intranet.example.org/stuk' }, 'begint met https://'],
      [{ link: 'javascript:alert(1)' }, 'begint met https://'],
      [{ vacancy: '' }, 'Vul bij werving en selectie de vacature'],
      [{ clusterId: 'bestaat-niet' }, 'Kies een cluster uit de lijst'],
      [{ deadline: '2026-02-30' }, 'Deze datum bestaat niet'],
      [{ fsk: 'veertien' }, 'controleer wat je hebt ingevuld'],
    ];
    for (const [overrides, message] of cases) {
      const { res, text } = await submitRequest(bot, requester!, overrides);
      expect(text).toContain(message);
      expect(text).toContain('Panel inschakelen');
      expect(findAction(res.card, 'Versturen')).toBeDefined();
      // What was typed comes back; a number field holds a number, or stays empty.
      const seats = cardInputs(res.card).find((i) => i.id === 'seats');
      expect(seats?.value).toBe(2);
      const fsk = cardInputs(res.card).find((i) => i.id === 'fsk');
      expect(fsk?.value).toBe(overrides.fsk === 'veertien' ? undefined : 11);
    }
    expect(await bot.deps.store.query('advies', {})).toHaveLength(0);
    // In English Teams the same refusal comes in English.
    const { text } = await submitRequest(bot, requester!.locale('en'), { deadline: '2026-11-01' });
    expect(text).toContain('The deadline is in the past. Choose today or a later date.');
    expect(text).toContain('Ask the panel');
  });
});
