import { z } from 'zod';

/**
 * Card payloads of the networks feature. Everything arrives untrusted and (from Input.*) as strings;
 * failures carry a `networks.error.*` message key where a specific hint helps the coordinator.
 */

export const limits = { text: 2000, title: 150, place: 200, link: 500, maxCapacity: 10_000 } as const;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const networkIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
export const announcementIdSchema = z
  .string()
  .regex(/^nw-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

const toggle = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .optional()
  .transform((v) => v === true || v === 'true');

/** Only https, and only a plain URL: no credentials, no whitespace (it is shown as visible text). */
export const httpsUrl = z
  .string()
  .trim()
  .max(limits.link, 'networks.error.badLink')
  // One check that never throws: zod runs a refine even after `.url()` failed, and `new URL` would
  // then throw inside validation (a generic error instead of the field's message, finding 15a).
  .superRefine((u, ctx) => {
    const url = URL.canParse(u) ? new URL(u) : undefined;
    const plain = url?.protocol === 'https:' && !url.username && !url.password && !/\s/.test(u);
    if (!plain) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'networks.error.badLink' });
  });

const text = (max: number, tooLong: string) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .pipe(z.string().min(1, 'networks.error.textMissing').max(max, tooLong));

const capacity = z.preprocess(
  blankToUndefined,
  z.coerce
    .number()
    .int('networks.error.badCapacity')
    .min(1, 'networks.error.badCapacity')
    .max(limits.maxCapacity, 'networks.error.badCapacity')
    .optional(),
);

/** The editable content of an announcement (new, draft or correction). */
const contentShape = {
  text: text(limits.text, 'networks.error.textTooLong'),
  link: z.preprocess(blankToUndefined, httpsUrl.optional()),
  title: z.preprocess(blankToUndefined, text(limits.title, 'networks.error.titleTooLong').optional()),
  date: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'networks.error.badDateTime')
      .optional(),
  ),
  time: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{2}:\d{2}$/, 'networks.error.badDateTime')
      .optional(),
  ),
  place: z.preprocess(blankToUndefined, text(limits.place, 'networks.error.placeTooLong').optional()),
  capacity,
  rsvp: toggle,
};

type Content = z.infer<z.ZodObject<typeof contentShape>>;

function requireMeetupFields(kind: 'plain' | 'meetup', v: Content, ctx: z.RefinementCtx) {
  if (kind !== 'meetup') return;
  for (const field of ['title', 'date', 'time', 'place'] as const) {
    if (!v[field])
      ctx.addIssue({ code: 'custom', path: [field], message: 'networks.error.meetupFieldsMissing' });
  }
}

export const announcementFormSchema = z
  .object({
    announcementId: z.preprocess(blankToUndefined, announcementIdSchema.optional()),
    kind: z.enum(['plain', 'meetup']),
    networkId: networkIdSchema,
    toMembers: toggle,
    toChannel: toggle,
    ...contentShape,
  })
  .superRefine((v, ctx) => {
    requireMeetupFields(v.kind, v, ctx);
    if (!v.toMembers && !v.toChannel)
      ctx.addIssue({ code: 'custom', path: ['toMembers'], message: 'networks.error.noAudience' });
  });
export type AnnouncementForm = z.infer<typeof announcementFormSchema>;

export const correctionFormSchema = z
  .object({
    announcementId: announcementIdSchema,
    baseRevision: z.coerce.number().int().min(1),
    kind: z.enum(['plain', 'meetup']),
    ...contentShape,
  })
  .superRefine((v, ctx) => requireMeetupFields(v.kind, v, ctx));
export type CorrectionForm = z.infer<typeof correctionFormSchema>;

export const formRequestSchema = z.object({
  kind: z.enum(['plain', 'meetup']).default('plain'),
  networkId: networkIdSchema.optional(),
});

export const networkRefSchema = z.object({
  networkId: networkIdSchema,
  announcementId: announcementIdSchema.optional(),
});
/**
 * Pausing a network's announcements for a period. Cards sent before periods existed carry none: they
 * said "30 days", which is `month`.
 */
export const snoozeSchema = networkRefSchema.extend({
  period: z.enum(['week', 'month', 'untilOff']).default('month'),
});
export type SnoozePeriod = z.output<typeof snoozeSchema>['period'];
export const announcementRefSchema = z.object({ announcementId: announcementIdSchema });
export const retractSchema = z.object({
  announcementId: announcementIdSchema,
  confirm: z.literal('yes').optional(),
});
export const membersRequestSchema = z.object({
  networkId: networkIdSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** The job that enqueues a sent announcement (see AnnouncementService.deliver). */
export const announcementDeliveryJobSchema = z.object({
  announcementId: z.string().min(1),
  sentBy: z.string().min(1),
});
export type AnnouncementDeliveryPayload = z.infer<typeof announcementDeliveryJobSchema>;

/** The message key a failed parse should show: the first feature-specific one, else the common one. */
export function errorKeyOf(error: z.ZodError): string {
  const specific = error.issues.find((i) => i.message.startsWith('networks.error.'));
  return specific?.message ?? 'common.error.invalidInput';
}
