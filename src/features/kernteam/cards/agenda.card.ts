import type { AgendaLine } from '../../../platform/agenda';
import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { formatWhen } from '../../../platform/i18n/format';
import { topicLabel } from '../kernteam.format';
import type { Meeting } from '../kernteam.meetings.rules';
import type { AgendaPoint, Signal } from '../kernteam.types';
import template from './agenda.card.json';

export interface AgendaCardData {
  meeting: Meeting;
  points: AgendaPoint[];
  overdueSignals?: Array<{ signal: Signal; days: number }>;
  lines?: AgendaLine[];
  failedSources?: number;
  /** The form's id; absent on the sent agenda (one card for many people opens a fresh form instead). */
  formId?: string;
  sent?: boolean;
  notice?: string;
}

/** The next kernteam meeting's agenda: points people added, and the automatic lines when compiled. */
export function renderAgendaCard(text: CardText, data: AgendaCardData): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) =>
    text.t(`kernteam.agenda.${key}`, params);
  const auto = [
    ...(data.overdueSignals ?? []).map(({ signal, days }) =>
      t('overdueLine', { code: signal.code, topic: topicLabel(text, signal.topic), days }),
    ),
    ...(data.lines ?? [])
      .filter((line) => text.i18n.has(line.messageKey))
      .map((line) => text.t(line.messageKey, line.params ?? {})),
  ];
  return renderCard(template, {
    title: t(data.sent ? 'sentTitle' : 'title'),
    meeting: t('meeting', { when: formatWhen(data.meeting.startsAt, text.locale, text.timeZone) }),
    notice: data.notice ?? '',
    pointsTitle: t('points', { count: data.points.length }),
    empty: t('empty'),
    points: data.points.map((p) => ({
      text: escapeUserText(p.text),
      by: t('by', { name: escapeUserText(text.person(p.addedByName)) }),
    })),
    autoTitle: t('autoTitle'),
    auto: auto.map((line) => ({ line })),
    failed: data.failedSources ? t('failedSources', { count: data.failedSources }) : '',
    formId: data.formId ?? '',
    addLabel: t('addLabel'),
    addError: t('addError'),
    addTitle: t('add'),
    openTitle: t('open'),
  });
}
