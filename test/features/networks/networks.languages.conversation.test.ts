import { cardActions, cardText, cardsOf } from '../../support/cards';
import {
  exampleLocale,
  exampleLanguage,
  exampleOrg,
  foreignLines,
  type ExampleOrg,
} from '../../support/example-org';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';

const setting: Record<ExampleOrg, { network: string; coordinator: string; members: string[]; word: string }> =
  {
    genova: {
      network: 'rete-arcobaleno',
      coordinator: 'Sara Pastorino',
      members: ['Chiara Ferrando', 'Luca Olivieri'],
      word: 'reti',
    },
    gent: {
      network: 'aha',
      coordinator: 'Hanne Willaert',
      members: ['Sofie Maes', 'Brecht Declercq'],
      word: 'netwerken',
    },
  };

/** A network in Genova (Italian) and Gent (Flemish): colleagues join, the coordinator announces, all read it. */
describe.each(['genova', 'gent'] as const)('networks in %s’s example organisation', (name) => {
  let bot: TestBot;
  let members: TestUser[];
  const locale = exampleLocale[name];
  const language = exampleLanguage[name];
  const s = setting[name];
  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg(name) });
    members = s.members.map((m) => bot.user(m).locale(locale));
  });
  afterAll(async () => bot.stop());

  it('colleagues open the networks and join; the card says so in the language', async () => {
    const { i18n } = bot.deps;
    for (const member of members) {
      await member.install();
      const card = cardsOf(await member.say(s.word)).at(-1);
      const join = cardActions(card).find(
        (a) => a.data?.networkId === s.network || a.verb === 'networks.join',
      );
      const res = await member.invoke(join!.verb!, { ...join!.data, networkId: s.network });
      expect(cardText(res.card)).toContain(i18n.t(language, 'networks.browse.member'));
    }
  });

  it('the coordinator announces; the button counts members in the language; each member receives it', async () => {
    const { i18n } = bot.deps;
    const coordinator = bot.user(s.coordinator).locale(locale);
    const text = name === 'genova' ? 'Aperitivo arcobaleno venerdì alle 17' : 'Afterwork vrijdag om vijf uur';
    const preview = await coordinator.invoke('networks.announce.preview', {
      kind: 'plain',
      announcementId: '',
      networkId: s.network,
      text,
      link: '',
      toMembers: 'true',
      toChannel: 'false',
    });
    const send = cardActions(preview.card).find((a) => a.data?.announcementId)!;
    expect(send.title).toBe(i18n.t(language, 'networks.preview.sendMembers', { count: 2 }));
    const sent = await coordinator.invoke(send.verb!, send.data);
    expect(cardText(sent.card)).toContain(i18n.t(language, 'networks.status.sentNow'));
    await bot.runDue();
    for (const member of members)
      expect(cardsOf(bot.inbox(member)).filter((c) => cardText(c).includes(text))).toHaveLength(1);
  });

  it('no Rotterdam word or unfilled placeholder in any card or message the bot sent', () => {
    expect(foreignLines(bot, name)).toEqual([]);
  });
});
