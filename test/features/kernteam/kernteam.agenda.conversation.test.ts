import { containers } from '../../../src/storage/document-store.port';
import { cardText, cardsOf, expectCardHouseRules, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { logSignal } from './kernteam.helpers';

const lastCardText = (user: TestUser) => cardText(cardsOf(user.inbox()).at(-1));
const agendas = (user: TestUser) =>
  cardsOf(user.inbox()).filter((c) => /Agenda (voor|for) (het|the)/.test(cardText(c)));

describe('kernteam agenda: points, and the compiled agenda two days before the meeting', () => {
  let bot: TestBot;
  beforeEach(async () => {
    // Mon 23 Nov 2026; meetings every 14 days from Thu 5 Nov at 15:00 → next Thu 3 Dec, agenda Tue 1 Dec 09:00.
    bot = await startTestBot({ orgPatch: (org) => (org.settings.signalAgendaAfterDays = 5) });
    for (const name of ['Noor El Amrani', 'Daan Bakker', 'Sanne de Vries', 'Eva Smit'])
      await bot.user(name).install();
  });
  afterEach(() => bot.stop());

  const addPoint = async (user: TestUser, text: string) => {
    const view = await user.invoke('kernteam.agenda');
    const formId = findAction(view.card, 'Op de agenda zetten').data?.formId;
    return user.invoke('kernteam.agenda.add', { formId, text });
  };

  it('kernteam and programmateam add points; two days before at 09:00 the agenda goes to them, with old signals and other sources', async () => {
    const noor = bot.user('Noor El Amrani');
    const view = await noor.invoke('kernteam.agenda');
    expectCardHouseRules(view.card, { verbPrefix: 'kernteam.' });
    expect(cardText(view.card)).toContain('Overleg op donderdag 3 december 2026, 15:00');
    expect(cardText(view.card)).toContain('Er staan nog geen punten op de agenda.');

    const added = await addPoint(noor, 'Terugblik op het kennisatelier');
    expect(cardText(added.card)).toContain('Het punt staat op de agenda.');
    expect(cardText(added.card)).toContain('1 agendapunt');
    await addPoint(bot.user('Sanne de Vries'), 'Werving nieuwe kernteamleden');
    const old = await logSignal(noor, { topic: 'beleid', text: 'Signaal dat blijft liggen' });

    bot.deps.i18n.register({
      nl: { testbron: { overdue: 'Aanvraag {code} is over de deadline' } },
      en: { testbron: { overdue: 'Request {code} is past its deadline' } },
      it: { testbron: { overdue: 'La richiesta {code} ha superato la scadenza' } },
    });
    bot.deps.agenda.add(async () => [{ messageKey: 'testbron.overdue', params: { code: 'A-123' } }]);

    await bot.advance(new Date('2026-12-01T07:59:00Z').getTime() - bot.clock.now().getTime());
    expect(agendas(noor)).toHaveLength(0);
    await bot.advance(60_000);

    for (const name of ['Noor El Amrani', 'Daan Bakker', 'Sanne de Vries']) {
      const agenda = lastCardText(bot.user(name));
      expect(agenda).toContain('Agenda voor het kernteamoverleg');
      expect(agenda).toContain('Overleg op donderdag 3 december 2026, 15:00');
      expect(agenda).toContain('2 agendapunten');
      expect(agenda).toContain('Terugblik op het kennisatelier');
      expect(agenda).toContain('Ingebracht door Sanne de Vries');
      expect(agenda).toContain(`Signaal ${old.code} (Beleid en regels) staat al 7 dagen open zonder advies.`);
      expect(agenda).toContain('Aanvraag A-123 is over de deadline');
      expect(agenda).not.toContain('Signaal dat blijft liggen');
    }
    expect(agendas(bot.user('Eva Smit'))).toHaveLength(0);
    const sent = agendas(noor).at(-1);
    expectCardHouseRules(sent, { verbPrefix: 'kernteam.' });
    expect(findAction(sent, 'Agenda openen').verb).toBe('kernteam.agenda');

    const next = await bot.deps.store.get<{ runAt: string; payload: unknown }>(
      containers.jobs,
      'job',
      'kernteam:agenda',
    );
    expect(next?.data.runAt).toBe('2026-12-15T08:00:00.000Z');
    expect(next?.data.payload).toEqual({ meetingDate: '2026-12-17' });
    await bot.runDue();
    expect(agendas(noor)).toHaveLength(1);
  });

  it('plans the first agenda at start, and says so when a source fails', async () => {
    const job = await bot.deps.store.get<{ runAt: string }>(containers.jobs, 'job', 'kernteam:agenda');
    expect(job?.data.runAt).toBe('2026-12-01T08:00:00.000Z');
    bot.deps.agenda.add(async () => {
      throw new Error('source down');
    });
    await bot.advance(new Date('2026-12-01T08:00:00Z').getTime() - bot.clock.now().getTime());
    const agenda = lastCardText(bot.user('Daan Bakker'));
    expect(agenda).toContain('Er staan nog geen punten op de agenda.');
    expect(agenda).toContain('Eén onderdeel kon niet worden opgehaald.');
  });

  it('a point added after the agenda went out stays for that meeting; English client', async () => {
    await bot.advance(new Date('2026-12-02T10:00:00Z').getTime() - bot.clock.now().getTime());
    const daan = bot.user('Daan Bakker').locale('en');
    const view = await daan.invoke('kernteam.agenda');
    expect(cardText(view.card)).toContain('Meeting on Thursday 3 December 2026, 15:00');
    const formId = findAction(view.card, 'Add to the agenda').data?.formId;
    const added = await daan.invoke('kernteam.agenda.add', { formId, text: 'Late point' });
    expect(cardText(added.card)).toContain('1 agenda point');
    expect(cardText(added.card)).toContain('Late point');
  });

  it('a medewerker cannot see or add to the agenda', async () => {
    const eva = bot.user('Eva Smit');
    expect(cardText(cardsOf(await eva.say('agenda'))[0])).toContain('Dat mag alleen met een andere rol.');
    const refused = await eva.invoke('kernteam.agenda.add', { formId: 'a'.repeat(32), text: 'Mijn punt' });
    expect(cardText(refused.card)).toContain('Dat mag alleen met een andere rol.');
    expect(await bot.deps.store.query(containers.kernteam)).toEqual([]);
  });
});
