import { containers } from '../../../src/storage/document-store.port';
import { cardText, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';

/**
 * On the run's store: SQLite in `unit`, Cosmos DB (the SDK against @vercel/cosmosdb-server) in
 * `unit-cosmos`, where the figures document's etag really is contended over HTTP.
 */
describe('kernteam: signals logged at the same moment', () => {
  let bot: TestBot;
  beforeAll(async () => (bot = await startTestBot()));
  afterAll(() => bot.stop());

  it('are each counted once in the figures (etag retries)', async () => {
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
});
