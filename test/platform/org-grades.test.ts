import { readFileSync } from 'node:fs';
import { orgSchema } from '../../src/platform/org/org.schema';
import { Organisation, OrgFileError } from '../../src/platform/org/organisation';

type Raw = Record<string, unknown> & {
  organisation: { languages?: string[] };
  advies?: { grades?: Record<string, unknown> };
};
const raw = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Raw;

/** The problems `Organisation.parse` names, as `path: message`. */
function problems(org: Raw): string[] {
  try {
    Organisation.parse(org);
    return [];
  } catch (err) {
    return (err as OrgFileError).problems;
  }
}

const gent = () => raw('config/org.gent.example.json');
const grades = (org: Raw) =>
  org.advies!.grades as Record<string, unknown> & {
    label: Record<string, string>;
    options?: Array<{ id: string; band: string; label: Record<string, string> }>;
    bands: Array<{ id: string; upTo?: number; label: Record<string, string> }>;
    scale?: { from: number; to: number };
  };

describe('organisation file: advies.grades', () => {
  it("Rotterdam's demo file gives today's fsk bands and wording, byte for byte", () => {
    const g = Organisation.load('config/org.demo.json').adviesGrades!;
    expect(g.label).toEqual({ nl: 'Functieschaal (fsk)', en: 'Salary scale (fsk)' });
    expect(g.scale).toEqual({ from: 1, to: 18 });
    expect(g.bands).toEqual([
      { id: 'upTo8', upTo: 8, label: { nl: 'fsk 8 en lager', en: 'fsk 8 and below' } },
      { id: '9to12', upTo: 12, label: { nl: 'fsk 9 tot en met 12', en: 'fsk 9 to 12' } },
      { id: '13plus', upTo: 18, label: { nl: 'fsk 13 en hoger', en: 'fsk 13 and above' } },
    ]);
  });

  it('is required (a production file without it does not start); false asks no grade on purpose', () => {
    const org = raw('config/org.demo.json');
    delete org.advies;
    const problem = (file: Raw) => orgSchema.safeParse(file).error?.issues.map((i) => i.message);
    expect(problem(org)).toEqual([expect.stringContaining('needs "grades": say how vacancies are graded')]);
    org.advies = {} as Raw['advies'];
    expect(problem(org)).toEqual([expect.stringContaining('or false to ask no grade')]);
    org.advies = { grades: false } as unknown as Raw['advies'];
    expect(new Organisation(orgSchema.parse(org)).adviesGrades).toBeUndefined();
  });

  it('refuses an option whose band does not exist', () => {
    const org = gent();
    grades(org).options![1]!.band = 'b-only';
    expect(problems(org)).toEqual(['advies.grades.options.1.band: no band "b-only" in bands']);
  });

  it('refuses a label missing in an offered language, and Flemish may use the Dutch text', () => {
    const org = gent();
    delete grades(org).bands[0]!.label.en;
    expect(problems(org)).toEqual(['advies.grades.bands.0.label: missing the text in "en"']);
    const dutch = gent();
    const label = grades(dutch).label;
    grades(dutch).label = { nl: label['nl-BE']!, en: label.en! };
    expect(problems(dutch)).toEqual([]);
  });

  it('refuses both forms at once, or neither', () => {
    const both = gent();
    grades(both).scale = { from: 1, to: 5 };
    expect(problems(both)).toContain('advies.grades: give either a numeric "scale" or a list of "options"');
    const neither = gent();
    delete grades(neither).options;
    expect(problems(neither)).toContain(
      'advies.grades: give either a numeric "scale" or a list of "options"',
    );
  });

  it('refuses duplicate ids and a scale whose bands do not rise to its end', () => {
    const dup = gent();
    grades(dup).options![4]!.id = 'D';
    expect(problems(dup)).toEqual(['advies.grades.options.4.id: duplicate D']);
    const scale = raw('config/org.demo.json');
    grades(scale).bands[1]!.upTo = 20;
    grades(scale).bands[2]!.upTo = 17;
    expect(problems(scale)).toEqual([
      'advies.grades.bands.1.upTo: must rise, between 1 and 18',
      'advies.grades.bands.2.upTo: must rise, between 1 and 18',
      'advies.grades.bands.2.upTo: the last band must end the scale (18)',
    ]);
    const missing = raw('config/org.demo.json');
    delete grades(missing).bands[0]!.upTo;
    expect(problems(missing)).toEqual(['advies.grades.bands.0.upTo: required with a scale']);
  });
});
