import {
  satisfactionPollJobKind,
  satisfactionPollJobSchema,
  type SatisfactionPollJob,
} from '../../../src/platform/contracts/satisfaction-poll.job';
import { cardActions, cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestChannel, type TestUser } from '../../support/test-bot';
import {
  createAtelier,
  joinNetwork,
  download,
  installEverywhere,
  lastCard,
  organiserName,
  staffNames,
  storedAtelier,
  storedRoster,
} from './kennisatelier.helpers';

describe('kennisatelier: organising', () => {
  let bot: TestBot;
  let channel: TestChannel;
  let sanne: TestUser;
  let staff: TestUser[];
  let atelierId: string;

  beforeEach(async () => {
    bot = await startTestBot();
    ({
      channel,
      users: [sanne, ...staff],
    } = await installEverywhere(bot, [organiserName, ...staffNames]));
    ({ atelierId } = await createAtelier(sanne, { channels: channel.id, capacity: '2' }));
    await bot.runDue();
  });
  afterEach(async () => bot.stop());

  const signUp = (user: TestUser, id = atelierId) => user.invoke('kennisatelier.signUp', { atelierId: id });
  const newMessages = async (user: TestUser, action: () => Promise<unknown>) => {
    const before = user.inbox().length;
    await action();
    await bot.runDue();
    return cardsOf(user.inbox().slice(before)).map(cardText);
  };

  it('organisers see names, count and a CSV export; a medewerker gets neither names nor the file', async () => {
    const [a, b, c] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    const res = await sanne.invoke('kennisatelier.roster', { atelierId });
    const text = cardText(res.card);
    expect(text).toContain('Aangemeld (2)');
    expect(text).toContain('1. Bram Mulder');
    expect(text).toContain('2. Fatima Ouali');
    expect(text).toContain('Wachtlijst (1)');
    expect(text).toContain('1. Jeroen de Graaf');

    const csv = await download(bot, findAction(res.card, 'Exporteren (CSV)').url!);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.split('\r\n').slice(0, 4)).toEqual([
      '"Naam";"Status";"Plek";"Aanwezig"',
      '"Bram Mulder";"aangemeld";"1";""',
      '"Fatima Ouali";"aangemeld";"2";""',
      '"Jeroen de Graaf";"wachtlijst";"1";""',
    ]);

    // A medewerker: no roster by invoke, no CSV with their own link, no CSV with the organiser's link either.
    expect(cardText((await a!.invoke('kennisatelier.roster', { atelierId })).card)).toContain(
      'Alleen de organisatoren',
    );
    const forged = bot.deps.downloads.link('kennisatelier.csv', atelierId, a!.aadObjectId);
    expect((await download(bot, forged)).status).toBe(404);
    expect(bot.logs().join('\n')).not.toContain('Bram Mulder');
  });

  it('every organiser verb refuses a medewerker and changes nothing', async () => {
    const [a] = staff;
    await signUp(a!);
    const before = JSON.stringify(await storedAtelier(bot, atelierId));
    for (const verb of [
      'kennisatelier.editForm',
      'kennisatelier.save',
      'kennisatelier.confirmCancel',
      'kennisatelier.cancel',
      'kennisatelier.roster',
      'kennisatelier.attendanceForm',
      'kennisatelier.markAttendance',
    ]) {
      const res = await a!.invoke(verb, {
        atelierId,
        title: 'Overgenomen',
        description: 'x',
        date: '2026-12-02',
        start: '10:00',
        end: '11:00',
        room: 'Elders',
        everyone: 'true',
      });
      expect(cardText(res.card)).toContain('Alleen de organisatoren van dit kennisatelier');
    }
    // A coordinator who did not create it is not its organiser either.
    const lotte = bot.user('Lotte Visser');
    expect(cardText((await lotte.invoke('kennisatelier.cancel', { atelierId })).card)).toContain(
      'Alleen de organisatoren',
    );
    expect(JSON.stringify(await storedAtelier(bot, atelierId))).toBe(before);
    expect(await storedRoster(bot, atelierId)).toEqual({ attending: [a!.aadObjectId], waitlist: [] });
  });

  it('a malformed payload on any organiser verb gets the invalid-input card in Dutch and changes nothing', async () => {
    await signUp(staff[0]!);
    const before = JSON.stringify(await storedAtelier(bot, atelierId));
    const verbs = [
      'editForm',
      'save',
      'confirmCancel',
      'cancel',
      'roster',
      'attendanceForm',
      'markAttendance',
    ];
    for (const verb of verbs.map((v) => `kennisatelier.${v}`)) {
      for (const data of [{}, { atelierId: '../../etc' }, { atelierId: 42 }]) {
        const res = await sanne.invoke(verb, data);
        expect(cardText(res.card)).toContain('Dat begreep ik niet goed: controleer wat je hebt ingevuld.');
        expect(cardInputs(res.card)).toEqual([]);
      }
    }
    expect(JSON.stringify(await storedAtelier(bot, atelierId))).toBe(before);
    expect(await storedRoster(bot, atelierId)).toEqual({ attending: [staff[0]!.aadObjectId], waitlist: [] });
  });

  it('a malformed edit comes back on the form for the organiser, as typed; others get the plain refusal', async () => {
    const before = JSON.stringify(await storedAtelier(bot, atelierId));
    const data = {
      atelierId,
      title: 'Nieuwe titel',
      description: 'x',
      date: 'morgen',
      start: '10:00',
      end: '11:00',
    };
    const form = await sanne.invoke('kennisatelier.save', data);
    expect(cardText(form.card)).toContain('Dat begreep ik niet goed');
    expect(cardInputs(form.card).find((i) => i.id === 'title')?.value).toBe('Nieuwe titel');
    expect(findAction(form.card, 'Opslaan').data).toEqual({ atelierId });
    const refused = await staff[0]!.invoke('kennisatelier.save', data);
    expect(cardText(refused.card)).toContain('Alleen de organisatoren van dit kennisatelier');
    expect(cardInputs(refused.card)).toEqual([]);
    expect(JSON.stringify(await storedAtelier(bot, atelierId))).toBe(before);
  });

  it('editing the time tells everyone signed up, moves the reminder, and updates the shared card', async () => {
    const [a, b, c] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    const form = await sanne.invoke('kennisatelier.editForm', { atelierId });
    const values = Object.fromEntries(
      cardInputs(form.card).map((i) => [i.id as string, String(i.value ?? '')]),
    );
    expect(values).toMatchObject({
      title: 'Inclusief werven in de praktijk',
      date: '2026-12-01',
      start: '14:00',
      end: '16:00',
      capacity: '2',
    });

    const messages = await newMessages(c!, async () => {
      const res = await sanne.invoke('kennisatelier.save', {
        ...values,
        atelierId,
        date: '2026-12-03',
        start: '10:00',
        end: '12:00',
      });
      expect(cardText(res.card)).toContain('De wijzigingen zijn opgeslagen');
      expect(cardText(res.card)).toContain('donderdag 3 december 2026, 10:00–12:00');
    });
    expect(messages.join('\n')).toContain('Kennisatelier gewijzigd');
    expect(messages.join('\n')).toContain('donderdag 3 december 2026, 10:00–12:00');
    expect(cardText(lastCard(bot, channel.id))).toContain('donderdag 3 december 2026, 10:00–12:00');
    expect((await storedAtelier(bot, atelierId))?.revision).toBe(1);

    // The reminder now comes a day before the new time, not the old one.
    const reminded = await newMessages(a!, async () => bot.clock.set('2026-11-30T13:00:00Z'));
    expect(reminded).toEqual([]);
    const reminder = await newMessages(a!, async () => bot.clock.set('2026-12-02T09:00:00Z'));
    expect(reminder.join('\n')).toContain('Herinnering: kennisatelier');
    expect(reminder.join('\n')).toContain('Waar: Stadhuis, zaal 3.14 · Online via Teams');
    // Only people with a seat are reminded; the waitlist is not.
    expect((await newMessages(c!, async () => undefined)).join('\n')).not.toContain('Herinnering');
  });

  it('the reminder goes the configured time before the start, with the Teams link, to attendees only', async () => {
    await bot.stop();
    bot = await startTestBot({
      orgPatch: (org) => void (org.settings = { ...org.settings, atelierReminderHoursBefore: 2 }),
    });
    ({
      users: [sanne, ...staff],
    } = await installEverywhere(bot, [organiserName, ...staffNames]));
    ({ atelierId } = await createAtelier(sanne, { networks: 'r-pride', capacity: '1' }));
    const [a, b] = staff;
    for (const u of [a!, b!]) await joinNetwork(u, 'r-pride'); // for R-Pride only (finding 10)
    await bot.runDue(); // members get the invitation now, not in the reminder check below
    await signUp(a!);
    await signUp(b!);
    bot.clock.set('2026-12-01T10:59:00Z');
    expect(await newMessages(a!, async () => undefined)).toEqual([]);
    const before = a!.inbox().length;
    await bot.advance(60_000);
    const [reminder] = cardsOf(a!.inbox().slice(before));
    expect(cardText(reminder)).toContain(
      "Je bent aangemeld voor 'Inclusief werven in de praktijk' op dinsdag 1 december 2026, 14:00–16:00",
    );
    expect(findAction(reminder, 'Deelnemen aan Teams-vergadering').url).toContain('teams.microsoft.com');
    expect(cardText(cardsOf(b!.inbox()).at(-1))).not.toContain('Herinnering');
  });

  it('raising the capacity gives the waitlist seats, and they are told', async () => {
    const [a, b, c] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    const form = await sanne.invoke('kennisatelier.editForm', { atelierId });
    const values = Object.fromEntries(
      cardInputs(form.card).map((i) => [i.id as string, String(i.value ?? '')]),
    );
    const messages = await newMessages(c!, () =>
      sanne.invoke('kennisatelier.save', { ...values, atelierId, capacity: '3' }),
    );
    expect(messages.join('\n')).toContain('Er is een plek vrijgekomen');
    expect(messages.join('\n')).not.toContain('gewijzigd');
    expect(await storedRoster(bot, atelierId)).toEqual({
      attending: [a!.aadObjectId, b!.aadObjectId, c!.aadObjectId],
      waitlist: [],
    });
  });

  it('cancelling: a confirmation first, then everyone signed up or waiting is told, the channel card says so, sign-ups stop', async () => {
    const [a, b, c, d] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    const confirm = await sanne.invoke('kennisatelier.confirmCancel', { atelierId });
    expect(cardText(confirm.card)).toContain('Kennisatelier annuleren?');
    expect((await storedAtelier(bot, atelierId))?.status).toBe('published');

    const verb = findAction(confirm.card, 'Ja, annuleren');
    const [first, retry] = await Promise.all([
      sanne.invoke(verb.verb!, verb.data),
      sanne.invoke(verb.verb!, verb.data),
    ]);
    expect(cardText(first.card)).toContain('Het kennisatelier is geannuleerd');
    expect(cardText(retry.card)).toContain('Dit kennisatelier is geannuleerd');
    await bot.runDue();
    for (const u of [a, b, c]) {
      const cancelled = cardsOf(u!.inbox())
        .map(cardText)
        .filter((t) => t.includes('Kennisatelier geannuleerd'));
      expect(cancelled).toHaveLength(1);
      expect(cancelled[0]).toContain(
        "'Inclusief werven in de praktijk' op dinsdag 1 december 2026, 14:00–16:00 gaat niet door",
      );
    }
    const shared = lastCard(bot, channel.id);
    expect(cardText(shared)).toContain('Dit kennisatelier is geannuleerd');
    expect(cardActions(shared)).toEqual([]);

    expect(cardText((await signUp(d!)).card)).toContain(
      'is geannuleerd; aanmelden of afmelden kan niet meer',
    );
    expect(await storedRoster(bot, atelierId)).toEqual({
      attending: [a!.aadObjectId, b!.aadObjectId],
      waitlist: [c!.aadObjectId],
    });
    // No reminder for a cancelled atelier.
    expect(await newMessages(a!, async () => bot.clock.set('2026-11-30T13:00:00Z'))).toEqual([]);
  });

  it('after the atelier the creator is asked for attendance; marking it schedules the satisfaction poll for those present', async () => {
    const polls: Array<{ payload: SatisfactionPollJob; at: string }> = [];
    bot.deps.scheduler.on(
      satisfactionPollJobKind,
      satisfactionPollJobSchema,
      async (payload) => void polls.push({ payload, at: bot.clock.now().toISOString() }),
    );
    const [a, b, c] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    expect(cardText((await sanne.invoke('kennisatelier.attendanceForm', { atelierId })).card)).toContain(
      'vanaf de start',
    );

    const prompt = await newMessages(sanne, async () => bot.clock.set('2026-12-01T15:00:00Z'));
    expect(prompt.join('\n')).toContain("'Inclusief werven in de praktijk' is afgelopen");

    const form = await sanne.invoke('kennisatelier.attendanceForm', { atelierId });
    const choices = cardInputs(form.card).find((i) => i.id === 'attendees') as {
      isMultiSelect: boolean;
      label: string;
      choices: Array<{ title: string; value: string }>;
      value: string;
    };
    expect(choices.isMultiSelect).toBe(true);
    expect(choices.choices.map((x) => x.title)).toEqual(['Bram Mulder', 'Fatima Ouali']);
    expect(choices.value).toBe(`${a!.aadObjectId},${b!.aadObjectId}`);

    // A waitlisted person cannot be ticked as present.
    expect(
      cardText(
        (await sanne.invoke('kennisatelier.markAttendance', { atelierId, attendees: c!.aadObjectId })).card,
      ),
    ).toContain('aangemeld waren');
    const saved = await sanne.invoke('kennisatelier.markAttendance', {
      atelierId,
      attendees: a!.aadObjectId,
    });
    expect(cardText(saved.card)).toContain('Aanwezigheid opgeslagen (1 aanwezig)');
    expect(cardText(saved.card)).toContain('dinsdag 1 december 2026, 17:00');
    expect(polls).toHaveLength(0);

    await bot.advance(60 * 60_000);
    expect(polls).toEqual([
      {
        at: '2026-12-01T16:00:00.000Z',
        payload: {
          sourceId: atelierId,
          title: 'Inclusief werven in de praktijk',
          heldAt: '2026-12-01T13:00:00.000Z',
          attendeeIds: [a!.aadObjectId],
          organiserIds: [sanne.aadObjectId],
          closesAt: '2026-12-15T16:00:00.000Z',
        },
      },
    ]);
  });

  it('attendance not recorded: the creator is asked once more the next morning at 09:00, and only once', async () => {
    await signUp(staff[0]!);
    expect(
      (await newMessages(sanne, async () => bot.clock.set('2026-12-01T15:00:00Z'))).join('\n'),
    ).toContain('is afgelopen');
    expect(await newMessages(sanne, async () => bot.clock.set('2026-12-02T07:59:00Z'))).toEqual([]);
    const morning = await newMessages(sanne, async () => bot.clock.set('2026-12-02T08:00:00Z'));
    expect(morning).toHaveLength(1);
    expect(morning[0]).toContain(
      "Je hebt nog niet geregistreerd wie er bij 'Inclusief werven in de praktijk' was",
    );
    expect(findAction(cardsOf(sanne.inbox()).at(-1), 'Aanwezigheid registreren').verb).toBe(
      'kennisatelier.attendanceForm',
    );
    expect(await newMessages(sanne, async () => bot.clock.set('2026-12-05T08:00:00Z'))).toEqual([]);
  });

  it('attendance recorded on the day: no reminder the next morning', async () => {
    await signUp(staff[0]!);
    await newMessages(sanne, async () => bot.clock.set('2026-12-01T15:00:00Z'));
    await sanne.invoke('kennisatelier.markAttendance', { atelierId, attendees: staff[0]!.aadObjectId });
    const next = await newMessages(sanne, async () => bot.clock.set('2026-12-02T08:00:00Z'));
    expect(next.join('\n')).not.toContain('nog niet geregistreerd');
  });

  it('"everyone who signed up" takes all seat holders as present, once, also when clicked twice', async () => {
    const polls: SatisfactionPollJob[] = [];
    bot.deps.scheduler.on(
      satisfactionPollJobKind,
      satisfactionPollJobSchema,
      async (payload) => void polls.push(payload),
    );
    const [a, b, c] = staff;
    for (const u of [a, b, c]) await signUp(u!);
    bot.clock.set('2026-12-02T09:00:00Z');
    const form = await sanne.invoke('kennisatelier.attendanceForm', { atelierId });
    const everyone = findAction(form.card, 'Iedereen die aangemeld was');
    await Promise.all([
      sanne.invoke(everyone.verb!, { ...everyone.data, attendees: '' }),
      sanne.invoke(everyone.verb!, { ...everyone.data, attendees: '' }),
    ]);
    await bot.runDue();
    expect(polls).toHaveLength(1);
    expect(polls[0]!.attendeeIds).toEqual([a!.aadObjectId, b!.aadObjectId]);
    expect((await storedAtelier(bot, atelierId))?.attendance?.attendeeIds).toEqual([
      a!.aadObjectId,
      b!.aadObjectId,
    ]);
    const csv = await download(
      bot,
      findAction((await sanne.invoke('kennisatelier.roster', { atelierId })).card, 'CSV').url!,
    );
    expect(csv.body).toContain('"Bram Mulder";"aangemeld";"1";"ja"');
  });
});
