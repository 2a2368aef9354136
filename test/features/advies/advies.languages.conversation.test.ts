import { cardText, cardsOf } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  foreignLinesInCards,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';

const setting: Record<
  ExampleOrg,
  { manager: string; typed: string; panel: string; unit: string; request: Record<string, string> }
> = {
  genova: {
    manager: 'Davide Queirolo',
    typed: 'chiedi un parere',
    panel: 'Panel per l’inclusione',
    unit: 'Direzione Servizi civici',
    request: {
      kind: 'advies',
      subject: 'Nuovo modulo di prenotazione degli sportelli',
      clusterId: 'servizi-civici',
      ask: 'Il modulo è chiaro anche per chi legge poco l’italiano?',
      deadline: '2027-01-15',
    },
  },
  gent: {
    manager: 'Yassine El Idrissi',
    typed: 'panel inschakelen',
    panel: 'Inclusiepanel',
    unit: 'Burgerzaken',
    request: {
      kind: 'advies',
      subject: 'Nieuw afsprakenformulier voor de loketten',
      clusterId: 'burgerzaken',
      ask: 'Is het formulier duidelijk voor wie weinig Nederlands leest?',
      deadline: '2027-01-15',
    },
  },
};

/** Asking the panel for advice in Genova (Italian) and Gent (Flemish): the form and confirmation. */
describe.each(['genova', 'gent'] as const)('advies request in %s’s example organisation', (name) => {
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

  it('a manager opens the form and sends a request; both are in the language, with the org’s words', async () => {
    const { i18n } = bot.deps;
    const manager = bot.user(s.manager).locale(locale);
    await manager.install();
    const form = cardsOf(await manager.say(s.typed)).at(-1);
    const formText = cardText(form).replace(/'/g, '’');
    expect(formText).toContain(i18n.t(language, 'advies.form.intro').replace(/'/g, '’'));
    expect(formText).toContain(s.panel);
    expect(formText).toContain(s.unit);

    const res = await manager.invoke('advies.submit', s.request);
    const text = cardText(res.card);
    const [before] = i18n.t(language, 'advies.banner.received', { code: '\u0000' }).split('\u0000');
    expect(text).toContain(before);
    answered.push(res.card);
    expect(text).toContain(s.request.subject);
    // The notices that follow (to the requester and the programme team) are swept below as well.
    await bot.runDue();
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
    expect(answered.length).toBeGreaterThan(0);
    expect(foreignLinesInCards(answered, name)).toEqual([]);
  });
});
