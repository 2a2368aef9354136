import { z } from 'zod';
import { flattenQuestions, type Bilingual, type Question } from './sturingsgesprek.question-set.schemas';
import type { Answer, Answers, Problem, RoundDoc } from './sturingsgesprek.types';

/**
 * Card inputs ⇄ answers. Pure functions: the card's input values arrive as untrusted strings, are
 * checked against the round's own questions and the organisation's doorbraken, and nothing else is kept.
 */
export const inputId = (questionId: string) => `a_${questionId}`;
export const whyInputId = (questionId: string) => `a_${questionId}_why`;

/** Answers are accepted while the round is open and the deadline has not passed (the close job may lag). */
export const acceptsAnswers = (round: RoundDoc, now: Date) =>
  round.status === 'open' && now.toISOString() < round.deadline;

const rawValue = z.union([z.string().max(20_000), z.number()]).optional();

/** Line breaks kept, Windows/Mac endings unified, control characters and outer whitespace removed. */
export function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .trim()
  );
}

export function readAnswers(
  questions: readonly Question[],
  raw: Record<string, unknown>,
  doorbraakIds: ReadonlySet<string>,
): { answers: Answers; problems: Problem[] } {
  const answers: Answers = {};
  const problems: Problem[] = [];
  const read = (key: string, questionId: string): string => {
    const parsed = rawValue.safeParse(raw[key]);
    if (!parsed.success) {
      problems.push({ questionId, code: 'invalid' });
      return '';
    }
    return parsed.data === undefined ? '' : normaliseText(String(parsed.data));
  };
  for (const { q } of flattenQuestions(questions)) {
    const value = read(inputId(q.id), q.id);
    if (q.kind === 'text') {
      if (value.length > q.maxLength)
        problems.push({ questionId: q.id, code: 'tooLong', params: { max: q.maxLength } });
      else if (value) answers[q.id] = { kind: 'text', text: value };
    } else if (q.kind === 'doorbraken') {
      const ids = [
        ...new Set(
          value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const why = read(whyInputId(q.id), q.id);
      if (ids.some((id) => !doorbraakIds.has(id)))
        problems.push({ questionId: q.id, code: 'unknownDoorbraak' });
      else if (why.length > q.maxLength)
        problems.push({ questionId: q.id, code: 'tooLong', params: { max: q.maxLength } });
      else if (ids.length || why) answers[q.id] = { kind: 'doorbraken', ids, why };
    } else if (q.kind === 'number') {
      if (!value) continue;
      const n = Number(value.replace(',', '.'));
      if (!Number.isFinite(n)) problems.push({ questionId: q.id, code: 'notANumber' });
      else if (n < q.min || n > q.max)
        problems.push({ questionId: q.id, code: 'outOfRange', params: { min: q.min, max: q.max } });
      else answers[q.id] = { kind: 'number', value: n };
    } else {
      if (value === 'yes' || value === 'no') answers[q.id] = { kind: 'yesNo', yes: value === 'yes' };
      else if (value) problems.push({ questionId: q.id, code: 'invalid' });
    }
  }
  for (const q of questions) {
    const a = answers[q.id];
    if (q.kind === 'yesNo' && a?.kind === 'yesNo' && !a.yes && q.followUps.some((f) => answers[f.id])) {
      problems.push({ questionId: q.id, code: 'followUpsWithNo' });
    }
  }
  return { answers, problems };
}

function complete(q: Question, a: Answer | undefined): boolean {
  if (!a) return false;
  if (a.kind === 'doorbraken') return a.ids.length > 0 && a.why.length > 0;
  return true;
}

/** What a submit still needs: every question, and the follow-ups of a question answered "yes". */
export function missingRequired(questions: readonly Question[], answers: Answers): Problem[] {
  const missing: Problem[] = [];
  for (const q of questions) {
    if (!complete(q, answers[q.id])) missing.push({ questionId: q.id, code: 'required' });
    const a = answers[q.id];
    if (q.kind === 'yesNo' && a?.kind === 'yesNo' && a.yes) {
      for (const f of q.followUps)
        if (!complete(f as Question, answers[f.id])) missing.push({ questionId: f.id, code: 'required' });
    }
  }
  return missing;
}

/** Key order does not matter: a retried click with the same answers is the same answer. */
export function sameAnswers(a: Answers, b: Answers): boolean {
  const canon = (x: Answers) =>
    JSON.stringify(
      Object.keys(x)
        .sort()
        .map((k) => [k, x[k]]),
    );
  return canon(a) === canon(b);
}

export interface AnswerWords {
  doorbraak: (id: string) => string;
  /** Picks the reader's language from a bilingual text. */
  pick: (text: Bilingual) => string;
  yes: string;
  no: string;
}

/** Plain text of an answer (no markup); callers escape it for where it goes. */
export function answerAsText(
  q: Question,
  a: Answer | undefined,
  words: AnswerWords,
  style: 'list' | 'inline' = 'list',
): string {
  if (!a) return '';
  switch (a.kind) {
    case 'text':
      return a.text;
    case 'number':
      return `${a.value} ${q.kind === 'number' ? words.pick(q.unit) : ''}`.trim();
    case 'yesNo':
      return a.yes ? words.yes : words.no;
    case 'doorbraken': {
      const chosen =
        style === 'list'
          ? a.ids.map((id) => `- ${words.doorbraak(id)}`).join('\n')
          : a.ids.map(words.doorbraak).join('; ');
      const why = a.why ? `${q.kind === 'doorbraken' ? words.pick(q.whyLabel) : ''}\n${a.why}`.trim() : '';
      return [chosen, why].filter(Boolean).join('\n\n');
    }
  }
}
