import { cardActions, cardInputs, cardText } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { lastCard } from './polls.conversation.helpers';

const people: Record<ExampleOrg, { organiser: string; staff: string[]; word: string; channel: string }> = {
  genova: {
    organiser: 'Giulia Parodi',
    staff: ['Davide Queirolo', 'Sara Pastorino'],
    word: 'sondaggio',
    channel: 'Generale',
  },
  gent: {
    organiser: 'Lieselot Van de Velde',
    staff: ['Yassine El Idrissi', 'Hanne Willaert'],
    word: 'peiling',
    channel: 'Algemeen',
  },
};
/** The closing date as each language writes it (a date in Dutch for an Italian user is a bug). */
const closingMonth: Record<ExampleOrg, RegExp> = { genova: /30 novembre 2026/, gent: /30 november 2026/ };
const closingWhen: Record<ExampleOrg, string> = {
  genova: 'lunedì 30 novembre 2026, 12:00',
  gent: 'maandag 30 november 2026, 12:00',
};

/** An ad-hoc poll in Genova (Italian) and Gent (Flemish): made, posted in a channel, answered. */
describe.each(['genova', 'gent'] as const)('polls in %s’s example organisation', (name) => {
  let bot: TestBot;
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const who = people[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
    await bot.channel(who.channel).install();
  });
  afterAll(async () => bot.stop());

  it('the programme team sends a poll; the confirmation and its date are in the language', async () => {
    const { i18n } = bot.deps;
    const organiser = bot.user(who.organiser).locale(locale);
    const form = lastCard(await organiser.say(who.word));
    expect(cardText(form)).toContain(i18n.t(language, 'polls.create.title'));
    const channel = cardInputs(form).find((i) => i.id === 'channel')?.choices as Array<{ value: string }>;
    const send = cardActions(form).find((a) => a.data?.formId)!;
    const res = await organiser.invoke(send.verb!, {
      ...send.data,
      question: name === 'genova' ? 'Quale giorno va meglio?' : 'Welke dag past het best?',
      kind: 'single',
      options: name === 'genova' ? 'Martedì\nGiovedì' : 'Dinsdag\nDonderdag',
      anonymous: 'yes',
      channel: channel[0]!.value,
      closesDate: '2026-11-30',
      closesTime: '12:00',
    });
    const text = cardText(res.card);
    const [before, after] = i18n.t(language, 'polls.create.sent', { when: '\u0000' }).split('\u0000');
    expect(text).toContain(`${before}${closingWhen[name]}${after}`);
    expect(text).toMatch(closingMonth[name]);
    // Italian puts no article before a weekday ("si chiude lunedì 30 novembre", not "il lunedì").
    if (name === 'genova') expect(text).not.toMatch(/\b(il|al|dal) lunedì/);
    await bot.runDue();
  });

  it('colleagues answer on the channel card and are thanked in the language', async () => {
    const { i18n } = bot.deps;
    const channel = bot.channel(who.channel);
    const posted = lastCard(channel.inbox());
    const answer = cardActions(posted).find((a) => a.verb === 'polls.answer');
    if (!answer) throw new Error(JSON.stringify(cardActions(posted)) + cardText(posted));
    for (const [i, person] of who.staff.entries()) {
      const res = await channel
        .as(bot.user(person).locale(locale))
        .invoke(answer.verb!, { ...answer.data, answer: String(i % 2) });
      expect(cardText(res.card)).toContain(i18n.t(language, 'polls.card.saved'));
    }
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });
});
