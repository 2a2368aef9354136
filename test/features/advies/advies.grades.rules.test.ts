import { periodFigures } from '../../../src/features/advies/advies.figures.rules';
import { bandOf, gradeFromForm } from '../../../src/features/advies/advies.grades.rules';
import type { RequestFigure } from '../../../src/features/advies/advies.types';
import { Organisation } from '../../../src/platform/org/organisation';

const rotterdam = Organisation.load('config/org.demo.json').adviesGrades!;
const gent = Organisation.load('config/org.gent.example.json').adviesGrades!;

const figure = (fskBand: string | undefined): RequestFigure => ({
  quarter: '2026-Q4',
  kind: 'ws',
  clusterId: 'a',
  unsolicited: false,
  outcome: 'advised',
  followUp: 'none',
  ...(fskBand ? { fskBand } : {}),
  joined: 1,
});

describe('advies grades: from the form to a band', () => {
  it("folds Rotterdam's fsk into today's bands, stored numbers included", () => {
    const bands = [1, 8, 9, 12, 13, 18].map((fsk) => bandOf(rotterdam, { fsk }));
    expect(bands).toEqual(['upTo8', 'upTo8', '9to12', '9to12', '13plus', '13plus']);
  });

  it("folds Gent's niveaus into its bands; a grade the file no longer has has no band", () => {
    expect(['A', 'B', 'C', 'E', 'X'].map((grade) => bandOf(gent, { grade }))).toEqual([
      'a-b',
      'a-b',
      'c-e',
      'c-e',
      undefined,
    ]);
    expect(bandOf(undefined, { fsk: 11 })).toBeUndefined();
  });

  it('takes only what the organisation offers', () => {
    expect(gradeFromForm(rotterdam, { fsk: 11, grade: 'B' }, 'fsk')).toEqual({ fsk: 11 });
    expect(gradeFromForm(rotterdam, {}, 'fsk')).toBe('missing');
    expect(() => gradeFromForm(rotterdam, { fsk: 0 }, 'fsk')).toThrow('ADVIES.GRADE_OUT_OF_SCALE');
    expect(gradeFromForm(gent, { grade: 'B', fsk: 11 }, 'Niveau')).toEqual({ grade: 'B' });
    expect(gradeFromForm(gent, { fsk: 11 }, 'Niveau')).toBe('missing');
    expect(() => gradeFromForm(gent, { grade: 'b' }, 'Niveau')).toThrow('ADVIES.UNKNOWN_GRADE');
    expect(gradeFromForm(undefined, { fsk: 11 }, '')).toEqual({});
  });

  it("lists W&S rows in the file's band order, then bands it no longer has, then none", () => {
    const many = [figure('c-e'), figure('old'), figure(undefined), figure('a-b'), figure('c-e')];
    const [period] = periodFigures(many, ['a'], 'quarter', ['a-b', 'c-e']);
    expect(period?.wsJoined?.map((r) => r.key)).toEqual(['a|a-b', 'a|c-e', 'a|old', 'a|']);
  });
});
