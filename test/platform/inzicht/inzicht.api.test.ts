import { seedPanelYear, seededAteliers } from '../../../scripts/lib/inzicht-seed';
import { signupListId } from '../../../src/features/kennisatelier/kennisatelier.repository';
import { ContactRepository } from '../../../src/features/contact/contact.repository';
import { days } from '../../../src/platform/clock';
import { containers } from '../../../src/storage/document-store.port';
import { LocalTokenIssuer } from '../../support/local-token-issuer';
import { TestBot } from '../../support/test-bot';

const sanne = '7a11e1b0-0000-4000-8000-000000000001'; // programmateam
const medewerker = '7a11e1b0-0000-4000-8000-0000000000ff';

interface Figure {
  id: string;
  columns: string[];
  rows: Array<{ label: string; cells: Array<{ text: string; value: number | null }> }>;
  reference?: { value: number };
}
interface FiguresBody {
  sections: Array<{ id: string; figures: Figure[] }>;
}

describe('Inzicht API', () => {
  let issuer: LocalTokenIssuer;
  let bot: TestBot;

  beforeAll(async () => {
    issuer = await LocalTokenIssuer.start();
  });
  afterAll(() => issuer.stop());
  beforeEach(async () => {
    bot = await TestBot.start({ env: issuer.env });
    await seedPanelYear(bot.deps.store, bot.clock, () => bot.runtime.inzicht.figures.fold(true));
  });
  afterEach(() => bot.stop());

  const get = async (path: string, token?: string) =>
    fetch(`${bot.url}/inzicht/api/${path}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const tokenFor = (oid: string) => issuer.token({ oid }, bot.clock.now());
  const figures = async (period: string, oid = sanne): Promise<Map<string, Figure>> => {
    const res = await get(`figures?period=${period}&lang=nl`, await tokenFor(oid));
    expect(res.status).toBe(200);
    const body = (await res.json()) as FiguresBody;
    return new Map(body.sections.flatMap((s) => s.figures.map((f) => [f.id, f])));
  };
  const row = (f: Figure | undefined, label: string) =>
    f?.rows.find((r) => r.label === label)?.cells.map((c) => c.text);

  it('shows each figure of the seeded year to the programmateam', async () => {
    const f = await figures('2026');
    const topic = f.get('contact.topic');
    expect(topic?.columns).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    // Q1: 5 exclusion, 2 discrimination; Q3 has 3 cases in all, so the whole quarter is "<5".
    expect(row(topic, 'Uitsluiting')?.[0]).toBe('5');
    expect(row(topic, 'Discriminatie')?.[0]).toBe('<5');
    expect(topic?.rows.every((r) => r.cells[2]?.text === '<5')).toBe(true);
    // Totals 7, 12, 3, 6: one suppressed cell, so the smallest other is coarsened (complementary).
    expect(row(topic, 'Totaal')).toEqual(['7', '12', '<5', '≥5']);
    expect(row(f.get('contact.channel'), 'Chat via de bot')?.slice(0, 2)).toEqual(['5', '11']);

    const perAtelier = f.get('kennisatelier.perAtelier');
    expect(perAtelier?.columns).toHaveLength(4);
    expect(row(perAtelier, 'Aanmeldingen')).toEqual(['18', '16', '22', '9']);
    expect(row(perAtelier, 'Op de wachtlijst gebleven')).toEqual(['0', '4', '0', '0']);
    expect(row(perAtelier, 'Aanwezig')).toEqual(['15', '11', '19', '7']);

    const satisfaction = f.get('polls.satisfaction');
    expect(satisfaction?.reference?.value).toBe(80);
    expect(row(satisfaction, 'Aandeel 4 of 5 (%)')?.slice(-4)).toEqual(['80 %', '62,5 %', '91,7 %', '<5']);
    expect(row(f.get('polls.satisfactionPerAtelier'), 'Gemiddeld cijfer (1–5)')).toEqual([
      '4,1',
      '3,8',
      '4,3',
      '<5',
    ]);
    const response = f.get('polls.response');
    expect(response?.rows.find((r) => r.label === 'Respons (%)')?.cells.some((c) => c.text === '65 %')).toBe(
      true,
    );

    const members = f.get('networks.members');
    expect(row(members, 'R-Pride')?.at(-1)).toBe('14');
    expect(members?.rows.find((r) => r.cells.at(-1)?.text === '<5')).toBeDefined(); // Jong'R: 3 members
    expect(members?.rows.every((r) => r.cells.at(-1)?.value !== 3)).toBe(true);
    expect(row(f.get('networks.rsvps'), 'R-Pride')).toEqual(['<5', '11', '<5', '<5']);

    const completion = f.get('sturingsgesprek.completion');
    expect(row(completion, 'Alle clusters')?.slice(-4)).toEqual(['85,7 %', '–', '100 %', '–']);
    const doorbraken = f.get('sturingsgesprek.doorbraken');
    const db07 = doorbraken?.columns.indexOf(doorbraken.columns[6] as string) ?? -1;
    expect(doorbraken?.rows.map((r) => r.cells[db07]?.text)).toEqual(['6', '0', '7', '0']);
    expect(row(f.get('sturingsgesprek.resistance'), 'Ja, weerstand')?.slice(-4)).toEqual([
      '2',
      '0',
      '3',
      '0',
    ]);
  });

  it('gives the same words in English', async () => {
    const res = await get('figures?period=2026-Q2&lang=en', await tokenFor(sanne));
    const body = (await res.json()) as { sections: Array<{ title: string; figures: Figure[] }> };
    expect(body.sections.map((s) => s.title)).toContain('Confidential contact');
    const f = new Map(body.sections.flatMap((s) => s.figures.map((x) => [x.id, x])));
    expect(f.get('contact.topic')?.columns).toEqual(['2026-Q2']);
    expect(row(f.get('polls.satisfaction'), 'Share 4 or 5 (%)')?.at(-1)).toBe('62.5 %');
  });

  it('lets the DIG office and the gemeentesecretaris in, and refuses a medewerker with words only', async () => {
    await figures('2026-Q4', '7a11e1b0-0000-4000-8000-000000000007');
    const ravi = bot.deps.org.people.find((p) => p.roles.includes('digOffice'));
    const mila = bot.deps.org.people.find((p) => p.roles.includes('gemeentesecretaris'));
    for (const p of [ravi, mila]) await figures('2026-Q4', p?.aadObjectId ?? '');
    for (const path of [
      'figures?period=2026',
      'figures.csv?period=2026',
      'report.docx?year=2026',
      'report.csv?year=2026',
    ]) {
      const res = await get(path, await tokenFor(medewerker));
      expect(res.status).toBe(403);
      const body = (await res.json()) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['error', 'message', 'title']);
      expect(String(body.title)).toMatch(/programmateam/);
    }
  });

  it('refuses missing, forged, expired, wrong-audience, wrong-tenant and wrong-issuer tokens', async () => {
    const now = bot.clock.now();
    const bad = {
      none: undefined,
      garbage: 'not.a.token',
      forged: await issuer.forged({ oid: sanne }, now),
      expired: await issuer.token({ oid: sanne, expiresIn: -600 }, now),
      audience: await issuer.token({ oid: sanne, aud: 'api://elsewhere/other-app' }, now),
      tenant: await issuer.token({ oid: sanne, tid: '99999999-9999-4999-8999-999999999999' }, now),
      issuer: await issuer.token({ oid: sanne, iss: 'https://login.microsoftonline.com/x/v2.0' }, now),
    };
    for (const [kind, token] of Object.entries(bad)) {
      const res = await get('figures?period=2026', token);
      expect({ kind, status: res.status }).toEqual({ kind, status: 401 });
      expect(JSON.stringify(await res.json())).not.toMatch(/sections|<5/);
    }
    const logs = bot.logs().join('');
    for (const reason of ['missing', 'signature', 'expired', 'audience', 'tenant', 'issuer'])
      expect(logs).toContain(`"reason":"${reason}"`);
    for (const token of Object.values(bad)) if (token) expect(logs).not.toContain(token);
  });

  it('refuses a period it does not know, and changes nothing', async () => {
    const res = await get('figures?period=2026-Q5', await tokenFor(sanne));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/kwartaal/);
  });

  it('keeps the figures when the cases and sign-up lists are gone after their retention', async () => {
    const before = await figures('2026');
    expect(await bot.deps.store.count(containers.aggregates)).toBeGreaterThan(0);
    bot.clock.advance(days(400));
    expect(await new ContactRepository(bot.deps.store).closedCases()).toEqual([]);
    for (const [id] of seededAteliers)
      expect(await bot.deps.store.get(containers.signups, signupListId(id), 'list')).toBeUndefined();
    const after = await figures('2026');
    expect([...after.entries()]).toEqual([...before.entries()]);
  });

  it('gives the period as CSV and the year report as Word and CSV', async () => {
    const token = await tokenFor(sanne);
    const csv = await get('figures.csv?period=2026', token);
    expect(csv.headers.get('content-disposition')).toContain('inzicht-2026.csv');
    const text = await csv.text();
    expect(text).toContain('"Vertrouwelijk contact";"Contacten per onderwerp";"Totaal";"2026-Q3";"<5"');
    const docx = await get('report.docx?year=2026', token);
    expect(docx.headers.get('content-type')).toContain('wordprocessingml');
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect((await get('report.docx?year=2026-Q1', token)).status).toBe(400);
  });

  it('serves the page and its libraries with strict headers, framable by Teams only', async () => {
    const page = await fetch(`${bot.url}/inzicht/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    for (const lib of ['echarts.min.js', 'teams-js.min.js', 'fluent.min.js', 'app.js'])
      expect((await fetch(`${bot.url}/inzicht/assets/${lib}`)).status).toBe(200);
    expect((await fetch(`${bot.url}/inzicht/assets/..%2Fpackage.json`)).status).toBe(404);
  });
});
