import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import type { CardText } from '../../../platform/card-text';
import { renderCard, type AdaptiveCard } from '../../../platform/cards';
import type { CreatePayload } from '../polls.schemas';
import { pollsVerbs } from '../polls.verbs';
import createTemplate from './create.card.json';

export interface CreateFormOptions {
  channels: Array<{ key: string; title: string }>;
  networkIds: string[];
  now: Date;
  /** Re-shown after an expected failure, with what the person typed (and the same form id). */
  values?: Partial<CreatePayload>;
  error?: string;
}

/** The `peiling` form. Its formId makes the create idempotent (Teams retries, double clicks). */
export function renderCreateCard(text: CardText, options: CreateFormOptions): AdaptiveCard {
  const today = DateTime.fromJSDate(options.now).setZone(text.timeZone);
  const v = options.values ?? {};
  return renderCard(createTemplate, {
    t: text.i18n.tree(text.locale, 'polls.create'),
    error: options.error ?? '',
    values: {
      question: v.question ?? '',
      kind: v.kind ?? 'single',
      options: v.options ?? '',
      anonymous: v.anonymous ?? 'yes',
      channel: v.channel ?? '',
      networks: v.networks ?? '',
      closesDate: v.closesDate ?? today.plus({ days: 7 }).toISODate(),
      closesTime: v.closesTime ?? '17:00',
    },
    minDate: today.toISODate(),
    channels: options.channels.map((c) => ({ key: c.key, title: c.title })),
    networks: options.networkIds.map((id) => ({ id, title: text.local(text.org.network(id)?.name) })),
    verb: pollsVerbs.create,
    data: { formId: v.formId ?? randomBytes(16).toString('hex') },
  });
}
