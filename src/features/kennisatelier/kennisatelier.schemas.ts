import { z } from 'zod';

/** Everything from a card arrives as strings (Input.* values) or is missing; trim, then bound. */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/);
const date = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z
  .string()
  .trim()
  .regex(/^\d{2}:\d{2}(:\d{2})?$/)
  .transform((v) => v.slice(0, 5));
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([z.literal('').transform(() => undefined), schema]).optional();
/** A multi-select ChoiceSet sends "a,b,c". */
const multi = z
  .string()
  .max(4000)
  .optional()
  .transform((v) =>
    v
      ? [
          ...new Set(
            v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ]
      : [],
  );

export const atelierRefSchema = z.object({ atelierId: id });

const detailsShape = {
  title: text(120),
  description: text(2000),
  date,
  start: time,
  end: time,
  room: optionalText(200),
  meetingUrl: optionalText(2000),
  capacity: z
    .union([z.string(), z.number()])
    .optional()
    .transform((v, ctx) => {
      const s = String(v ?? '').trim();
      if (s === '') return null;
      const n = Number(s);
      if (!Number.isInteger(n) || n < 0 || n > 100_000) {
        ctx.addIssue({ code: 'custom', message: 'capacity' });
        return z.NEVER;
      }
      return n;
    }),
  deadlineDate: optional(date),
  deadlineTime: optional(time),
};

/** The create form: `draftId` is made when the form is shown, so a retried submit creates one atelier. */
export const createAtelierSchema = z.object({
  draftId: id,
  ...detailsShape,
  channels: multi,
  networks: multi,
});

/** The edit form: the audience is fixed once published. */
export const saveAtelierSchema = z.object({ atelierId: id, ...detailsShape });

export const markAttendanceSchema = z.object({
  atelierId: id,
  attendees: multi,
  everyone: z
    .union([z.boolean(), z.enum(['true', 'false'])])
    .optional()
    .transform((v) => v === true || v === 'true'),
});

/** Every job of this feature names one atelier; the handler reads it fresh. */
export const atelierJobSchema = z.object({ atelierId: z.string().min(1).max(100) });

export type AtelierDetailsInput = z.output<typeof saveAtelierSchema>;
export type CreateAtelierInput = z.output<typeof createAtelierSchema>;
export type MarkAttendanceInput = z.output<typeof markAttendanceSchema>;
