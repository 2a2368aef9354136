import type { CardText } from '../../../platform/card-text';
import { escapeUserText, renderCard, type AdaptiveCard } from '../../../platform/cards';
import { signalLine } from '../kernteam.format';
import type { Advice, Signal } from '../kernteam.types';
import template from './signals.card.json';

export interface SignalsCardData {
  signals: Signal[];
  /** Advice by id, for the summary under a signal that has it. */
  advice: ReadonlyMap<string, Advice>;
  notice?: string;
  showFigures: boolean;
}

/** `signalen`: every signal with its status and the next steps; the free text only while it exists. */
export function renderSignalsCard(text: CardText, data: SignalsCardData): AdaptiveCard {
  const t = (key: string, params?: Record<string, string | number>) =>
    text.t(`kernteam.signals.${key}`, params);
  // Buttons name their signal: with several signals, a screen reader's list of buttons says which is which.
  const buttonsOf = (s: Signal) => [
    ...(s.status === 'ontvangen'
      ? [{ title: t('investigate', { code: s.code }), data: { signalId: s.signalId, status: 'inOnderzoek' } }]
      : []),
    ...(s.status !== 'afgesloten'
      ? [{ title: t('close', { code: s.code }), data: { signalId: s.signalId, status: 'afgesloten' } }]
      : []),
  ];
  return renderCard(template, {
    title: t('title'),
    notice: data.notice ?? '',
    empty: t('empty'),
    signals: data.signals.map((s) => {
      const advice = s.adviceId ? data.advice.get(s.adviceId) : undefined;
      return {
        code: s.code,
        line: signalLine(text, s),
        text: s.text !== undefined ? escapeUserText(s.text) : s.textDeletedAt ? t('textGone') : '',
        advice: advice ? t('adviceLine', { summary: escapeUserText(advice.summary) }) : '',
        buttons: buttonsOf(s),
      };
    }),
    newTitle: t('new'),
    adviceTitle: t('advice'),
    figuresTitle: data.showFigures ? t('figures') : '',
  });
}
