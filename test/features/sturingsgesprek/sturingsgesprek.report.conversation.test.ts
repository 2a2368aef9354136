import JSZip from 'jszip';
import { downloadKinds } from '../../../src/features/sturingsgesprek/sturingsgesprek.verbs';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardOf,
  cardText,
  click,
  findAction,
  installAll,
  k1Inputs,
  lastCard,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

async function answer(bot: TestBot, name: string, inputs: Record<string, string>) {
  const user = bot.user(name);
  const card = [...bot.inbox(user)]
    .reverse()
    .map((a) => a.attachments?.[0]?.content as Card)
    .find((c) => c && cardText(c).includes('DIG-vragen: '));
  return cardOf(await click(user, card, 'Indienen', inputs));
}

const download = async (bot: TestBot, url: string) => {
  const res = await fetch(url.replace('http://127.0.0.1:1', bot.url));
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, body: bytes.toString('utf8') };
};

/** The compiled report: per question each cluster's answer beside its previous one, counts, downloads. */
describe('sturingsgesprek: compiled report', () => {
  let bot: TestBot;
  let second: string;

  beforeAll(async () => {
    bot = await startTestBot();
    await installAll(bot);
    // Round 1 (Kwartaal 1), answered by three clusters, closed.
    await makeRound(bot, {
      opensOn: '2026-11-23',
      deadlineOn: '2026-12-11',
      label: 'Sturingsgesprek december 2026',
    });
    await answer(
      bot,
      people.bram,
      k1Inputs({ prioriteit: ['db-01'], why: 'Vorige keer: leiderschap eerst.', weerstand: 'no' }),
    );
    await answer(
      bot,
      people.fatima,
      k1Inputs({
        prioriteit: ['db-02'],
        why: 'Werving.',
        weerstand: 'yes',
        welke: ['db-02'],
        welkeWhy: 'Tijdsdruk.',
        helpen: 'Meer recruiters.',
      }),
    );
    await answer(
      bot,
      people.eva,
      k1Inputs({ prioriteit: ['db-01', 'db-03'], why: 'Beide.', weerstand: 'no' }),
    );
    bot.clock.set('2026-12-11T16:00:00Z');
    await bot.runDue();
    // Round 2, four months later, the same questions.
    bot.clock.set('2027-03-22T08:00:00Z');
    second = await makeRound(bot, {
      opensOn: '2027-03-22',
      deadlineOn: '2027-04-09',
      label: 'Sturingsgesprek april 2027',
    });
    await answer(
      bot,
      people.bram,
      k1Inputs({
        prioriteit: ['db-01', 'db-02'],
        why: 'Eerste regel.\nTweede regel.\n\nNieuwe alinea met *geen opmaak* en =SOM(A1).',
        weerstand: 'no',
      }),
    );
    await answer(
      bot,
      people.fatima,
      k1Inputs({
        prioriteit: ['db-02'],
        why: 'Nog steeds werving.',
        weerstand: 'yes',
        welke: ['db-02', 'db-04'],
        welkeWhy: 'Budget.',
        helpen: 'Steun van het DIG Office.',
      }),
    );
    await click(bot.user(people.eva), lastCard(bot, bot.user(people.eva)), 'Aanwijzen', {
      deputyId: bot.user(people.lotte).aadObjectId,
    });
    await bot.runDue();
    await answer(
      bot,
      people.lotte,
      k1Inputs({
        prioriteit: ['db-03'],
        why: 'Door de plaatsvervanger.',
        weerstand: 'yes',
        welke: ['db-03'],
        welkeWhy: 'Onbekend.',
        helpen: 'Uitleg.',
      }),
    );
  });
  afterAll(async () => bot.stop());

  it('shows a director their own previous answer on the new card', async () => {
    const res = await bot
      .user(people.bram)
      .invoke('sturingsgesprek.view', { roundId: second, unitId: 'dienstverlening' });
    const text = cardText(cardOf(res));
    expect(text).toContain('Jouw antwoord vorige keer (Sturingsgesprek december 2026)');
    expect(text).toContain('Vorige keer: leiderschap eerst.');
  });

  it('compiles counts and, per question, each answer beside the previous round', async () => {
    const mila = bot.user(people.mila);
    const overview = cardOf(await mila.invoke('sturingsgesprek.report', { roundId: second }));
    const text = cardText(overview);
    expect(text).toContain('3 van 7 ingediend');
    expect(text).toContain('Stadsontwikkeling — Jeroen de Graaf');
    // Doorbraken chosen (question 1): db-01 once now, twice last time; resistance (question 2): 2 yes now, 1 last time.
    expect(text).toContain(
      'Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap: 1 (vorige keer 2)',
    );
    expect(text).toContain('Objectieve werving en selectie is standaard: 2 (vorige keer 1)');
    expect(text).toMatch(/Ja: 2 \(vorige keer 1\)\nNee: 1 \(vorige keer 2\)/);

    const q1 = cardOf(await click(mila, overview, 'Volgende'));
    const q1text = cardText(q1);
    expect(q1text).toContain('Vraag 1 van 4');
    expect(q1text).toContain('Eerste regel.\nTweede regel.');
    expect(q1text).toContain('Vorige keer: leiderschap eerst.');
    expect(q1text).toContain('Vorige keer (Sturingsgesprek december 2026)');
    expect(q1text).toContain('Lotte Visser (plaatsvervanger, namens Eva Smit)');
    // User text cannot format the card.
    expect(q1text).toContain('\\*geen opmaak\\*');
  });

  it('offers the report as Word, Markdown and CSV to the office only, keeping line breaks', async () => {
    const ravi = bot.user(people.ravi);
    const overview = cardOf(await ravi.invoke('sturingsgesprek.report', { roundId: second }));
    const md = await download(bot, findAction(overview, 'Verslag (Markdown)').url as string);
    expect(md.status).toBe(200);
    expect(md.type).toContain('text/markdown');
    expect(md.body).toContain('# Verslag DIG-vragen: Sturingsgesprek april 2027');
    expect(md.body).toContain(
      '> Eerste regel.  \n> Tweede regel.\n>\n> Nieuwe alinea met \\*geen opmaak\\* en =SOM(A1).',
    );
    expect(md.body).toContain('*Vorige keer (Sturingsgesprek december 2026)*');
    expect(md.body).toContain('| Objectieve werving en selectie is standaard | 2 | 1 |');
    expect(md.body).toContain(
      '**Niet beantwoord:** Stadsontwikkeling (Jeroen de Graaf), Werk en Inkomen (Kofi Mensah)',
    );
    expect(md.body).toContain('| Stadsbeheer | Lotte Visser (plaatsvervanger, namens Eva Smit) |');

    const word = await download(bot, findAction(overview, 'Verslag (Word)').url as string);
    expect(word.status).toBe(200);
    expect(word.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(word.bytes)).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''),
    );
    expect(paragraphs).toContain('Verslag DIG-vragen: Sturingsgesprek april 2027');
    // One answer, its line breaks kept, user text as typed.
    expect(paragraphs).toContain(
      '- Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap\n- Objectieve werving en selectie is standaard\n\nWaarom?\nEerste regel.\nTweede regel.\n\nNieuwe alinea met *geen opmaak* en =SOM(A1).',
    );
    expect(paragraphs).toContain('Vorige keer (Sturingsgesprek december 2026)');
    expect(paragraphs).toContain(
      'Niet beantwoord: Stadsontwikkeling (Jeroen de Graaf), Werk en Inkomen (Kofi Mensah), Bestuursdienst (Ingrid Hoekstra), Concernstaf (Tim van Dijk)',
    );
    expect(paragraphs).toContain('Lotte Visser (plaatsvervanger, namens Eva Smit)');
    expect(paragraphs.indexOf('Objectieve werving en selectie is standaard')).toBeGreaterThan(-1);

    const csv = await download(bot, findAction(overview, 'Antwoorden (CSV)').url as string);
    expect(csv.status).toBe(200);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for spreadsheet programs
    expect(csv.body).toContain(
      '"Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap; Objectieve werving en selectie is standaard\n\nWaarom?\nEerste regel.\nTweede regel.\n\nNieuwe alinea met *geen opmaak* en =SOM(A1)."',
    );
    expect(csv.body).toContain('Lotte Visser,Eva Smit');

    // A link made for someone without the role serves nothing.
    for (const kind of [downloadKinds.docx, downloadKinds.markdown, downloadKinds.csv]) {
      const forged = bot.deps.downloads.link(kind, `${second}~nl`, bot.user(people.bram).aadObjectId);
      expect((await download(bot, forged)).status).toBe(404);
    }
  });
});
