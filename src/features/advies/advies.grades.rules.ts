import type { Grades } from '../../platform/org/org-grades.schema';
import { errors } from './advies.errors';
import type { WsDetails } from './advies.types';

type Grade = Pick<WsDetails, 'fsk' | 'grade'>;

/**
 * The grade a W&S form sent, checked against the organisation file: a number on its scale (`fsk`) or
 * one of its options (`grade`); 'missing' when not given. An unknown grade is refused, its field named
 * by `label` (the grades' label in the person's language). An organisation without grades asks none.
 */
export function gradeFromForm(grades: Grades | undefined, input: Grade, label: string): Grade | 'missing' {
  if (!grades) return {};
  if (grades.scale) {
    if (input.fsk === undefined) return 'missing';
    const { from, to } = grades.scale;
    if (input.fsk < from || input.fsk > to) throw errors.gradeOutOfScale({ label, from, to });
    return { fsk: input.fsk };
  }
  if (input.grade === undefined) return 'missing';
  if (!grades.options?.some((o) => o.id === input.grade)) throw errors.unknownGrade({ label });
  return { grade: input.grade };
}

/** The band id of a stored grade; undefined without grades or for a grade the file no longer has. */
export function bandOf(grades: Grades | undefined, ws: Grade): string | undefined {
  if (!grades) return undefined;
  if (grades.scale)
    return ws.fsk === undefined ? undefined : grades.bands.find((b) => ws.fsk! <= (b.upTo ?? -1))?.id;
  return grades.options?.find((o) => o.id === ws.grade)?.band;
}
