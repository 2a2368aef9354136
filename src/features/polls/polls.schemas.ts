import { z } from 'zod';

/** Every card payload and job payload of the polls feature, validated before use. Inputs arrive as strings. */

export const pollId = z.string().regex(/^(sat|adhoc)-[A-Za-z0-9._-]{1,100}$/);
const optionalText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max));

export const pollRefPayload = z.object({ pollId });

export const answerPayload = z.object({
  pollId,
  /** A score "1".."5", an option index "2", or for multiple choice Teams' comma-separated "0,2". */
  answer: z.string().trim().min(1).max(200),
  comment: optionalText(1000),
});
export type AnswerPayload = z.infer<typeof answerPayload>;

export const createPayload = z.object({
  /** Set when the form was rendered; a retried or double-clicked submit creates one poll. */
  formId: z.string().regex(/^[a-f0-9]{32}$/),
  question: z.string().trim().min(3).max(300),
  kind: z.enum(['single', 'multiple', 'rating']),
  options: optionalText(2000),
  anonymous: z.enum(['yes', 'no']),
  channel: optionalText(400),
  networks: optionalText(2000),
  closesDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  closesTime: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : '17:00'))
    .pipe(z.string().regex(/^\d{2}:\d{2}$/)),
});
export type CreatePayload = z.infer<typeof createPayload>;

/** The close and remind jobs; the satisfaction job's schema is a contract in platform/contracts. */
export const pollJobPayload = z.object({ pollId, sweep: z.boolean().optional() });
export type PollJobPayload = z.infer<typeof pollJobPayload>;
