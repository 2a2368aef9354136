import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { seedPanelYear } from '../../../scripts/lib/inzicht-seed';
import { exampleOrg, rotterdamWords, type ExampleOrg } from '../../support/example-org';
import { LocalTokenIssuer } from '../../support/local-token-issuer';
import { TestBot } from '../../support/test-bot';
import { wordsOf, type SectionJson } from './inzicht-words';

/** A programmateam member of each example organisation (config/org.<name>.example.json). */
const programmateam: Record<ExampleOrg, string> = {
  genova: 'c9a78620-4a22-4040-8370-b6cc5da2cc98',
  gent: '8f52acbc-b996-4ef3-9191-2c7e4a08358b',
};

/** Texts that read the same in every language: quarters, "No", numbers. */
const sameEverywhere = /^(\d{4}-Q[1-4]|No|[\d\s.,%<≥–-]*)$/;

/** The example file's own texts in a language (a network called "AHA" in Flemish and English alike). */
function namesIn(org: ExampleOrg, lang: string): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const text = (node as Record<string, unknown>)[lang];
      if (typeof text === 'string') names.add(text);
      Object.values(node).forEach(walk);
    }
  };
  walk(JSON.parse(readFileSync(`config/org.${org}.example.json`, 'utf8')));
  return names;
}

describe.each([
  ['genova', 'it'],
  ['gent', 'nl-BE'],
] as const)('Inzicht for %s in %s', (org, lang) => {
  let issuer: LocalTokenIssuer;
  let bot: TestBot;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.start();
    bot = await TestBot.start({ env: issuer.env, orgPatch: exampleOrg(org) });
    await seedPanelYear(bot.deps.store, bot.clock, () => bot.runtime.inzicht.figures.fold(true));
  });
  afterAll(async () => {
    await bot.stop();
    await issuer.stop();
  });

  const get = async (path: string) => {
    const token = await issuer.token({ oid: programmateam[org] }, bot.clock.now());
    const res = await fetch(`${bot.url}/inzicht/api/${path}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return res;
  };
  const sections = async (locale: string) =>
    ((await (await get(`figures?period=2026&lang=${locale}`)).json()) as { sections: SectionJson[] })
      .sections;

  it("writes every figure text in the reader's language, with none of Rotterdam's words", async () => {
    const mine = wordsOf(await sections(lang));
    const english = wordsOf(await sections('en'));
    expect([...mine.keys()]).toEqual([...english.keys()]);
    const foreign = [...mine].filter(
      ([, text]) => rotterdamWords[org].test(text) || /\{@?\w|\w\.\w+\./.test(text),
    );
    expect(foreign).toEqual([]);
    const own = namesIn(org, lang);
    const untranslated = [...mine].filter(
      ([where, text]) => text === english.get(where) && !sameEverywhere.test(text) && !own.has(text),
    );
    expect(untranslated).toEqual([]);
  });

  it('uses its own words, its names from the organisation file and plural forms', async () => {
    const words = [...wordsOf(await sections(lang)).values()];
    const expected = {
      genova: [
        'Laboratori',
        'Iscrizioni',
        'Laboratorio del 17/02/2026',
        'Tutte le direzioni',
        'Direzione Politiche sociali',
        'Esclusione',
        'Rete Arcobaleno',
        'Incontro di indirizzo',
        'Obiettivo: 80 % di soddisfazione',
        'Negli ultimi quattro trimestri: 4 laboratori, 65 iscrizioni e 52 persone presenti.',
      ],
      gent: [
        'Kennisateliers',
        'Inschrijvingen',
        'Bevragingen en tevredenheid',
        'Atelier 17-02-2026',
        'Alle departementen',
        'Ingediend per ronde en departement',
        'Bedrijfsvoering',
        'Racisme',
        'Inschrijvingen voor bijeenkomsten',
        'In de laatste vier kwartalen waren er 4 kennisateliers met 65 inschrijvingen; 52 mensen waren aanwezig.',
      ],
    }[org];
    expect(expected.filter((w) => !words.includes(w))).toEqual([]);
  });

  it('writes the year report (Word) in that language', async () => {
    const docx = Buffer.from(await (await get(`report.docx?year=2026&lang=${lang}`)).arrayBuffer());
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
        .map((m) => m[1] ?? '')
        .join('')
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    const foreign = paragraphs.filter((p) => rotterdamWords[org].test(p) || p.includes('{@'));
    expect(foreign).toEqual([]);
    const expected = {
      genova: [
        "Panel per l'inclusione – Relazione annuale 2026",
        'Laboratori',
        'Sondaggi e soddisfazione',
        'Contatti riservati',
        'Reti',
        'Incontro di indirizzo',
        'Per laboratorio',
        "Quota di direzioni che hanno inviato le risposte, per tornata (trimestre), in totale e per direzione. Quota di direzioni che hanno inviato le risposte in tempo nell'ultima tornata: –.",
      ],
      gent: [
        'Jaarverslag Inclusiepanel 2026',
        'Kennisateliers',
        'Bevragingen en tevredenheid',
        'Vertrouwelijk contact',
        'Netwerken',
        'Sturingsgesprek',
        'Per kennisatelier',
        'Aandeel departementen dat de vragen indiende, per ronde (kwartaal), totaal en per departement. In de laatste ronde diende – van de departementen de antwoorden op tijd in.',
      ],
    }[org];
    expect(expected.filter((p) => !paragraphs.includes(p))).toEqual([]);
    const summaries = paragraphs.filter((p) => /Negli ultimi|laatste vier kwartalen/.test(p));
    expect(summaries).toHaveLength(1);
  });
});
