import { cardActions, cardText, cardsOf } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';

const setting: Record<ExampleOrg, { staff: string; kernteam: string[]; word: string }> = {
  genova: {
    staff: 'Federica Merlo',
    kernteam: ['Francesca Canepa', 'Andrea Repetto', 'Amina Diallo'],
    word: 'riservato',
  },
  gent: {
    staff: 'Thomas Goethals',
    kernteam: ['Fatma Yilmaz', 'Jens Verhaeghe', 'Elke Claeys'],
    word: 'vertrouwelijk',
  },
};

const action = (card: unknown, verb: string) => {
  const found = cardActions(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} in: ${cardText(card)}`);
  return found;
};
const inboxText = (bot: TestBot, user: TestUser) => cardsOf(bot.inbox(user)).map(cardText).join('\n');

/** Confidential contact in Genova (Italian) and Gent (Flemish): asked, picked up, relayed, each in their language. */
describe.each(['genova', 'gent'] as const)('contact in %s’s example organisation', (name) => {
  let bot: TestBot;
  let staff: TestUser;
  let member: TestUser;
  let code: string;
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const s = setting[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
    staff = bot.user(s.staff).locale(locale);
    await staff.install();
    for (const k of s.kernteam) await bot.user(k).locale(locale).install();
    member = bot.user(s.kernteam[0]!);
  });
  afterAll(async () => bot.stop());

  it('a medewerker asks anonymously; the confirmation is in the language', async () => {
    const { i18n } = bot.deps;
    const intro = cardsOf(await staff.say(s.word))[0];
    const start = action(intro, 'contact.openForm');
    const form = await staff.invoke(start.verb!, start.data);
    const submit = action(form.card, 'contact.request');
    const res = await staff.invoke(submit.verb!, {
      ...submit.data,
      identity: 'anonymous',
      kernteamlid: 'any',
      topic: 'none',
      channel: 'chat',
      firstMessage: '',
    });
    const [before] = i18n.t(language, 'contact.sent.title', { code: '\u0000' }).split('\u0000');
    const text = cardText(res.card);
    expect(text).toContain(before);
    code = text.slice(text.indexOf(before!) + before!.length).slice(0, 4);
    expect(code).toMatch(/^[A-Z2-9]{4}$/);
    await bot.runDue();
  });

  it('a member of the kernteam picks it up; both are told in their language', async () => {
    const { i18n } = bot.deps;
    const offer = cardsOf(bot.inbox(member)).find((c) =>
      cardText(c).includes(i18n.t(language, 'contact.offer.title', { code })),
    );
    const pick = action(offer, 'contact.pickUp');
    const res = await member.invoke(pick.verb!, pick.data);
    expect(cardText(res.card ?? cardsOf(res.sent).at(-1))).toContain(
      i18n.t(language, 'contact.case.pickedUpTitle', { code }),
    );
    await bot.runDue();
    expect(inboxText(bot, staff)).toContain(
      i18n.t(language, 'contact.case.requesterPickedUpTitle', { name: member.name, code }),
    );
  });

  it('the relay reaches the medewerker and back', async () => {
    const toStaff = name === 'genova' ? 'Buongiorno, sono qui per ascoltarti.' : 'Dag, ik luister graag.';
    await member.say(toStaff);
    await bot.runDue();
    expect(
      bot
        .inbox(staff)
        .map((a) => `${a.text ?? ''}\n${cardsOf([a]).map(cardText).join('\n')}`)
        .join('\n'),
    ).toContain(toStaff);
    const toMember = name === 'genova' ? 'Grazie, ti scrivo domani.' : 'Dank je, ik schrijf morgen.';
    await staff.say(toMember);
    await bot.runDue();
    expect(
      bot
        .inbox(member)
        .map((a) => `${a.text ?? ''}\n${cardsOf([a]).map(cardText).join('\n')}`)
        .join('\n'),
    ).toContain(toMember);
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });
});
