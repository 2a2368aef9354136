import { cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { lastCard, pickUp, requestContact } from './contact.bot.helpers';

const kernteamGroup = '9a000000-0000-4000-8000-0000000000e1';
/** A kernteamlid through the Entra group only: not in the organisation file; the directory names her. */
const karima = { id: 'ce000000-0000-4000-8000-0000000000e2', name: 'Karima Haddou' };

describe('contact: the medewerker sees the kernteamlid by name, also one from the Entra group', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  let lotte: TestUser;
  let karimaUser: TestUser;

  beforeAll(async () => {
    graph = await FakeGraph.start({
      users: [{ id: karima.id, displayName: karima.name }],
      groups: { [kernteamGroup]: [karima.id] },
    });
    bot = await startTestBot({
      graph,
      orgPatch: (org) => {
        org.roleGroups = { ...org.roleGroups, kernteamlid: kernteamGroup };
      },
    });
    await bot.deps.roles.refresh('start');
    lotte = bot.user('Lotte Visser');
    // Teams gives no display name in her turns: only the directory can name her.
    karimaUser = bot.user('', karima.id);
    for (const u of [lotte, karimaUser, bot.user('Noor El Amrani')]) await u.install();
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('the request form offers her by name', async () => {
    const intro = cardsOf(await lotte.say('vertrouwelijk'))[0];
    const open = findAction(intro, 'Contact aanvragen');
    const form = (await lotte.invoke(open.verb!, open.data)).card;
    const input = cardInputs(form).find((i) => i.id === 'kernteamlid');
    const titles = (input?.choices as Array<{ title: string }>).map((c) => c.title);
    expect(titles).toContain('Karima Haddou');
    expect(titles.some((t) => t.startsWith('Noor El Amrani: '))).toBe(true);
    expect(titles.every((t) => t.trim() !== '')).toBe(true);
    expect(JSON.stringify(titles)).not.toContain(karima.id);
  });

  it("when she picks the request up, the medewerker's card names her", async () => {
    const { code } = await requestContact(lotte, { kernteamlid: karima.id });
    await bot.runDue();
    expect((await pickUp(karimaUser, code)).status).toBe(200);
    await bot.runDue();
    const card = lastCard(lotte, 'heeft je verzoek opgepakt');
    expect(cardText(card)).toContain(`Karima Haddou heeft je verzoek opgepakt (zaak ${code})`);
    expect(JSON.stringify(card)).not.toContain(karima.id);
    expect(bot.logs().filter((l) => l.includes(karima.name))).toEqual([]);
  });
});
