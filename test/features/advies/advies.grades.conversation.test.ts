import type { AdviesRequest } from '../../../src/features/advies/advies.types';
import type { OrgFile } from '../../../src/platform/org/org.schema';
import { containers } from '../../../src/storage/document-store.port';
import { cardInputs, cardText, cardsOf, expectCardHouseRules } from '../../support/cards';
import { exampleLocale, exampleOrg, rotterdamWords } from '../../support/example-org';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { installAll, programmateamName, requesterName, requestValues, snapshot } from './advies.helpers';

const stored = async (bot: TestBot) =>
  (await bot.deps.store.query<AdviesRequest>(containers.advies, { pk: 'request' })).map((d) => d.data);
const form = async (user: TestUser, typed: string) => cardsOf(await user.say(typed)).at(-1);
const input = (card: unknown, id: string) => cardInputs(card).find((i) => i.id === id);

/** A W&S request in Gent's example organisation: Flemish, a departement, a niveau instead of an fsk. */
const gentRequest = (grade: string, i = 0) => ({
  kind: 'ws',
  subject: `Dossierbeheerder burgerzaken ${i}`,
  clusterId: 'burgerzaken',
  ask: 'Wij zoeken een panellid voor de selectiecommissie.',
  deadline: '2026-12-10',
  vacancy: `Dossierbeheerder ${i}`,
  grade,
  roundDates: 'Gesprekken op 15 en 17 december',
  seats: '2',
});

