import { containers } from '../../../src/storage/document-store.port';
import { cardText, cardsOf, expectCardHouseRules, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, testCatalogAppId, type TestBot, type TestUser } from '../../support/test-bot';

const lastCardText = (user: TestUser) => cardText(cardsOf(user.inbox()).at(-1));

async function askToJoin(user: TestUser, role: string, motivation: string) {
  const form = await user.invoke('kernteam.join.form');
  const formId = findAction(form.card, /Versturen|Send/).data?.formId;
  return { formId, res: await user.invoke('kernteam.join.submit', { formId, role, motivation }) };
}

async function answer(programmateam: TestUser, requestId: unknown, choice: 'accept' | 'decline') {
  return programmateam.invoke('kernteam.join.answer', { requestId, answer: choice });
}

describe('meedoen: asking for a more active role, answered by the programmateam (stored grant)', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
    for (const name of ['Lotte Visser', 'Eva Smit']) await bot.user(name).install();
  });
  afterEach(() => bot.stop());

  it('a medewerker asks to become kernteamlid; once accepted they are told and have the kernteam verbs at once', async () => {
    const lotte = bot.user('Lotte Visser');
    const sanne = bot.user('Sanne de Vries');
    expect(cardText((await lotte.invoke('kernteam.signals')).card)).toContain(
      'Dat mag alleen met een andere rol.',
    );

    const form = await lotte.invoke('kernteam.join.form');
    expectCardHouseRules(form.card, { verbPrefix: 'kernteam.' });
    expect(cardText(form.card)).toContain('Meedoen in wervings- en selectiecommissies');
    const { formId, res } = await askToJoin(
      lotte,
      'kernteamlid',
      'Ik wil graag signalen ophalen in mijn cluster',
    );
    expect(cardText(res.card)).toContain('Je hebt je aangemeld als kernteamlid.');
    const again = await askToJoin(lotte, 'kernteamlid', 'Nog een keer');
    expect(cardText(again.res.card)).toContain('Je hebt je hiervoor al aangemeld.');

    const list = cardsOf(await sanne.say('meedoen lijst'))[0];
    expectCardHouseRules(list, { verbPrefix: 'kernteam.' });
    expect(cardText(list)).toContain('1 aanmelding om mee te doen');
    expect(cardText(list)).toContain('Lotte Visser · kernteamlid ·');
    expect(cardText(list)).toContain('Ik wil graag signalen ophalen in mijn cluster');

    const accepted = await answer(sanne, formId, 'accept');
    expect(cardText(accepted.card)).toContain('Toegelaten als kernteamlid.');
    expect(cardText(accepted.card)).toContain('Er zijn geen open aanmeldingen.');
    await bot.runDue();
    expect(lastCardText(lotte)).toContain(
      'Het programmateam heeft je aanmelding goedgekeurd. Je bent nu kernteamlid.',
    );

    expect(cardText((await lotte.invoke('kernteam.signals')).card)).toContain('Er zijn nog geen signalen.');
    expect(bot.deps.org.idsWithRole('kernteamlid')).toContain(lotte.aadObjectId);
    expect(cardText(cardsOf(await lotte.say('help'))[0])).toContain('kernteamlid');
    const grants = await bot.deps.store.query(containers.roleGrants);
    expect(grants.map((g) => g.id)).toEqual([`kernteamlid:${lotte.aadObjectId}`]);
    const request = await bot.deps.store.get<Record<string, unknown>>(
      containers.kernteam,
      'join',
      String(formId),
    );
    expect(request?.data).toMatchObject({ status: 'accepted', grantedVia: 'stored' });
    expect(request?.data.motivation).toBeUndefined();

    const twice = await answer(sanne, formId, 'decline');
    expect(cardText(twice.card)).toContain('Deze aanmelding is al beantwoord.');
  });

  it('a declined person is told and gets no role; someone who already has the role cannot ask', async () => {
    const eva = bot.user('Eva Smit').locale('en');
    const { formId } = await askToJoin(eva, 'wsPanellid', 'I have sat on selection panels before');
    const declined = await answer(bot.user('Yusuf Demir'), formId, 'decline');
    expect(cardText(declined.card)).toContain('Afgewezen. De collega krijgt bericht.');
    await bot.runDue();
    expect(lastCardText(eva)).toContain(
      'The programme team has not accepted your request to become a panel member for recruitment',
    );
    expect(bot.deps.org.idsWithRole('wsPanellid')).toEqual([]);
    expect(await bot.deps.store.query(containers.roleGrants)).toEqual([]);

    const noor = await askToJoin(bot.user('Noor El Amrani'), 'kernteamlid', 'al lid');
    expect(cardText(noor.res.card)).toContain('Je hebt deze rol al.');
  });

  it('a stored grant is picked up by another instance at its next role refresh', async () => {
    const lotte = bot.user('Lotte Visser');
    const { formId } = await askToJoin(lotte, 'wsPanellid', 'Graag');
    await answer(bot.user('Sanne de Vries'), formId, 'accept');
    bot.deps.org.setGrantedRoles(new Map()); // as another instance that has not read the grant yet
    expect(bot.deps.org.idsWithRole('wsPanellid')).toEqual([]);
    await bot.deps.roles.refresh('schedule');
    expect(bot.deps.org.idsWithRole('wsPanellid')).toEqual([lotte.aadObjectId]);
  });
});

