import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  foreignLinesInCards,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { cardOf, cardText, click, lastCard, type Card } from './sturingsgesprek.helpers';

const setting: Record<
  ExampleOrg,
  {
    secretary: string;
    director: string;
    template: string;
    label: string;
    question: string;
    answers: Record<string, string>;
  }
> = {
  genova: {
    secretary: 'Paolo Ghiglione',
    director: 'Federica Merlo',
    template: 'genova-avvio-anno',
    label: 'Avvio 2027',
    question: 'Su quali azioni del piano D&I la tua direzione si concentra quest’anno',
    answers: {
      'a_av-priorita': 'genova-01,genova-02',
      'a_av-priorita_why': 'Sono le azioni che toccano di più gli sportelli.',
      'a_av-ostacoli': 'no',
      'a_av-formazione': '14',
    },
  },
  gent: {
    secretary: 'Koen Vermeulen',
    director: 'Brecht Declercq',
    template: 'gent-opvolgingsgesprek',
    label: 'Opvolging voorjaar 2027',
    question: 'Aan welke doorbraken geeft je departement dit jaar voorrang, en waarom?',
    answers: {
      'a_og-voorrang': 'gent-01',
      'a_og-voorrang_why': 'Die raakt het meest aan onze loketten.',
      'a_og-weerstand': 'no',
      'a_og-resultaten': 'Twee redelijke aanpassingen en een anonieme aanwervingsronde.',
    },
  },
};

/** A round in Genova (Italian) and Gent (Flemish): the secretary opens it, a director answers it. */
describe.each(['genova', 'gent'] as const)('sturingsgesprek in %s’s example organisation', (name) => {
  let bot: TestBot;
  // Cards that came back as invoke answers: not in the connector's log, so the sweep checks them here.
  const answered: unknown[] = [];
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const s = setting[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
  });
  afterAll(async () => bot.stop());

  it('the secretary opens a round with the org’s template; the director answers in the language', async () => {
    const { i18n } = bot.deps;
    const t = (key: string, params?: Record<string, string | number>) => i18n.t(language, key, params);
    const secretary = bot.user(s.secretary).locale(locale);
    const director = bot.user(s.director).locale(locale);
    await secretary.install();
    await director.install();

    const form = cardOf(await secretary.invoke('sturingsgesprek.newRound'));
    const today = new Date(bot.deps.clock.now()).toISOString().slice(0, 10);
    const saved = cardOf(
      await click(secretary, form, t('sturingsgesprek.card.roundForm.save'), {
        setId: s.template,
        periodLabel: s.label,
        opensOn: today,
        opensTime: '00:00',
      }),
    );
    expect(cardText(saved)).toContain(s.label);
    await click(secretary, saved, t('sturingsgesprek.card.confirm.send'));
    await bot.runDue();

    const card = lastCard(bot, director) as Card;
    expect(cardText(card).replace(/'/g, '’')).toContain(s.question.replace(/'/g, '’'));
    const submitted = cardOf(await click(director, card, t('sturingsgesprek.card.answer.submit'), s.answers));
    const [before] = t('sturingsgesprek.card.answer.banner.submitted', { deadline: '\u0000' }).split(
      '\u0000',
    );
    expect(cardText(submitted)).toContain(before);
    answered.push(form, saved, submitted);
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
    expect(answered.length).toBeGreaterThan(0);
    expect(foreignLinesInCards(answered, name)).toEqual([]);
  });
});
