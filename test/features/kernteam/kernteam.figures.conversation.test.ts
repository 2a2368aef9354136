import { days } from '../../../src/platform/clock';
import { containers } from '../../../src/storage/document-store.port';
import { cardText, expectCardHouseRules, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { logSignal } from './kernteam.helpers';

describe('signal figures per quarter and year: small groups "<5", kept after the signals expire', () => {
  let bot: TestBot;
  beforeAll(async () => (bot = await startTestBot()));
  afterAll(() => bot.stop());

  it('counts by topic, hides cells under 5, offers a CSV, and outlives the signals', async () => {
    const noor = bot.user('Noor El Amrani');
    const sanne = bot.user('Sanne de Vries');
    const logged = [];
    for (let i = 0; i < 5; i++)
      logged.push(await logSignal(noor, { topic: 'omgangsvormen', text: `Signaal ${i}` }));
    logged.push(await logSignal(noor, { topic: 'loopbaan', text: 'Nog een signaal' }));

    const card = (await sanne.invoke('kernteam.figures')).card;
    expectCardHouseRules(card, { verbPrefix: 'kernteam.' });
    const text = cardText(card);
    expect(text).toContain('2026, kwartaal 4');
    expect(text).toContain('2026, heel het jaar');
    expect(text).toContain('Totaal: 6');
    expect(text).toContain('Omgangsvormen op de werkvloer: 5');
    expect(text).toContain('Loopbaan en doorstroom: <5');
    expect(text).toContain('Werving en selectie: <5');
    expect(text).not.toMatch(/: [0-4]$/m);

    const url = findAction(card, 'Downloaden als CSV').url ?? '';
    const csv = await bot.deps.downloads.resolve(url.split('/files/')[1]);
    const lines = String(csv?.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"Periode","Onderwerp","Aantal"');
    expect(lines).toContain('"2026-Q4","Omgangsvormen op de werkvloer","5"');
    expect(lines).toContain('"2026-Q4","Loopbaan en doorstroom","<5"');
    expect(lines).toContain('"2026","Totaal","6"');

    for (const s of logged)
      await noor.invoke('kernteam.signal.status', { signalId: s.signalId, status: 'afgesloten' });
    await bot.advance(days(731));
    expect(await bot.deps.store.query(containers.kernteam, { pk: 'signal' })).toEqual([]);
    const later = cardText((await sanne.invoke('kernteam.figures')).card);
    expect(later).toContain('2026, kwartaal 4');
    expect(later).toContain('Omgangsvormen op de werkvloer: 5');
  });

  it('a quarter with fewer than 5 signals shows only "<5"', async () => {
    await bot.advance(days(120));
    await logSignal(bot.user('Noor El Amrani'), { topic: 'beleid', text: 'Een enkel signaal' });
    const text = cardText((await bot.user('Sanne de Vries').locale('en').invoke('kernteam.figures')).card);
    expect(text).toMatch(/2029, quarter \d\nTotal: <5\n2029, whole year\nTotal: <5\n2026, quarter 4\n/);
  });
});
