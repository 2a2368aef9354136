import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderAdviceFormCard } from './cards/advice-form.card';
import { renderFiguresCard } from './cards/figures.card';
import { renderSignalFormCard } from './cards/signal-form.card';
import { renderSignalsCard } from './cards/signals.card';
import { isProgrammateam, requireKernteam } from './kernteam.access';
import { newFormId } from './kernteam.ids.rules';
import type { KernteamDeps, KernteamModule } from './kernteam.module';
import { adviceRecordPayload, emptyPayload, signalLogPayload, signalStatusPayload } from './kernteam.schemas';
import type { Advice } from './kernteam.types';
import { kernteamDownloads, kernteamVerbs } from './kernteam.verbs';

const personalOnly = { personalOnly: true };

/** Signals: log, follow up, bundle into advice; and the figures for the evaluation. */
export function registerSignalHandlers(app: PanelApp, deps: KernteamDeps, kernteam: KernteamModule): void {
  const textFor = (actor: Actor) => CardText.for(deps, actor.locale);

  const list = async (actor: Actor, notice?: string) => {
    const signals = await kernteam.signals.list(actor);
    const advice = new Map<string, Advice>();
    for (const id of new Set(signals.flatMap((s) => (s.adviceId ? [s.adviceId] : [])))) {
      const a = await kernteam.signals.advice(id);
      if (a) advice.set(id, a);
    }
    return renderSignalsCard(textFor(actor), {
      signals,
      advice,
      notice,
      showFigures: isProgrammateam(actor),
    });
  };
  const form = async (actor: Actor) => {
    requireKernteam(actor);
    return renderSignalFormCard(textFor(actor), newFormId());
  };

  onCommand(app, deps, /^\s*(signaal|signal|segnale|segnalazione)\s*$/i, form, personalOnly);
  onCommand(
    app,
    deps,
    /^\s*(signalen|signals|segnali|segnalazioni)\s*$/i,
    (actor) => list(actor),
    personalOnly,
  );
  onCardAction(app, deps, kernteamVerbs.signalForm, emptyPayload, form, personalOnly);
  onCardAction(app, deps, kernteamVerbs.signals, emptyPayload, (actor) => list(actor), personalOnly);

  onCardAction(
    app,
    deps,
    kernteamVerbs.signalLog,
    signalLogPayload,
    async (actor, input) => {
      const { signal } = await kernteam.signals.log(actor, input);
      return list(actor, textFor(actor).t('kernteam.signals.logged', { code: signal.code }));
    },
    {
      ...personalOnly,
      onError: async ({ error, actor, raw }) => {
        const formId = signalLogPayload.shape.formId.safeParse((raw as { formId?: unknown })?.formId);
        if (!formId.success || error.messageKey === 'common.error.forbidden') return undefined;
        const text = textFor(actor);
        return renderSignalFormCard(text, formId.data, text.t(error.messageKey, error.params));
      },
    },
  );

  onCardAction(
    app,
    deps,
    kernteamVerbs.signalStatus,
    signalStatusPayload,
    async (actor, input) => {
      const signal = await kernteam.signals.setStatus(actor, input.signalId, input.status);
      const status = textFor(actor).t(`kernteam.status.${signal.status}`);
      return list(actor, textFor(actor).t('kernteam.signals.updated', { code: signal.code, status }));
    },
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    kernteamVerbs.adviceForm,
    emptyPayload,
    async (actor) =>
      renderAdviceFormCard(textFor(actor), await kernteam.signals.openSignals(actor), newFormId()),
    personalOnly,
  );

  onCardAction(
    app,
    deps,
    kernteamVerbs.adviceRecord,
    adviceRecordPayload,
    async (actor, input) => {
      const advice = await kernteam.signals.recordAdvice(actor, input);
      const notice = textFor(actor).t('kernteam.signals.adviceRecorded', { count: advice.signalIds.length });
      return list(actor, notice);
    },
    personalOnly,
  );

  const figures = async (actor: Actor) => {
    const periods = await kernteam.figures.figures(actor);
    const url = deps.downloads.link(kernteamDownloads.figures, actor.locale, actor.aadObjectId);
    return renderFiguresCard(textFor(actor), periods, url);
  };
  onCommand(
    app,
    deps,
    /^\s*(signalen cijfers|signal figures|dati segnal(i|azioni))\s*$/i,
    figures,
    personalOnly,
  );
  onCardAction(app, deps, kernteamVerbs.figures, emptyPayload, figures, personalOnly);
}
