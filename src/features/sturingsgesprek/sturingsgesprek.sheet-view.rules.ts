import { inputId, whyInputId } from './sturingsgesprek.answers.rules';
import { flattenQuestions, type Question } from './sturingsgesprek.question-set.schemas';
import type { Answers, PreviousAnswer, RoundDoc, UnitSnapshot } from './sturingsgesprek.types';

/** The answer card's input values ⇄ stored answers, and the earlier answers shown beside them. */

export function answersToInputs(questions: readonly Question[], answers: Answers): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { q } of flattenQuestions(questions)) {
    const a = answers[q.id];
    if (!a) continue;
    if (a.kind === 'text') values[inputId(q.id)] = a.text;
    if (a.kind === 'number') values[inputId(q.id)] = String(a.value);
    if (a.kind === 'yesNo') values[inputId(q.id)] = a.yes ? 'yes' : 'no';
    if (a.kind === 'doorbraken') {
      values[inputId(q.id)] = a.ids.join(',');
      values[whyInputId(q.id)] = a.why;
    }
  }
  return values;
}

/** The card's own input values, exactly as typed, for re-showing an answer that was not saved. */
export function rawInputs(
  questions: readonly Question[],
  raw: Record<string, unknown>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { q } of flattenQuestions(questions)) {
    for (const key of [inputId(q.id), whyInputId(q.id)]) {
      const v = raw[key];
      if (typeof v === 'string' || typeof v === 'number') values[key] = String(v).slice(0, 20_000);
    }
  }
  return values;
}

export async function previousFor(
  questions: readonly Question[],
  unitId: string,
  lookup: { answerOf(questionId: string, unitId: string): Promise<PreviousAnswer | undefined> },
): Promise<Record<string, PreviousAnswer>> {
  const previous: Record<string, PreviousAnswer> = {};
  for (const { q } of flattenQuestions(questions)) {
    const p = await lookup.answerOf(q.id, unitId);
    if (p?.answer) previous[q.id] = p;
  }
  return previous;
}

export function unitOf(round: RoundDoc, unitId: string): UnitSnapshot | undefined {
  return round.units.find((u) => u.unitId === unitId);
}
