import { z } from 'zod';
import { joinRoles } from './kernteam.types';

/** Every card and job payload of the kernteam feature; card data is untrusted. */

const formId = z.string().regex(/^[a-f0-9]{32}$/);
const docId = z.string().regex(/^[a-f0-9]{32}$/);
const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const optionalSlug = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined))
  .pipe(slug.optional());

export const signalLogPayload = z.object({
  formId,
  topic: slug,
  cluster: optionalSlug,
  text: z.string().trim().min(3).max(2000),
});
export type SignalLogPayload = z.infer<typeof signalLogPayload>;

export const signalStatusPayload = z.object({
  signalId: docId,
  status: z.enum(['inOnderzoek', 'afgesloten']),
});

/** Teams sends a multi-select ChoiceSet as "id1,id2". */
export const adviceRecordPayload = z.object({
  formId,
  signalIds: z
    .string()
    .max(33 * 50)
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(docId).min(1).max(50)),
  summary: z.string().trim().min(3).max(1000),
});
export type AdviceRecordPayload = z.infer<typeof adviceRecordPayload>;

export const agendaAddPayload = z.object({ formId, text: z.string().trim().min(3).max(500) });

export const joinSubmitPayload = z.object({
  formId,
  role: z.enum(joinRoles),
  motivation: z.string().trim().min(3).max(1000),
});
export type JoinSubmitPayload = z.infer<typeof joinSubmitPayload>;

export const joinAnswerPayload = z.object({ requestId: docId, answer: z.enum(['accept', 'decline']) });

export const emptyPayload = z.object({}).passthrough();

export const sendAgendaJob = z.object({ meetingDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export const expireSignalTextJob = z.object({ signalId: docId });
