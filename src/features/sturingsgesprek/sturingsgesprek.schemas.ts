import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { locales } from '../../platform/i18n/locale';
import { questionId } from './sturingsgesprek.question-set.schemas';

/**
 * Card payloads (Action.Execute data with the card's inputs merged in). Everything arrives as strings;
 * ids are checked for shape here and for existence and permission in the services.
 */
const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/);
const token = z.string().regex(/^[a-z0-9]{6,32}$/);
/** A fresh token for a card that creates something: a retried click carries the same one, so it creates once. */
export const newToken = () => randomBytes(8).toString('hex');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const bool = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const roundRef = z.object({ roundId: id });
export const sheetRef = z.object({ roundId: id, unitId: id });
export const answerPayload = sheetRef.extend({ revision: count(0, 1_000_000) }).passthrough();
export const deputyPayload = sheetRef.extend({ deputyId: z.string().trim().uuid().optional() }).passthrough();
/** Naming a deputy needs one; removing one ignores it. */
export const setDeputyPayload = deputyPayload.extend({ deputyId: z.string().trim().uuid() });
export const nudgePayload = z.object({ roundId: id, target: id, token });
export const reportPayload = z.object({ roundId: id, page: count(0, 100).default(0) });

export const reminderDays = z
  .string()
  .max(60)
  .transform((s, ctx) => {
    const parts = s
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map(Number);
    if (parts.some((n) => !Number.isInteger(n) || n < 0 || n > 60) || parts.length > 6) {
      ctx.addIssue({ code: 'custom', message: 'reminder days' });
      return z.NEVER;
    }
    return [...new Set(parts)].sort((a, b) => b - a);
  });

export const roundForm = z.object({
  roundId: id.optional(),
  token,
  setId: id,
  periodLabel: z.string().trim().min(1).max(80),
  opensOn: date,
  opensTime: time.default('09:00'),
  deadlineOn: date,
  deadlineTime: time.default('17:00'),
  includeDepartments: bool.default(false),
  reminderDays: reminderDays.default(''),
});
export type RoundForm = z.output<typeof roundForm>;

export const setCopyPayload = z.object({ sourceId: id, token });
export const setRef = z.object({ setId: id });

/**
 * An editor text field: `<field>_<language>`, where field is the set's name, a question (`q_<id>`), its
 * unit or label (`q_<id>_extra`), or the new question and its extra (`new`, `new_extra`).
 */
const editorField = new RegExp(`^(name|q_[a-z0-9-]+(_extra)?|new|new_extra)_(${locales.join('|')})$`);
export const setEditPayload = z
  .object({
    setId: id,
    revision: count(0, 1_000_000),
    op: z.enum(['save', 'remove', 'add']),
    questionId: questionId.optional(),
    new_kind: z.enum(['text', 'doorbraken', 'yesNo', 'number']).optional(),
    /** '_top' (not a possible question id) = a main question; else the yes/no question it follows. */
    new_parent: z.union([questionId, z.literal('_top'), z.literal('')]).optional(),
  })
  .passthrough()
  .transform((p, ctx) => {
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(p)) {
      if (!editorField.test(k)) continue;
      if (typeof v !== 'string' || v.length > 1000) {
        ctx.addIssue({ code: 'custom', message: 'text' });
        return z.NEVER;
      }
      texts[k] = v;
    }
    // The new question's texts are in `texts` (`new_<language>`); which are missing, the service says.
    const add =
      p.op === 'add' && p.new_kind
        ? {
            kind: p.new_kind,
            parentId: p.new_parent && p.new_parent !== '_top' ? p.new_parent : undefined,
          }
        : undefined;
    if (p.op === 'add' && !add) {
      ctx.addIssue({ code: 'custom', message: 'new question' });
      return z.NEVER;
    }
    if (p.op === 'remove' && !p.questionId) {
      ctx.addIssue({ code: 'custom', message: 'question id' });
      return z.NEVER;
    }
    return { setId: p.setId, revision: p.revision, op: p.op, questionId: p.questionId, texts, add };
  });
export type SetEdit = z.output<typeof setEditPayload>;

/** A doorbraak's title field on the card: `<prefix>_<language>`, languages as the org file writes them. */
const titleKey = /^(nl|nl-BE|en|it)$/;
const titleText = z.string().max(300);
function titlesFrom(p: Record<string, unknown>, prefix: string, ctx: z.RefinementCtx) {
  const titles: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) {
    if (!k.startsWith(prefix) || !titleKey.test(k.slice(prefix.length))) continue;
    const parsed = titleText.safeParse(v);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: 'title' });
      return undefined;
    }
    if (parsed.data.trim()) titles[k.slice(prefix.length)] = parsed.data.trim();
  }
  return titles;
}

const doorbraakId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
export const doorbraakRef = z.object({ doorbraakId });
export const doorbraakPriority = z.object({ doorbraakId, prioritised: bool });

/** Adding: `new_<lang>` titles (at least one, checked by the service) and whether it is prioritised. */
export const doorbraakAdd = z
  .object({ new_prioritised: bool.default(false) })
  .passthrough()
  .transform((p, ctx) => {
    const titles = titlesFrom(p, 'new_', ctx);
    return titles ? { titles, prioritised: p.new_prioritised } : z.NEVER;
  });

/** Renaming: the card's `t_<id>_<lang>` fields of that doorbraak; an empty one keeps its text. */
export const doorbraakRename = z
  .object({ doorbraakId })
  .passthrough()
  .transform((p, ctx) => {
    const titles = titlesFrom(p, `t_${p.doorbraakId}_`, ctx);
    return titles ? { doorbraakId: p.doorbraakId, titles } : z.NEVER;
  });

export const scheduleForm = z.object({
  mode: z.enum(['cadence3', 'cadence4', 'dates']),
  startDate: z.union([date, z.literal('')]).default(''),
  dates: z.string().max(400).default(''),
  setSequence: z.string().min(1).max(400),
  answerDays: count(1, 90),
  leadDays: count(0, 60),
  active: bool.default(true),
});
export type ScheduleForm = z.output<typeof scheduleForm>;

/** Scheduler job payloads (validated by the scheduler before the handler runs). */
export const roundJob = z.object({ roundId: z.string().min(1).max(100) });
export const reminderJob = roundJob.extend({ days: z.number().int().min(0).max(60) });
export const scheduleJob = z.object({ occurrence: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
