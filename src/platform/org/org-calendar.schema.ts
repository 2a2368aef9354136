import Holidays from 'date-holidays';
import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:mm (24:00 = end of day)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date yyyy-mm-dd');

/** Whether date-holidays knows this country (and region): checked once, when the file is loaded. */
export function holidayRegionProblem(country: string, region?: string): string | undefined {
  const lookup = new Holidays();
  const countries = lookup.getCountries() ?? {};
  if (!(country in countries))
    return `unknown holiday country '${country}' (use an ISO code such as NL, BE, IT)`;
  if (region === undefined) return undefined;
  const regions = lookup.getStates(country) ?? {};
  if (!(region in regions))
    return `unknown holiday region '${region}' for ${country} (known: ${Object.keys(regions).join(', ') || 'none'})`;
  return undefined;
}

/**
 * When the bot may send proactive messages that are not urgent, and how many per person (docs/calendar.md).
 * Times are in the organisation's `timeZone`. Without `holidays` no public holidays are closed.
 */
export const calendarSchema = z
  .object({
    /** ISO weekdays (1 = Monday … 7 = Sunday). */
    workingDays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    sendingWindow: z
      .object({ from: clockTime.default('08:00'), until: clockTime.default('18:00') })
      .refine((w) => w.from < w.until, 'sendingWindow.from must be before sendingWindow.until')
      .default({}),
    holidays: z
      .object({
        country: z.string().regex(/^[A-Z]{2}$/, 'an ISO country code such as NL'),
        region: z
          .string()
          .regex(/^[A-Z0-9]{1,3}$/, 'a region code such as VLG')
          .optional(),
      })
      .superRefine((h, ctx) => {
        const problem = holidayRegionProblem(h.country, h.region);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional(),
    extraClosedDays: z.array(isoDate).default([]),
    caps: z
      .object({
        perPersonPerDay: z.number().int().min(1).max(100).default(2),
        perPersonPerWeek: z.number().int().min(1).max(500).default(6),
      })
      .default({}),
  })
  .default({});

export type CalendarSettings = z.output<typeof calendarSchema>;
