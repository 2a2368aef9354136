import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import type { Locale } from '../../../platform/org/organisation';
import type { Poll } from '../polls.types';
import type { CreatePayload } from '../polls.schemas';
import { pollsVerbs } from '../polls.verbs';
import type { CardContext } from './poll.card';
import { questionOf } from './poll-text';
import createTemplate from './create.card.json';
import listTemplate from './list.card.json';

export interface CreateFormOptions {
  channels: Array<{ key: string; title: string }>;
  networkIds: string[];
  now: Date;
  /** Re-shown after an expected failure, with what the person typed (and the same form id). */
  values?: Partial<CreatePayload>;
  error?: string;
}

/** The `peiling` form. Its formId makes the create idempotent (Teams retries, double clicks). */
export function renderCreateCard(ctx: CardContext, locale: Locale, options: CreateFormOptions): AdaptiveCard {
  const zone = ctx.org.data.organisation.timeZone;
  const today = DateTime.fromJSDate(options.now).setZone(zone);
  const v = options.values ?? {};
  return renderCard(createTemplate, {
    t: ctx.i18n.tree(locale, 'polls.create'),
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
    networks: options.networkIds.map((id) => {
      const network = ctx.org.data.networks.find((n) => n.id === id);
      return { id, title: ctx.org.text(network?.name, locale) };
    }),
    verb: pollsVerbs.create,
    data: { formId: v.formId ?? randomBytes(16).toString('hex') },
  });
}

export function pollTitle(ctx: CardContext, poll: Poll, locale: Locale): string {
  return escapeUserText(poll.source ? `${poll.source.title}` : questionOf(poll, ctx.i18n, locale));
}

/** `peilingen`: the polls this person may see results of, each with a results button. */
export function renderListCard(
  ctx: CardContext,
  locale: Locale,
  polls: Array<{ poll: Poll; answered: number }>,
  options: { canCreate: boolean; notice?: string },
): AdaptiveCard {
  const zone = ctx.org.data.organisation.timeZone;
  const t = (key: string, params?: Record<string, string | number>) => ctx.i18n.t(locale, `polls.list.${key}`, params);
  return renderCard(listTemplate, {
    t: ctx.i18n.tree(locale, 'polls.list'),
    notice: options.notice ?? '',
    polls: polls.map(({ poll, answered }) => ({
      title: pollTitle(ctx, poll, locale),
      status: t('status', { status: poll.status === 'closed' ? t('closed') : t('open', { when: formatWhen(poll.closesAt, locale, zone) }), count: answered }),
      button: t('results'),
      verb: pollsVerbs.results,
      data: { pollId: poll.pollId },
    })),
    canCreate: options.canCreate,
    newVerb: pollsVerbs.createForm,
  });
}
