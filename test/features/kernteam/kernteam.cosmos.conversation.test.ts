import { CosmosDocumentStore } from '../../../src/storage/cosmos-store';
import { containers } from '../../../src/storage/document-store.port';
import { cardText, findAction } from '../../support/cards';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from '../../support/cosmos-server';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { logSignal, signalBlock } from './kernteam.helpers';

describe('kernteam on Cosmos DB (SDK against @vercel/cosmosdb-server)', () => {
  let server: CosmosTestServer;
  let bot: TestBot;
  beforeAll(async () => {
    server = await startCosmosServer();
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: `kernteam-${process.pid}`,
      connectionPolicy: testConnectionPolicy,
    });
    await store.init();
    bot = await startTestBot({ store });
  });
  afterAll(async () => {
    await bot.stop();
    await server.stop();
  });

  it('signals logged at the same moment are each counted once in the figures (etag retries)', async () => {
    const kernteam = ['Noor El Amrani', 'Daan Bakker', 'Priya Ramdin', 'Sanne de Vries', 'Yusuf Demir'];
    const forms = await Promise.all(kernteam.map((n) => bot.user(n).invoke('kernteam.signal.form')));
    await Promise.all(
      forms.map((form, i) =>
        bot.user(kernteam[i]).invoke('kernteam.signal.log', {
          formId: findAction(form.card, 'Signaal vastleggen').data?.formId,
          topic: 'omgangsvormen',
          text: `Gelijktijdig signaal ${i}`,
        }),
      ),
    );
    const figures = await bot.deps.store.query<{ byTopic: Record<string, number> }>(containers.kernteam, {
      pk: 'figures',
    });
    expect(figures.map((f) => f.data.byTopic)).toEqual([{ omgangsvormen: 5 }]);
    const text = cardText((await bot.user('Sanne de Vries').invoke('kernteam.figures')).card);
    expect(text).toContain('Omgangsvormen op de werkvloer: 5');
  });

  it('advice, closing and meedoen work the same', async () => {
    const noor = bot.user('Noor El Amrani');
    const s = await logSignal(noor, { topic: 'beleid', text: 'COSMOS-TEKST' });
    const form = await noor.invoke('kernteam.advice.form');
    const res = await noor.invoke('kernteam.advice.record', {
      formId: findAction(form.card, 'Advies vastleggen').data?.formId,
      signalIds: s.signalId,
      summary: 'Kort advies',
    });
    expect(signalBlock(res.card, s.code)).toContain('Advies: Kort advies');
    expect(JSON.stringify(await bot.deps.store.query(containers.kernteam))).not.toContain('COSMOS-TEKST');

    const lotte = bot.user('Lotte Visser');
    const join = await lotte.invoke('kernteam.join.form');
    const formId = findAction(join.card, 'Versturen').data?.formId;
    await lotte.invoke('kernteam.join.submit', { formId, role: 'kernteamlid', motivation: 'Graag' });
    await bot.user('Sanne de Vries').invoke('kernteam.join.answer', { requestId: formId, answer: 'accept' });
    expect(cardText((await lotte.invoke('kernteam.signals')).card)).toContain(s.code);
  });
});
