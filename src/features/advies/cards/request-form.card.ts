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
  return renderCard(template, {
    t: text.i18n.tree(text.locale, 'advies.form'),
    verb: adviesVerbs.submit,
    error: data.error ?? '',
    today: localDate(data.now, text.timeZone),
    values,
    kinds: requestKinds.map((k) => ({ title: text.t(`advies.kind.${k}`), value: k })),
    clusters: text.org.clusters.map((c) => ({ title: text.local(c.name), value: c.id })),
  });
}
