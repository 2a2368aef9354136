import { z } from 'zod';
import { closingOutcomes, contactChannels } from './contact.types';

/**
 * Card payloads (Action.Execute `data` with the card's input values merged in). Everything arrives
 * as strings; empty strings from unanswered optional inputs count as "not given".
 */
const caseId = z.string().trim().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);
/** An optional input: '' or absent means not given; otherwise trimmed and checked by `inner`. */
const optional = <T extends z.ZodTypeAny>(inner: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))
    .pipe(inner.optional());
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
export const MAX_MESSAGE = 2000;

export const caseRef = z.object({ caseId });

export const requestPayload = z.object({
  formId: z.string().trim().uuid(),
  identity: z.enum(['anonymous', 'named']),
  kernteamlid: optional(z.union([z.literal('any'), z.string().uuid()])).transform((v) =>
    v === 'any' ? undefined : v,
  ),
  topic: optional(z.union([z.literal('none'), id])).transform((v) => (v === 'none' ? undefined : v)),
  channel: z.enum(contactChannels),
  firstMessage: optional(z.string().max(MAX_MESSAGE)),
});

/** The request card echoes the first message it showed, so the picker's new view can still show it. */
export const pickUpPayload = z.object({ caseId, firstMessage: optional(z.string().max(MAX_MESSAGE)) });

export const sendPayload = z.object({
  caseId,
  replyId: z.string().trim().uuid(),
  message: text(MAX_MESSAGE),
  quoted: optional(z.string().max(MAX_MESSAGE)),
});

export const destinationPayload = z.object({ caseId, destination: id });

export const handoverPayload = z.object({ caseId, consent: z.enum(['yes', 'no']) });

export const closePayload = z.object({
  caseId,
  outcome: z.enum(closingOutcomes),
  destination: optional(z.union([z.literal('none'), id])).transform((v) => (v === 'none' ? undefined : v)),
});

export const availabilityPayload = z.object({
  available: z.enum(['true', 'false']).transform((v) => v === 'true'),
});

const caseCodeShape = /^[A-Za-z0-9]{4}$/;

/**
 * "#K7Q2 text" typed in a 1:1 chat: the case code, then the message (trimmed; undefined when only the
 * code was typed). Not a regular expression over the whole text: the old pattern backtracked
 * quadratically on "#ABCD" plus many spaces (finding 5). This reads each character a fixed number of times.
 */
export function parseCodedMessage(raw: string): { code: string; message?: string } | undefined {
  const text = raw.trim();
  if (text[0] !== '#') return undefined;
  const code = text.slice(1, 5);
  if (!caseCodeShape.test(code)) return undefined;
  const rest = text.slice(5);
  if (rest === '') return { code };
  if (rest.trimStart() === rest) return undefined; // "#ABCDE…": a longer word, not a code
  return { code, message: rest.trim() };
}

/** Both timed jobs (pick-up timeout, inactivity check) carry only the case id: no name, no text. */
export const caseJobPayload = z.object({ caseId: z.string().min(1).max(100) });
