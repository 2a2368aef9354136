import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { orgSchema, termNames } from '../../src/platform/org/org.schema';
import { Organisation } from '../../src/platform/org/organisation';

/**
 * The example organisation files for Gent and Genova (issue #16): valid, fictional, in their own languages,
 * with every term the catalogues refer to. They are what another municipality copies first.
 */
const root = resolve(__dirname, '../..');

const examples = [
  {
    file: 'config/org.gent.example.json',
    locale: 'nl-BE',
    languages: ['nl-BE', 'en'],
    zone: 'Europe/Brussels',
  },
  { file: 'config/org.genova.example.json', locale: 'it', languages: ['it', 'en'], zone: 'Europe/Rome' },
] as const;

const raw = (file: string) =>
  JSON.parse(readFileSync(join(root, file), 'utf8')) as {
    organisation: { languages: string[] };
    terms: Record<string, Record<string, string>>;
    calendar?: unknown;
  };

/** Every localised text in the parsed file, with where it is. */
function localisedTexts(value: unknown, path = ''): Array<{ path: string; text: Record<string, string> }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localisedTexts(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const entries = Object.entries(value as Record<string, unknown>);
  const looksLocalised =
    entries.length > 0 &&
    entries.every(([k, v]) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k) && typeof v === 'string');
  if (looksLocalised) return [{ path, text: value as Record<string, string> }];
  return entries.flatMap(([k, v]) => localisedTexts(v, path ? `${path}.${k}` : k));
}

describe.each(examples)('$file', ({ file, locale, languages, zone }) => {
  const org = Organisation.load(join(root, file)).data;

  it('is a valid organisation file in its own language and time zone', () => {
    expect(org.organisation.defaultLocale).toBe(locale);
    expect(org.organisation.timeZone).toBe(zone);
    expect(raw(file).organisation.languages).toEqual(languages);
    expect(raw(file).calendar).toBeUndefined();
  });

  it('has every role a Playground persona needs, and people with fresh GUIDs', () => {
    const roles = new Set(org.people.flatMap((p) => p.roles));
    for (const r of ['programmateam', 'kernteamlid', 'gemeentesecretaris', 'digOffice'] as const)
      expect(roles).toContain(r);
    expect(org.people.filter((p) => p.roles.length === 0).length).toBeGreaterThan(6);
    expect(org.clusters.length).toBeGreaterThan(3);
    expect(org.networks.length).toBeGreaterThanOrEqual(3);
    expect(org.doorbraken.length).toBeGreaterThan(3);
    expect(org.doorbraken.some((d) => d.prioritised)).toBe(true);
    for (const p of org.people) expect(p.aadObjectId).not.toMatch(/^7a11e1b0-/); // not Rotterdam's demo ids
  });

  it('says every text in each of its languages, and nothing in another', () => {
    const texts = localisedTexts(org);
    expect(texts.length).toBeGreaterThan(50);
    for (const { path, text } of texts)
      expect({ path, keys: Object.keys(text).sort() }).toEqual({ path, keys: [...languages].sort() });
  });

  it('names all thirteen terms in each language', () => {
    const terms = raw(file).terms;
    expect(Object.keys(terms).sort()).toEqual([...languages].sort());
    for (const lang of languages) {
      expect(Object.keys(terms[lang]).sort()).toEqual([...termNames].sort());
      for (const word of Object.values(terms[lang])) expect(word.trim()).not.toBe('');
    }
  });

  it('has its own sturingsgesprek templates folder', () => {
    expect(org.sturingsgesprek.templatesDir).toMatch(/^(gent|genova)\/sturingsgesprek$/);
  });

  it('keeps Rotterdam out: no Rotterdam, no DIG, no clusterdirecteur (role ids are code)', () => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/Rotterdam|\bDIG\b|clusterdirecteur/);
  });
});

describe('Genova and Gent use their own words', () => {
  it('Genova: the CUG, the segretario generale and direzioni; Gent: stadssecretaris and departementen', () => {
    expect(raw('config/org.genova.example.json').terms.it).toMatchObject({
      panel: "Panel per l'inclusione",
      programme: 'D&I',
      office: 'CUG',
      secretary: 'segretario generale',
      unit: 'direzione',
      kernteamMember: 'componente del gruppo di coordinamento',
    });
    expect(raw('config/org.gent.example.json').terms['nl-BE']).toMatchObject({
      panel: 'Inclusiepanel',
      programme: 'DEI',
      office: 'D&I-team',
      secretary: 'stadssecretaris',
      director: 'departementshoofd',
      units: 'departementen',
    });
  });

  it('grade their vacancies in their own system: Gent by niveau, Genova by area of the CCNL', () => {
    const gent = Organisation.load(join(root, 'config/org.gent.example.json')).adviesGrades!;
    expect(gent.label['nl-BE']).toBe('Niveau');
    expect(gent.scale).toBeUndefined();
    expect(gent.options?.map((o) => `${o.id}→${o.band}`)).toEqual([
      'A→a-b',
      'B→a-b',
      'C→c-e',
      'D→c-e',
      'E→c-e',
    ]);
    expect(gent.bands.map((b) => b.label['nl-BE'])).toEqual(['niveau A en B', 'niveau C, D en E']);
    const genova = Organisation.load(join(root, 'config/org.genova.example.json')).adviesGrades!;
    expect(genova.label.it).toBe('Area di inquadramento');
    expect(genova.options?.map((o) => o.label.it)).toEqual([
      'Area degli Operatori',
      'Area degli Operatori esperti',
      'Area degli Istruttori',
      "Area dei Funzionari e dell'Elevata Qualificazione",
      'Dirigenza',
    ]);
    expect(genova.bands.map((b) => b.id)).toEqual(['operatori', 'istruttori', 'funzionari-dirigenza']);
    expect(JSON.stringify([gent, genova])).not.toMatch(/fsk|schaal/i);
  });

  it('the check can fail: a director who is not among the people is refused', () => {
    const broken = JSON.parse(readFileSync(join(root, 'config/org.genova.example.json'), 'utf8')) as {
      clusters: Array<{ director: string }>;
    };
    broken.clusters[0].director = '00000000-0000-4000-8000-000000000000';
    expect(orgSchema.safeParse(broken).success).toBe(false);
  });
});
