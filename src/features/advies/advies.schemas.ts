import { z } from 'zod';
import { followUpOutcomes, requestKinds } from './advies.types';

/** Card data is untrusted: every payload is parsed here before a service sees it. */
const requestId = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
/** An empty input arrives as '' (or is missing): both mean "not given". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => s || undefined);
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/);
/** Input.Number and Input.Text both arrive as strings in Teams. */
const optionalInt = (min: number, max: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: 'out of range' });
        return z.NEVER;
      }
      return n;
    });

export const requestRef = z.object({ requestId });

export const submitPayload = z.object({
  kind: z.enum(requestKinds),
  subject: text(200),
  clusterId: text(64),
  ask: text(2000),
  deadline: date,
  link: optionalText(500),
  vacancy: optionalText(200),
  /** A number on the organisation's scale, or an option's id: checked against the file by the service. */
  fsk: optionalInt(0, 999),
  grade: optionalText(64),
  roundDates: optionalText(200),
  seats: optionalInt(1, 10),
});
export type SubmitInput = z.output<typeof submitPayload>;

export const acceptPayload = requestRef.extend({ takenBy: z.string().trim().uuid() });
export const declinePayload = requestRef.extend({ reason: text(1000) });
export const askPayload = requestRef.extend({ question: text(1000) });
export const answerPayload = requestRef.extend({ answer: text(2000) });
export const deadlinePayload = requestRef.extend({ deadline: date });
/** Input.Toggle sends 'true' / 'false' as strings. */
export const volunteerPayload = requestRef.extend({
  shareName: z
    .union([z.literal('true'), z.literal('false'), z.boolean()])
    .optional()
    .transform((v) => v === true || v === 'true'),
});
export const advisePayload = requestRef.extend({ summary: text(4000), link: optionalText(500) });
export const followUpPayload = requestRef.extend({ outcome: z.enum(followUpOutcomes), line: text(500) });
export const unsolicitedPayload = z.object({
  addresseeId: z.string().trim().uuid(),
  subject: text(200),
  clusterId: text(64),
  summary: text(4000),
  link: optionalText(500),
});
export type UnsolicitedInput = z.output<typeof unsolicitedPayload>;
export const figuresPayload = z.object({ period: z.enum(['quarter', 'year']).default('quarter') });
export const noPayload = z.object({}).passthrough();

export const followUpJob = z.object({ requestId });
