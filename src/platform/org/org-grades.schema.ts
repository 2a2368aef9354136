import { z } from 'zod';
import { baseLocale, type Locale } from '../i18n/locale';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'ids use letters, digits, . _ - (max 64)');
/** A short label per language: it is a choice on a form and a row in the figures. */
const label = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().trim().min(1).max(120));

const band = z
  .object({
    id,
    label,
    /** Scale only: the highest number in this band (bands in rising order, the last ends the scale). */
    upTo: z.number().int().optional(),
  })
  .strict();

const option = z.object({ id, label, band: id }).strict();

/**
 * How the organisation grades a vacancy (W&S requests) and folds the grades into bands for the panel's
 * figures: either a numeric `scale` (Rotterdam's functieschaal 1–18) whose bands end at `upTo`, or a
 * list of `options` (Gent's niveaus, Genova's aree), each in one band.
 */
export const gradesSchema = z
  .object({
    /** The field's name on the form and the request ("Functieschaal (fsk)", "Niveau", "Area"). */
    label,
    scale: z
      .object({ from: z.number().int().min(0).max(999), to: z.number().int().min(0).max(999) })
      .strict()
      .refine((s) => s.from <= s.to, 'from must not be above to')
      .optional(),
    options: z.array(option).min(1).max(40).optional(),
    bands: z.array(band).min(1).max(12),
  })
  .strict()
  .superRefine((g, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (!g.scale === !g.options) issue([], 'give either a numeric "scale" or a list of "options"');
    const dup = (ids: string[], path: string) =>
      ids.forEach((v, i) => {
        if (ids.indexOf(v) < i) issue([path, i, 'id'], `duplicate ${v}`);
      });
    dup(
      g.bands.map((b) => b.id),
      'bands',
    );
    dup(
      (g.options ?? []).map((o) => o.id),
      'options',
    );
    const bandIds = new Set(g.bands.map((b) => b.id));
    g.options?.forEach((o, i) => {
      if (!bandIds.has(o.band)) issue(['options', i, 'band'], `no band "${o.band}" in bands`);
    });
    if (g.options)
      g.bands.forEach((b, i) => {
        if (b.upTo !== undefined) issue(['bands', i, 'upTo'], 'only with a scale');
      });
    const scale = g.scale;
    if (!scale) return;
    let below = scale.from - 1;
    g.bands.forEach((b, i) => {
      if (b.upTo === undefined) issue(['bands', i, 'upTo'], 'required with a scale');
      else if (b.upTo <= below || b.upTo > scale.to)
        issue(['bands', i, 'upTo'], `must rise, between ${scale.from} and ${scale.to}`);
      below = b.upTo ?? below;
    });
    const last = g.bands.length - 1;
    if (g.bands[last]?.upTo !== undefined && g.bands[last].upTo !== scale.to)
      issue(['bands', last, 'upTo'], `the last band must end the scale (${scale.to})`);
  });

export type Grades = z.output<typeof gradesSchema>;

/** Every label of the grades in every offered language (Flemish may use the Dutch text). */
export function gradeTextProblems(
  g: Grades,
  languages: readonly Locale[],
): Array<{ path: (string | number)[]; message: string }> {
  const texts: Array<[(string | number)[], Record<string, string>]> = [
    [['label'], g.label],
    ...g.bands.map((b, i): [(string | number)[], Record<string, string>] => [['bands', i, 'label'], b.label]),
    ...(g.options ?? []).map((o, i): [(string | number)[], Record<string, string>] => [
      ['options', i, 'label'],
      o.label,
    ]),
  ];
  return texts.flatMap(([path, text]) =>
    languages
      .filter((l) => !text[l] && !text[baseLocale(l)])
      .map((l) => ({ path, message: `missing the text in "${l}"` })),
  );
}
