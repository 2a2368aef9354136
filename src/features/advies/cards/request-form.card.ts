import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import { localDate } from '../../../platform/local-time';
import { requestKinds } from '../advies.types';
import { adviesVerbs } from '../advies.verbs';
import template from './request-form.card.json';

/** What the person typed, to show the form again after a refusal (untrusted: only shown, never used). */
export type FormValues = Record<string, string>;

const FIELDS = [
  'kind',
  'subject',
  'clusterId',
  'ask',
  'deadline',
  'link',
  'vacancy',
  'fsk',
  'grade',
  'roundDates',
  'seats',
];

/** "Panel inschakelen": the request form, open to everyone; clusters come from the organisation file. */
export function renderRequestFormCard(
  text: CardText,
  data: { now: Date; values?: Record<string, unknown>; error?: string },
): AdaptiveCard {
  const values: FormValues = {};
  for (const f of FIELDS) {
    const v = data.values?.[f];
    values[f] = typeof v === 'string' || typeof v === 'number' ? String(v).slice(0, 4000) : '';
  }
  // A number input given "" shows 0 in Teams: an empty or non-number value leaves the field empty instead.
  const numbers = Object.fromEntries(
    (['fsk', 'seats'] as const).map((f) => [f, /^\d{1,3}$/.test(values[f] ?? '') ? Number(values[f]) : null]),
  );
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.form'),
    numbers,
    verb: adviesVerbs.submit,
    error: data.error ?? '',
    today: localDate(data.now, text.timeZone),
    values,
    kinds: requestKinds.map((k) => ({ title: text.t(`advies.kind.${k}`), value: k })),
    clusters: text.org.clusters.map((c) => ({ title: text.local(c.name), value: c.id })),
    grade: gradeInput(text),
  });
}

/** The organisation's grades as the form asks them: a number on its scale, a choice, or not at all. */
function gradeInput(text: CardText) {
  const g = text.org.adviesGrades;
  if (!g) return { kind: 'none' };
  const label = text.local(g.label);
  if (g.scale) return { kind: 'scale', label, from: g.scale.from, to: g.scale.to };
  const options = (g.options ?? []).map((o) => ({ title: text.local(o.label), value: o.id }));
  return { kind: 'options', label, options };
}
