import { cardActions, cardText, cardsOf } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';

const setting: Record<
  ExampleOrg,
  { member: string; word: string; topic: string; unit: string; text: string }
> = {
  genova: {
    member: 'Francesca Canepa',
    word: 'segnale',
    topic: 'clima',
    unit: 'servizi-civici',
    text: 'Battute sulle origini durante la riunione del mattino',
  },
  gent: {
    member: 'Fatma Yilmaz',
    word: 'signaal',
    topic: 'omgang',
    unit: 'burgerzaken',
    text: 'Grapjes over afkomst in het ochtendoverleg',
  },
};

/** A kernteam signal in Genova (Italian) and Gent (Flemish): the form and the log in the language. */
describe.each(['genova', 'gent'] as const)('kernteam signal in %s’s example organisation', (name) => {
  let bot: TestBot;
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const s = setting[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
  });
  afterAll(async () => bot.stop());

  it('a member of the kernteam logs a signal; form and confirmation are in the language', async () => {
    const { i18n } = bot.deps;
    const member = bot.user(s.member).locale(locale);
    const form = cardsOf(await member.say(s.word)).at(-1);
    expect(cardText(form)).toContain(i18n.t(language, 'kernteam.signalForm.noNames'));
    const log = cardActions(form).find((a) => a.verb === 'kernteam.signal.log')!;
    const res = await member.invoke(log.verb!, {
      ...log.data,
      topic: s.topic,
      cluster: s.unit,
      text: s.text,
    });
    const text = cardText(res.card);
    const [before] = i18n.t(language, 'kernteam.signals.logged', { code: '\u0000' }).split('\u0000');
    expect(text).toContain(before);
    expect(text).toContain(s.text);
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });
});
