import { z } from 'zod';

/**
 * Question sets: the shipped templates (templates/*.json) and the sets the DIG office edits in Teams
 * are validated by the same schema, so a bad template fails the start, not a round.
 */
export const questionId = z.string().regex(/^[a-z0-9-]{1,40}$/, 'question ids use a-z, 0-9 and -');
export const ANSWER_MAX = 4000;

export const bilingual = z.object({
  nl: z.string().trim().min(1).max(1000),
  en: z.string().trim().min(1).max(1000),
  it: z.string().trim().min(1).max(1000).optional(),
  'nl-BE': z.string().trim().min(1).max(1000).optional(),
});
export type Bilingual = z.infer<typeof bilingual>;

const textQuestion = z.object({
  id: questionId,
  kind: z.literal('text'),
  text: bilingual,
  maxLength: z.number().int().min(1).max(ANSWER_MAX).default(ANSWER_MAX),
});

/** Multi-select over the organisation's doorbraken plus a "why" text. */
const doorbrakenQuestion = z.object({
  id: questionId,
  kind: z.literal('doorbraken'),
  text: bilingual,
  whyLabel: bilingual,
  maxLength: z.number().int().min(1).max(ANSWER_MAX).default(ANSWER_MAX),
});

const numberQuestion = z.object({
  id: questionId,
  kind: z.literal('number'),
  text: bilingual,
  unit: bilingual,
  min: z.number().default(0),
  max: z.number().default(1_000_000),
});

export const followUpQuestion = z.discriminatedUnion('kind', [
  textQuestion,
  doorbrakenQuestion,
  numberQuestion,
]);

/** Follow-ups are asked only when the answer is yes (checked on the server; the card shows them always). */
const yesNoQuestion = z.object({
  id: questionId,
  kind: z.literal('yesNo'),
  text: bilingual,
  followUps: z.array(followUpQuestion).max(5).default([]),
});

export const question = z.discriminatedUnion('kind', [
  textQuestion,
  doorbrakenQuestion,
  numberQuestion,
  yesNoQuestion,
]);

export const questionList = z
  .array(question)
  .min(1)
  .max(12)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    for (const q of qs.flatMap((x) => (x.kind === 'yesNo' ? [x, ...x.followUps] : [x]))) {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', message: `duplicate question id ${q.id}` });
      seen.add(q.id);
    }
  });

export const questionSetTemplate = z.object({
  $comment: z.string().optional(),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: bilingual,
  source: z.string().optional(),
  questions: questionList,
});

export type Question = z.output<typeof question>;
export type FollowUpQuestion = z.output<typeof followUpQuestion>;
export type QuestionKind = Question['kind'];
export type QuestionSetTemplate = z.output<typeof questionSetTemplate>;

/** Every question with its follow-ups after it, numbered "1", "2", "2a", "2b" as in the source documents. */
export function flattenQuestions(
  questions: readonly Question[],
): Array<{ q: Question; number: string; parentId?: string }> {
  return questions.flatMap((q, i) => [
    { q, number: String(i + 1) },
    ...(q.kind === 'yesNo'
      ? q.followUps.map((f, j) => ({
          q: f as Question,
          number: `${i + 1}${String.fromCharCode(97 + j)}`,
          parentId: q.id,
        }))
      : []),
  ]);
}
