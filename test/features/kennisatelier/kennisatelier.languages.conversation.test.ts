import { cardActions, cardText } from '../../support/cards';
import {
  everythingSent,
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { download, formValues, texts } from './kennisatelier.helpers';

const people: Record<ExampleOrg, { organiser: string; staff: string[] }> = {
  genova: { organiser: 'Giulia Parodi', staff: ['Davide Queirolo', 'Sara Pastorino'] },
  gent: { organiser: 'Lieselot Van de Velde', staff: ['Yassine El Idrissi', 'Hanne Willaert'] },
};

/** The action carrying a data field (button titles are in the person's language, so find by data). */
const actionWith = (card: unknown, field: string) => cardActions(card).find((a) => a.data?.[field]);

/** An atelier in Genova (Italian) and in Gent (Flemish): sign up, a full atelier's waitlist, the calendar file. */
describe.each(['genova', 'gent'] as const)('kennisatelier in %s’s example organisation', (name) => {
  let bot: TestBot;
  let atelierId: string;
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const person = (who: string): TestUser => bot.user(who).locale(locale);

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
    for (const who of [people[name].organiser, ...people[name].staff]) await person(who).install();
    const channel = bot.channel(name === 'genova' ? 'Generale' : 'Algemeen');
    await channel.install();
    const organiser = person(people[name].organiser);
    const form = await organiser.invoke('kennisatelier.newForm');
    const draftId = actionWith(form.card, 'draftId')?.data?.draftId as string;
    const res = await organiser.invoke('kennisatelier.create', {
      draftId,
      ...formValues({
        title: 'Linguaggio inclusivo',
        room: 'Palazzo Tursi',
        capacity: '1',
        channels: channel.id,
      }),
    });
    atelierId = actionWith(res.card, 'atelierId')?.data?.atelierId as string;
    expect(atelierId).toBeTruthy();
    await bot.runDue();
  });
  afterAll(async () => bot.stop());

  it('a medewerker signs up: the card says so in the language, with the calendar file in the language', async () => {
    const { i18n } = bot.deps;
    const res = await person(people[name].staff[0]!).invoke('kennisatelier.signUp', { atelierId });
    const text = cardText(res.card);
    expect(text).toContain(i18n.t(language, 'kennisatelier.status.attending'));
    expect(text).toContain(i18n.t(language, 'kennisatelier.card.calendar'));
    const ics = await download(
      bot,
      cardActions(res.card).find((a) => a.title === i18n.t(language, 'kennisatelier.card.calendar'))!.url!,
    );
    expect(ics.status).toBe(200);
    expect(ics.body).toContain('SUMMARY:Linguaggio inclusivo');
    // What a calendar shows (PRODID names the software, never shown).
    const shown = ics.body.split(/\r?\n/).filter((l) => !l.startsWith('PRODID:'));
    expect(shown.join('\n')).not.toMatch(rotterdamOrDutch(name));
  });

  it('the next one finds it full and joins the waitlist, told so in the language', async () => {
    const { i18n } = bot.deps;
    const res = await person(people[name].staff[1]!).invoke('kennisatelier.signUp', { atelierId });
    const text = cardText(res.card);
    expect(text).toContain(i18n.t(language, 'kennisatelier.status.waitlisted', { position: 1 }));
    expect(text).not.toContain(i18n.t(language, 'kennisatelier.status.attending'));
  });

  it('the first withdraws; the waitlisted person hears in the language', async () => {
    await person(people[name].staff[0]!).invoke('kennisatelier.withdraw', { atelierId });
    await bot.runDue();
    const heard = texts(bot.inbox(person(people[name].staff[1]!))).join('\n');
    expect(heard).toContain(bot.deps.i18n.t(language, 'kennisatelier.message.promotedTitle'));
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });

  it('Italian dates carry no article before the weekday ("il martedì 1 dicembre" reads wrong)', () => {
    const sent = everythingSent(bot).join('\n');
    if (name === 'genova') expect(sent).toMatch(/martedì 1 dicembre 2026/);
    expect(sent).not.toMatch(/\b(il|al|dal|del) (lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica)/);
  });
});

/** Words that must not appear in Genova's calendar file (Dutch labels) or either's (Rotterdam). */
function rotterdamOrDutch(name: ExampleOrg): RegExp {
  return name === 'genova'
    ? /Rotterdam|kennisatelier|Waar:|Aanmelden|Online via Teams/i
    : /Rotterdam|\bDIG\b/;
}
