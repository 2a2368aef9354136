/**
 * Generates docs/examples/sturingsgesprek-report.{md,csv}: the compiled report of a demo round with the
 * demo organisation's 7 clusters, made by the real feature code (round from the Kwartaal 1 template,
 * confirm, answers through the answering service, deadline job, report) on an in-memory store.
 * The answers are fictional. Run: npx tsx scripts/example-report.ts
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { reportCsv, reportMarkdown } from '../src/features/sturingsgesprek/sturingsgesprek.report.format';
import { reportDocx } from '../src/features/sturingsgesprek/sturingsgesprek.report-docx.format';
import { createSturingsgesprekModule } from '../src/features/sturingsgesprek/sturingsgesprek.module';
import { CardText } from '../src/platform/card-text';
import { ManualClock } from '../src/platform/clock';
import { silentLogger } from '../src/platform/logger';
import { Organisation } from '../src/platform/org/organisation';
import { createRuntime } from '../src/runtime';
import { SqliteDocumentStore } from '../src/storage/sqlite-store';

const id = (n: string) => `7a11e1b0-0000-4000-8000-0000000000${n}`;
const who = {
  bram: id('0b'), // Dienstverlening
  fatima: id('0c'), // Maatschappelijke Ontwikkeling
  jeroen: id('0d'), // Stadsontwikkeling
  eva: id('0e'), // Stadsbeheer
  kofi: id('0f'), // Werk en Inkomen
  ingrid: id('10'), // Bestuursdienst
  tim: id('11'), // Concernstaf
  lotte: id('08'), // Eva's deputy in the second round
  ravi: id('07'), // DIG Office
  mila: id('06'), // gemeentesecretaris
};

interface K1 {
  prioriteit: string[];
  why: string;
  weerstand: 'yes' | 'no';
  welke?: string[];
  welkeWhy?: string;
  helpen?: string;
}

const inputs = (a: K1) => ({
  'a_k1-prioriteit': a.prioriteit.join(','),
  'a_k1-prioriteit_why': a.why,
  'a_k1-weerstand': a.weerstand,
  'a_k1-weerstand-welke': (a.welke ?? []).join(','),
  'a_k1-weerstand-welke_why': a.welkeWhy ?? '',
  'a_k1-weerstand-helpen': a.helpen ?? '',
});

// Fictional answers. January: six of seven clusters answered.
const january: Array<[keyof typeof who, K1]> = [
  [
    'bram',
    {
      prioriteit: ['db-01', 'db-02'],
      why: 'Onze teamleiders staan het dichtst bij de balie en bij de collega’s.\nWerving loopt via veel tijdelijke contracten; daar willen we objectiever selecteren.',
      weerstand: 'no',
    },
  ],
  [
    'fatima',
    {
      prioriteit: ['db-02', 'db-03'],
      why: 'We werven dit jaar veel nieuwe collega’s voor de wijkteams.\nHet Inclusiviteitspanel denkt mee over de selectieprocedures.',
      weerstand: 'yes',
      welke: ['db-02'],
      welkeWhy: 'Selectiecommissies ervaren het gestructureerde interview als extra werk.',
      helpen: 'Een korte training voor commissieleden en een vast interviewformat.',
    },
  ],
  [
    'jeroen',
    {
      prioriteit: ['db-01'],
      why: 'Inclusief leiderschap eerst: zonder veilige teams komen de andere doorbraken niet van de grond.',
      weerstand: 'no',
    },
  ],
  [
    'eva',
    {
      prioriteit: ['db-01', 'db-04'],
      why: 'Leidinggevenden in de buitendienst hebben weinig tijd voor training; het DIG Office helpt ons met een aanbod op locatie.',
      weerstand: 'yes',
      welke: ['db-01'],
      welkeWhy: 'Sommige ploegleiders zien de training als iets voor kantoorfuncties.',
      helpen: 'Training op de werf, in werktijd, met voorbeelden uit de eigen praktijk.',
    },
  ],
  [
    'kofi',
    {
      prioriteit: ['db-02'],
      why: 'Werk en Inkomen wil een afspiegeling zijn van de Rotterdammers die we helpen.',
      weerstand: 'no',
    },
  ],
  [
    'ingrid',
    {
      prioriteit: ['db-04', 'db-01'],
      why: 'Als Bestuursdienst geven we het voorbeeld.\nHet DIG Office is bij ons ondergebracht; we willen dat het adviserend blijft en niet alles zelf gaat doen.',
      weerstand: 'no',
    },
  ],
];

// May: Concernstaf does not answer; Eva's deputy answers for Stadsbeheer.
const may: Array<[keyof typeof who, K1]> = [
  [
    'bram',
    {
      prioriteit: ['db-01', 'db-02'],
      why: 'We houden vast aan dezelfde twee doorbraken.\n\nSinds januari hebben alle teamleiders de eerste module inclusief leiderschap gevolgd. Bij de werving voor het KCC gebruiken we nu een vast interviewformat.',
      weerstand: 'no',
    },
  ],
  [
    'fatima',
    {
      prioriteit: ['db-02', 'db-03'],
      why: 'Ongewijzigd; het panel heeft inmiddels bij vier procedures meegekeken.',
      weerstand: 'yes',
      welke: ['db-02'],
      welkeWhy:
        'De weerstand is kleiner geworden, maar bij spoedvacatures wordt het format nog overgeslagen.',
      helpen: 'Een snelle variant van het format voor spoedvacatures.',
    },
  ],
  [
    'jeroen',
    {
      prioriteit: ['db-01', 'db-03'],
      why: 'Naast leiderschap nu ook de netwerken: collega’s van Jong’R denken mee over de nieuwe teamindeling.',
      weerstand: 'no',
    },
  ],
  [
    'lotte',
    {
      prioriteit: ['db-01'],
      why: 'De training op de werf is gestart; drie van de vijf ploegen hebben hem gevolgd.',
      weerstand: 'yes',
      welke: ['db-01'],
      welkeWhy: 'Nog steeds twijfel bij een paar ploegleiders over het nut.',
      helpen: 'Ploegleiders die de training al volgden, laten vertellen wat het hen opleverde.',
    },
  ],
  [
    'kofi',
    {
      prioriteit: ['db-02', 'db-04'],
      why: 'We hebben het DIG Office gevraagd om mee te kijken naar onze vacatureteksten.',
      weerstand: 'no',
    },
  ],
  [
    'ingrid',
    {
      prioriteit: ['db-04'],
      why: 'Focus op de rol van het DIG Office als adviseur van alle clusters.',
      weerstand: 'no',
    },
  ],
];

async function main(): Promise<void> {
  const clock = new ManualClock('2026-01-12T08:00:00Z');
  const dataDir = mkdtempSync(join(tmpdir(), 'sg-example-'));
  const org = Organisation.load('config/org.demo.json');
  const runtime = await createRuntime(
    loadConfig({ LOCAL_NO_AUTH: '1', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    {
      org,
      store: new SqliteDocumentStore(':memory:'),
      clock,
      logger: silentLogger(),
    },
  );
  const sg = createSturingsgesprekModule(runtime.deps);
  const actor = (key: keyof typeof who) => org.actor(who[key], 'nl');

  async function round(
    token: string,
    label: string,
    opensOn: string,
    deadlineOn: string,
    answers: Array<[keyof typeof who, K1]>,
  ) {
    const form = {
      token,
      setId: 'kwartaal-1',
      periodLabel: label,
      opensOn,
      opensTime: '09:00',
      deadlineOn,
      deadlineTime: '17:00',
      includeDepartments: false,
      reminderDays: [7, 2, 0],
    };
    const draft = await sg.rounds.save(actor('ravi'), form);
    await sg.rounds.confirm(actor('ravi'), draft.roundId);
    if (token.endsWith('mei'))
      await sg.answering.setDeputy(actor('eva'), {
        roundId: draft.roundId,
        unitId: 'stadsbeheer',
        deputyId: who.lotte,
        raw: {},
      });
    for (const [key, answer] of answers) {
      const unitId = org.clusters.find((c) => c.director === who[key])?.id ?? 'stadsbeheer';
      clock.advance(3_600_000);
      const view = await sg.answering.save(actor(key), 'submit', {
        roundId: draft.roundId,
        unitId,
        revision: 0,
        raw: inputs(answer),
      });
      if (view.banner !== 'submitted') throw new Error(`answer for ${unitId} not submitted: ${view.banner}`);
    }
    clock.set(`${deadlineOn}T15:00:00Z`);
    await runtime.delivery.scheduler.runDue(); // the deadline job closes the round
    return draft.roundId;
  }

  await round('demojan', 'Sturingsgesprek januari 2026 (demo)', '2026-01-12', '2026-01-30', january);
  clock.set('2026-05-11T07:00:00Z');
  const current = await round('demomei', 'Sturingsgesprek mei 2026 (demo)', '2026-05-11', '2026-05-29', may);
  const model = await sg.report.compile(actor('mila'), current);
  const words = CardText.for(runtime.deps, 'nl');
  const note =
    'Voorbeeld met de demo-organisatie (config/org.demo.json): alle namen en antwoorden zijn fictief. Doorbraken 5–11 zijn plaatshouders tot de officiële lijst uit het Intern actieplan DIG er is. Gemaakt met `npx tsx scripts/example-report.ts`.';
  mkdirSync('docs/examples', { recursive: true });
  writeFileSync('docs/examples/sturingsgesprek-report.md', reportMarkdown(words, model, note));
  writeFileSync('docs/examples/sturingsgesprek-report.csv', reportCsv(words, model));
  writeFileSync(
    'docs/examples/sturingsgesprek-report.docx',
    await reportDocx(words, model, note.replace(/`/g, '')),
  );
  await runtime.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.stdout.write(
    `wrote docs/examples/sturingsgesprek-report.md, .csv and .docx (${model.submitted.length}/${model.round.units.length} answered)\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