describe('advies: W&S grades from the organisation file', () => {
  let bot: TestBot;
  afterEach(() => bot.stop());

  it('Gent: the form offers the niveaus; niveau B counts in band "niveau A en B", in Flemish', async () => {
    bot = await startTestBot({ orgPatch: exampleOrg('gent') });
    const [manager, pt, fatma] = await installAll(bot, [
      'Yassine El Idrissi',
      'Lieselot Van de Velde',
      'Fatma Yilmaz',
    ]);
    for (const u of [manager!, pt!, fatma!]) u.locale(exampleLocale.gent);
    const card = await form(manager!, 'panel inschakelen');
    expectCardHouseRules(card, { verbPrefix: 'advies.' });
    expect(input(card, 'fsk')).toBeUndefined();
    const niveau = input(card, 'grade') as {
      label: string;
      choices: Array<{ title: string; value: string }>;
    };
    expect(niveau.label).toBe('Niveau');
    expect(niveau.choices.map((c) => c.value)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(niveau.choices[1]!.title).toBe('Niveau B (bachelor)');

    // Three at niveau B and two at A: one band, five procedures the panel joined.
    for (const [i, grade] of ['B', 'B', 'B', 'A', 'A'].entries()) {
      const res = await manager!.invoke('advies.submit', gentRequest(grade, i));
      expect(cardText(res.card)).toContain('Niveau: ' + (grade === 'B' ? 'Niveau B (bachelor)' : 'Niveau A'));
      const r = (await stored(bot)).find((x) => x.subject.endsWith(String(i)))!;
      expect(r.ws).toMatchObject({ grade });
      expect(r.ws?.fsk).toBeUndefined();
      await pt!.invoke('advies.accept', { requestId: r.id, takenBy: fatma!.aadObjectId });
      await fatma!.invoke('advies.volunteer', { requestId: r.id, shareName: 'false' });
    }
    const figures = cardText((await pt!.invoke('advies.figures')).card);
    expect(figures).toContain('Selectiecommissies met een panellid, per departement en niveau');
    expect(figures).toContain('Burgerzaken · niveau A en B: 5');
    expect(figures).not.toMatch(/fsk/);
    expect(figures).not.toMatch(rotterdamWords.gent);
    expect(cardText(card)).not.toMatch(rotterdamWords.gent);
    const docs = await bot.deps.store.query<{ fskBand?: string }>(containers.advies, { pk: 'figures' });
    expect(docs.map((d) => d.data.fskBand)).toEqual(['a-b', 'a-b', 'a-b', 'a-b', 'a-b']);
  });

  it('Gent: an unknown niveau or a Rotterdam fsk is refused in Flemish, and nothing is saved', async () => {
    bot = await startTestBot({ orgPatch: exampleOrg('gent') });
    const [manager] = await installAll(bot, ['Yassine El Idrissi']);
    manager!.locale(exampleLocale.gent);
    const before = await snapshot(bot);
    const unknown = await manager!.invoke('advies.submit', gentRequest('F'));
    expect(cardText(unknown.card)).toContain('Kies bij ‘Niveau’ een van de mogelijkheden uit de lijst.');
    // The form comes back with what was typed.
    expect(input(unknown.card, 'grade')).toMatchObject({ value: 'F' });
    const fsk = await manager!.invoke('advies.submit', { ...gentRequest('B'), grade: '', fsk: '11' });
    expect(cardText(fsk.card)).toContain('Vul bij aanwerving en selectie de vacature, het niveau, de data');
    expect(await snapshot(bot)).toEqual(before);
    expect(await stored(bot)).toEqual([]);
  });

  it('Genova: the form offers the Italian areas and the request shows the chosen one', async () => {
    bot = await startTestBot({ orgPatch: exampleOrg('genova') });
    const [manager] = await installAll(bot, ['Davide Queirolo']);
    manager!.locale(exampleLocale.genova);
    const card = await form(manager!, 'chiedi un parere');
    const area = input(card, 'grade') as { label: string; choices: Array<{ title: string }> };
    expect(area.label).toBe('Area di inquadramento');
    expect(cardText(card)).not.toMatch(/fsk|Functieschaal/);
    expect(area.choices.map((c) => c.title)).toEqual([
      'Area degli Operatori',
      'Area degli Operatori esperti',
      'Area degli Istruttori',
      "Area dei Funzionari e dell'Elevata Qualificazione",
      'Dirigenza',
    ]);
    const res = await manager!.invoke('advies.submit', {
      kind: 'ws',
      subject: 'Istruttore amministrativo ai Servizi civici',
      clusterId: 'servizi-civici',
      ask: 'Cerchiamo un componente del panel per la commissione.',
      deadline: '2026-12-10',
      vacancy: 'Istruttore amministrativo',
      grade: 'istruttori',
      roundDates: 'Colloqui il 15 e il 17 dicembre',
      seats: '1',
    });
    expect(cardText(res.card)).toContain('Area di inquadramento: Area degli Istruttori');
    const refused = await manager!.invoke('advies.submit', {
      kind: 'ws',
      subject: 'Altra selezione',
      clusterId: 'servizi-civici',
      ask: 'Cerchiamo un componente del panel.',
      deadline: '2026-12-10',
      vacancy: 'Funzionario',
      grade: 'categoria-D',
      roundDates: 'Colloqui a gennaio',
      seats: '1',
    });
    expect(cardText(refused.card)).toContain(
      "Per “Area di inquadramento” scegli una delle voci dell'elenco.",
    );
    expect(await stored(bot)).toHaveLength(1);
  });

  it('Rotterdam: the fsk stays a number from 1 to 18; 19 is refused and saves nothing', async () => {
    bot = await startTestBot();
    const [requester] = await installAll(bot, [requesterName]);
    const card = await form(requester!, 'panel inschakelen');
    expect(input(card, 'fsk')).toMatchObject({
      type: 'Input.Number',
      label: 'Functieschaal (fsk)',
      min: 1,
      max: 18,
    });
    expect(input(card, 'grade')).toBeUndefined();
    const before = await snapshot(bot);
    const res = await requester!.invoke('advies.submit', requestValues({ fsk: '19' }));
    expect(cardText(res.card)).toContain('Vul bij ‘Functieschaal (fsk)’ een getal van 1 tot en met 18 in.');
    expect(await snapshot(bot)).toEqual(before);
  });

  it('with `grades: false` in the file the form asks none, and W&S committees count per unit', async () => {
    bot = await startTestBot({
      orgPatch: (raw: OrgFile) => {
        raw.advies = { grades: false };
      },
    });
    const [requester, pt, noor] = await installAll(bot, [requesterName, programmateamName, 'Noor El Amrani']);
    const card = await form(requester!, 'panel inschakelen');
    expect(input(card, 'fsk')).toBeUndefined();
    expect(input(card, 'grade')).toBeUndefined();
    for (let i = 0; i < 5; i++) {
      const res = await requester!.invoke(
        'advies.submit',
        requestValues({ fsk: '', clusterId: 'stadsbeheer', subject: `Vacature ${i}` }),
      );
      expect(cardText(res.card)).not.toContain('Functieschaal');
      const r = (await stored(bot)).find((x) => x.subject === `Vacature ${i}`)!;
      await pt!.invoke('advies.accept', { requestId: r.id, takenBy: noor!.aadObjectId });
      await noor!.invoke('advies.volunteer', { requestId: r.id, shareName: 'false' });
    }
    const figures = cardText((await pt!.invoke('advies.figures')).card);
    expect(figures).toMatch(/per cluster en schaal\nStadsbeheer: 5/);
  });
});
