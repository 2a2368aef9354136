import { cardText, cardsOf } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, testCatalogAppId, type TestBot } from '../../support/test-bot';

const coordinatorsGroup = '9a000000-0000-4000-8000-0000000000c1';
const fatima = 'fa000000-0000-4000-8000-000000000001';

describe('roles from an Entra ID group, refreshed without a restart', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  beforeAll(async () => {
    graph = await FakeGraph.start({
      users: [{ id: fatima, displayName: 'Fatima Yilmaz' }],
      groups: { [coordinatorsGroup]: [] },
      catalog: [{ id: testCatalogAppId, externalId: '7a11e1b0-a990-4e5c-8a1b-5a4e1b07d340' }],
    });
    bot = await startTestBot({
      graph,
      orgPatch: (org) => {
        org.networks.find((n) => n.id === 'r-pride')!.coordinatorsGroup = coordinatorsGroup;
      },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await graph.stop();
  });

  const membersOfRPride = async () =>
    cardText(
      (await bot.user('Fatima Yilmaz', fatima).invoke('networks.members', { networkId: 'r-pride' })).card,
    );

  it('a person added to the coordinators group gets the coordinator verbs after "rollen verversen", and loses them when removed', async () => {
    expect(await membersOfRPride()).toContain('Dat kan alleen een coördinator van dit netwerk.');

    graph.setGroupMembers(coordinatorsGroup, [fatima]);
    const refreshed = cardText(cardsOf(await bot.user('Sanne de Vries').say('rollen verversen'))[0]);
    expect(refreshed).toContain('Rollen ververst');
    expect(refreshed).toContain('Coördinatoren van R-Pride: 1');
    expect(refreshed).not.toContain(fatima);
    expect(await membersOfRPride()).toContain('Leden van R-Pride');
    expect(cardText(cardsOf(await bot.user('Fatima Yilmaz', fatima).say('help'))[0])).toContain(
      'Aankondiging',
    );

    graph.setGroupMembers(coordinatorsGroup, []);
    await bot.deps.roles.refresh('schedule');
    expect(await membersOfRPride()).toContain('Dat kan alleen een coördinator van dit netwerk.');
    expect(bot.logs().join('\n')).toMatch(
      /"grants":"coordinator:r-pride","members":0,"added":0,"removed":1,"by":"schedule"/,
    );
  });

  it('keeps the last members when Graph cannot be read, and says so to the programmateam', async () => {
    graph.setGroupMembers(coordinatorsGroup, [fatima]);
    await bot.deps.roles.refresh('schedule');
    graph.setGroupMembers(coordinatorsGroup, []);
    graph.inject({ path: /\/groups\//, status: 403, times: 5 });
    const card = cardText(cardsOf(await bot.user('Sanne de Vries').say('rollen verversen'))[0]);
    expect(card).toContain('de vorige leden blijven gelden: Coördinatoren van R-Pride');
    expect(await membersOfRPride()).toContain('Leden van R-Pride');
  });

  it('refuses "rollen verversen" to anyone outside the programmateam, and in a channel', async () => {
    const refused = cardText(cardsOf(await bot.user('Eva Smit').say('rollen verversen'))[0]);
    expect(refused).toContain('Dat mag alleen met een andere rol.');
    const channel = bot.channel('Algemeen').as(bot.user('Sanne de Vries'));
    const replies = await channel.say('rollen verversen');
    expect(cardsOf(replies)).toEqual([]);
    expect(replies[0]?.text).toContain('eigen chat met de bot');
  });
});
