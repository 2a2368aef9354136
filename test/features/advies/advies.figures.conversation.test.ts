import { cardText, findAction } from '../../support/cards';
import { containers } from '../../../src/storage/document-store.port';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { installAll, programmateamName, requesterName, storedRequest, submitRequest } from './advies.helpers';

describe('advies: figures for the evaluation, kept after the requests expire', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.stop());

  async function fiveProceduresAndOneAdvice() {
    const [requester, pt, noor] = await installAll(bot, [requesterName, programmateamName, 'Noor El Amrani']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { requestId } = await submitRequest(bot, requester!, {
        clusterId: 'stadsbeheer',
        fsk: String(13 + (i % 2)),
        subject: `Vacature ${i}`,
      });
      await pt!.invoke('advies.accept', { requestId, takenBy: noor!.aadObjectId });
      await noor!.invoke('advies.volunteer', { requestId, shareName: 'false' });
      ids.push(requestId!);
    }
    const { requestId } = await submitRequest(bot, requester!, {
      kind: 'advies',
      clusterId: 'dienstverlening',
    });
    await pt!.invoke('advies.decline', { requestId, reason: 'Geheime reden die niet in de cijfers mag.' });
    ids.push(requestId!);
    return { pt: pt!, requester: requester!, ids };
  }

  it('per quarter and per year, cells under 5 as "<5", CSV for the programmateam only, nothing personal', async () => {
    const { pt, requester } = await fiveProceduresAndOneAdvice();
    const card = (await pt.invoke('advies.figures')).card;
    const text = cardText(card);
    expect(text).toContain('4e kwartaal 2026: 6 aanvragen');
    expect(text).toContain('Wervings- en selectiecommissie: 5');
    expect(text).toContain('Advies: <5');
    expect(text).toContain('Stadsbeheer: 5');
    expect(text).toContain('Dienstverlening: <5');
    expect(text).toContain('Stadsbeheer · fsk 13 en hoger: 5');
    expect(text).not.toMatch(/Vacature \d|Geheime reden|Lotte|Noor/);
    const year = cardText((await pt.invoke('advies.figures', { period: 'year' })).card);
    expect(year).toContain('2026: 6 aanvragen');

    const csvUrl = findAction(card, 'Downloaden (CSV)').url!;
    const file = await fetch(`${bot.url}${new URL(csvUrl).pathname}`);
    expect(file.headers.get('content-type')).toContain('text/csv');
    const csv = await file.text();
    expect(csv).toContain('"4e kwartaal 2026","Per soort","Advies","<5"');
    expect(csv).toContain('"4e kwartaal 2026","Per cluster","Stadsbeheer","5"');
    expect(csv).not.toMatch(/Vacature \d|Geheime reden|Lotte|Noor/);
    // A link made for a medewerker gives nothing.
    const theirs = bot.deps.downloads.link('advies.figuresCsv', 'quarter.nl', requester.aadObjectId);
    expect((await fetch(`${bot.url}${new URL(theirs).pathname}`)).status).toBe(404);
  });

  it('a closed request expires after the retention (2 years); its figure stays', async () => {
    const { pt, ids } = await fiveProceduresAndOneAdvice();
    const declined = ids[5]!;
    expect(await storedRequest(bot, declined)).toBeDefined();
    await bot.advance(729 * 86_400_000);
    expect(await storedRequest(bot, declined)).toBeDefined();
    await bot.advance(2 * 86_400_000);
    expect(await storedRequest(bot, declined)).toBeUndefined();
    // Accepted requests still with the panel are kept; the figures count all six.
    expect(await storedRequest(bot, ids[0]!)).toBeDefined();
    const figures = await bot.deps.store.query(containers.advies, { pk: 'figures' });
    expect(figures).toHaveLength(6);
    expect(JSON.stringify(figures)).not.toMatch(/Geheime|Vacature|7a11e1b0/);
    expect(cardText((await pt.invoke('advies.figures')).card)).toContain('4e kwartaal 2026: 6 aanvragen');
  });
});