describe('meedoen with the role from an Entra group: the person is added to the group through Graph', () => {
  const kernteamGroup = '9a000000-0000-4000-8000-0000000000e1';
  const lotteId = '7a11e1b0-0000-4000-8000-000000000008';
  let graph: FakeGraph;
  let bot: TestBot;
  beforeEach(async () => {
    graph = await FakeGraph.start({
      users: [{ id: lotteId, displayName: 'Lotte Visser' }],
      groups: { [kernteamGroup]: [] },
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
    });
    bot = await startTestBot({
      graph,
      orgPatch: (org) => (org.roleGroups = { ...org.roleGroups, kernteamlid: kernteamGroup }),
    });
    await bot.user('Lotte Visser').install();
  });
  afterEach(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('POST /groups/{id}/members/$ref, then a role refresh: the verbs work without a restart', async () => {
    const lotte = bot.user('Lotte Visser');
    const { formId } = await askToJoin(lotte, 'kernteamlid', 'Graag actiever');
    const res = await answer(bot.user('Sanne de Vries'), formId, 'accept');
    expect(cardText(res.card)).toContain('Toegelaten');
    const posts = graph.calls('addGroupMember');
    expect(posts).toHaveLength(1);
    expect(posts[0].path).toBe(`/groups/${kernteamGroup}/members/$ref`);
    expect(posts[0].body).toEqual({ '@odata.id': `${graph.url}/directoryObjects/${lotteId}` });
    expect(cardText((await lotte.invoke('kernteam.signals')).card)).toContain('Er zijn nog geen signalen.');
    expect(await bot.deps.store.query(containers.roleGrants)).toEqual([]);
  });

  it('when Graph refuses the write, nothing changes and the request stays open', async () => {
    const { formId } = await askToJoin(bot.user('Lotte Visser'), 'kernteamlid', 'Graag actiever');
    graph.inject({ path: /\/members\/\$ref$/, status: 403, times: 5 });
    const res = await answer(bot.user('Sanne de Vries'), formId, 'accept');
    expect(cardText(res.card)).toContain('Het lukte niet om de rol toe te kennen in Entra ID.');
    const request = await bot.deps.store.get<Record<string, unknown>>(
      containers.kernteam,
      'join',
      String(formId),
    );
    expect(request?.data).toMatchObject({ status: 'open', motivation: 'Graag actiever' });
    expect(bot.deps.org.idsWithRole('kernteamlid')).not.toContain(lotteId);
  });
});
