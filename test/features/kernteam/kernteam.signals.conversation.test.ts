import { days } from '../../../src/platform/clock';
import { containers } from '../../../src/storage/document-store.port';
import { cardText, expectCardHouseRules, findAction } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { inRaw, logSignal, signalBlock } from './kernteam.helpers';

describe('signals: logged by the kernteam, followed up, free text gone at the end', () => {
  let bot: TestBot;
  beforeEach(async () => (bot = await startTestBot()));
  afterEach(() => bot.stop());

  const noor = () => bot.user('Noor El Amrani');
  const sanne = () => bot.user('Sanne de Vries');

  it('a kernteamlid logs a signal with a topic from the organisation file; the form says: no names', async () => {
    const form = await noor().invoke('kernteam.signal.form');
    expectCardHouseRules(form.card, { verbPrefix: 'kernteam.' });
    const formText = cardText(form.card);
    expect(formText).toContain('Noem geen namen van mensen');
    expect(formText).toContain('Omgangsvormen op de werkvloer');

    const { code, card } = await logSignal(noor(), {
      topic: 'omgangsvormen',
      cluster: 'stadsbeheer',
      text: 'Grapjes over afkomst in het ochtendoverleg',
    });
    expect(code).toMatch(/^S-[0-9A-F]{5}$/);
    expect(cardText(card)).toContain(`Signaal ${code} is vastgelegd.`);
    expect(signalBlock(card, code)).toContain('Omgangsvormen op de werkvloer · Stadsbeheer · ontvangen');
    expect(signalBlock(card, code)).toContain('Grapjes over afkomst in het ochtendoverleg');

    const list = cardText((await sanne().say('signalen')).at(-1)?.attachments?.[0]?.content);
    expect(list).toContain(code);
  });

  it('refuses an unknown topic or cluster and a payload without text, and stores nothing', async () => {
    const form = await noor().invoke('kernteam.signal.form');
    const formId = findAction(form.card, 'Signaal vastleggen').data?.formId;
    const unknown = await noor().invoke('kernteam.signal.log', { formId, topic: 'roddels', text: 'iets' });
    expect(cardText(unknown.card)).toContain('Kies een onderwerp uit de lijst. Er is niets vastgelegd.');
    expect(findAction(unknown.card, 'Signaal vastleggen').data?.formId).toBe(formId);
    const badCluster = await noor().invoke('kernteam.signal.log', {
      formId,
      topic: 'beleid',
      cluster: 'atlantis',
      text: 'iets langers',
    });
    expect(cardText(badCluster.card)).toContain('Kies een cluster uit de lijst');
    const malformed = await noor().invoke('kernteam.signal.log', { formId, topic: 'beleid' });
    expect(cardText(malformed.card)).toContain('Dat begreep ik niet goed');
    expect(await bot.deps.store.query(containers.kernteam)).toEqual([]);
  });

  it('a double-clicked submit logs one signal and counts it once', async () => {
    const form = await noor().invoke('kernteam.signal.form');
    const formId = findAction(form.card, 'Signaal vastleggen').data?.formId;
    const input = { formId, topic: 'loopbaan', text: 'Doorstroom naar schaal 11 blijft achter' };
    await Promise.all([
      noor().invoke('kernteam.signal.log', input),
      noor().invoke('kernteam.signal.log', input),
    ]);
    const signals = await bot.deps.store.query(containers.kernteam, { pk: 'signal' });
    expect(signals).toHaveLength(1);
    const figures = await bot.deps.store.query<{ byTopic: Record<string, number> }>(containers.kernteam, {
      pk: 'figures',
    });
    expect(figures.map((f) => f.data.byTopic)).toEqual([{ loopbaan: 1 }]);
  });

  it('status ontvangen → in onderzoek → afgesloten; after closing the free text is gone from the SQLite file', async () => {
    const secret = 'ZULU-7 teamleider negeert klachten over toegankelijkheid';
    const { code, signalId } = await logSignal(noor(), { topic: 'toegankelijkheid', text: secret });
    expect(await inRaw(bot, secret)).toBe(true); // control: while open, the text is in the file

    const investigating = await sanne().invoke('kernteam.signal.status', { signalId, status: 'inOnderzoek' });
    expect(cardText(investigating.card)).toContain(`Signaal ${code} heeft nu de status: in onderzoek.`);
    const closed = await noor().invoke('kernteam.signal.status', { signalId, status: 'afgesloten' });
    expect(signalBlock(closed.card, code)).toContain('afgesloten');
    expect(signalBlock(closed.card, code)).toContain('De tekst is verwijderd.');
    await bot.runDue();

    expect(await inRaw(bot, secret)).toBe(false);
    expect(await inRaw(bot, 'ZULU-7')).toBe(false);
    const doc = await bot.deps.store.get<Record<string, unknown>>(containers.kernteam, 'signal', signalId);
    expect(doc?.data).toMatchObject({ topic: 'toegankelijkheid', status: 'afgesloten' });
    expect(doc?.data.text).toBeUndefined();
    expect(doc?.ttlSeconds).toBe(730 * 86_400);
    expect(bot.logs().filter((l) => l.includes('ZULU-7'))).toEqual([]);

    const again = await noor().invoke('kernteam.signal.status', { signalId, status: 'inOnderzoek' });
    expect(cardText(again.card)).toContain('Die stap kan niet meer bij dit signaal.');
  });

  it('bundles two signals into one advice: both move to "advies", keep the link, and lose their text', async () => {
    const a = await logSignal(noor(), {
      topic: 'werving-selectie',
      text: 'ALFA selectiecommissie zonder diversiteit',
    });
    const b = await logSignal(bot.user('Daan Bakker'), {
      topic: 'werving-selectie',
      text: 'BETA vacaturetekst sluit uit',
    });
    const c = await logSignal(noor(), { topic: 'beleid', text: 'GAMMA blijft open' });

    const form = await sanne().invoke('kernteam.advice.form');
    expectCardHouseRules(form.card, { verbPrefix: 'kernteam.' });
    const formId = findAction(form.card, 'Advies vastleggen').data?.formId;
    const res = await sanne().invoke('kernteam.advice.record', {
      formId,
      signalIds: `${a.signalId},${b.signalId}`,
      summary: 'Advies aan de directie: divers samengestelde selectiecommissies',
    });
    expect(cardText(res.card)).toContain('Het advies is vastgelegd bij 2 signalen.');
    for (const s of [a, b]) {
      expect(signalBlock(res.card, s.code)).toContain('· advies ·');
      expect(signalBlock(res.card, s.code)).toContain('Advies: Advies aan de directie');
    }
    expect(signalBlock(res.card, c.code)).toContain('GAMMA blijft open');
    const advice = await bot.deps.store.query<{ signalIds: string[] }>(containers.kernteam, { pk: 'advice' });
    expect(advice[0].data.signalIds.sort()).toEqual([a.signalId, b.signalId].sort());
    expect(await inRaw(bot, 'ALFA selectiecommissie')).toBe(false);
    expect(await inRaw(bot, 'BETA vacaturetekst')).toBe(false);
    expect(await inRaw(bot, 'GAMMA blijft open')).toBe(true);

    const twice = await sanne().invoke('kernteam.advice.record', {
      formId: 'f'.repeat(32),
      signalIds: a.signalId,
      summary: 'nog eens',
    });
    expect(cardText(twice.card)).toContain('Een van de gekozen signalen is niet meer open.');
  });

  it('an open signal loses its free text when the retention ends (fake clock); the record stays', async () => {
    const { signalId } = await logSignal(noor(), { topic: 'anders', text: 'OMEGA oud signaal' });
    await bot.advance(days(89));
    expect(await inRaw(bot, 'OMEGA oud signaal')).toBe(true);
    await bot.advance(days(1) + 1000);
    expect(await inRaw(bot, 'OMEGA oud signaal')).toBe(false);
    const doc = await bot.deps.store.get<Record<string, unknown>>(containers.kernteam, 'signal', signalId);
    expect(doc?.data).toMatchObject({ status: 'ontvangen', topic: 'anders' });
  });

  it('speaks English to an English Teams client', async () => {
    const form = await noor().locale('en').invoke('kernteam.signal.form');
    expect(cardText(form.card)).toContain('Do not name anyone');
    const { card, code } = await logSignal(noor(), { topic: 'beleid', text: 'Policy signal' });
    expect(cardText(card)).toContain(`Signal ${code} has been recorded.`);
    expect(signalBlock(card, code)).toContain('Policy and rules · no cluster · received');
  });
});
