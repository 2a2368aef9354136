import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderFiguresCard } from './cards/figures.card';
import { renderQueueCard } from './cards/queue.card';
import { renderRequestCard } from './cards/request.card';
import { renderUnsolicitedFormCard } from './cards/unsolicited-form.card';
import { assertProgrammateam } from './advies.access';
import type { AdviesDeps, AdviesModule } from './advies.module';
import {
  acceptPayload,
  advisePayload,
  askPayload,
  deadlinePayload,
  declinePayload,
  figuresPayload,
  noPayload,
  unsolicitedPayload,
} from './advies.schemas';
import { adviesFiles, adviesVerbs as v } from './advies.verbs';

/**
 * The panel's verbs: the programmateam's queue and triage, advice (programmateam or the kernteamlid who
 * took the request), unsolicited advice and the figures. Every service checks the role again.
 */
export function registerAdviesTriageHandlers(app: PanelApp, deps: AdviesDeps, m: AdviesModule): void {
  const text = (actor: Actor) => CardText.for(deps, actor.locale);
  const opts = { personalOnly: true } as const;
  const view = async (actor: Actor, id: string, bannerKey: string) =>
    renderRequestCard(text(actor), await m.requests.view(actor, id, text(actor).t(bannerKey)));
  const queue = async (actor: Actor) =>
    renderQueueCard(text(actor), { mode: 'queue', items: await m.triage.queue(actor) });
  const figures = async (actor: Actor, by: 'quarter' | 'year') => {
    const periods = await m.figures.figures(actor, by);
    const csvUrl = deps.downloads.link(adviesFiles.figuresCsv, `${by}.${actor.locale}`, actor.aadObjectId);
    return renderFiguresCard(text(actor), { by, periods, csvUrl });
  };

  onCommand(app, deps, /^\s*(adviesaanvragen|advice requests|richieste di parere)\s*$/i, queue, opts);
  onCommand(
    app,
    deps,
    /^\s*(advies cijfers|advice figures|dati pareri)\s*$/i,
    (actor) => figures(actor, 'quarter'),
    opts,
  );
  onCardAction(app, deps, v.queue, noPayload, queue, opts);
  onCardAction(app, deps, v.figures, figuresPayload, (actor, p) => figures(actor, p.period), opts);

  onCardAction(
    app,
    deps,
    v.accept,
    acceptPayload,
    async (actor, p) => {
      await m.triage.accept(actor, p.requestId, p.takenBy);
      return view(actor, p.requestId, 'advies.banner.accepted');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.decline,
    declinePayload,
    async (actor, p) => {
      await m.triage.decline(actor, p.requestId, p.reason);
      return view(actor, p.requestId, 'advies.banner.declined');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.ask,
    askPayload,
    async (actor, p) => {
      await m.triage.ask(actor, p.requestId, p.question);
      return view(actor, p.requestId, 'advies.banner.asked');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.setDeadline,
    deadlinePayload,
    async (actor, p) => {
      await m.triage.setDeadline(actor, p.requestId, p.deadline);
      return view(actor, p.requestId, 'advies.banner.deadlineMoved');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.advise,
    advisePayload,
    async (actor, p) => {
      await m.advice.advise(actor, p.requestId, p.summary, p.link);
      return view(actor, p.requestId, 'advies.banner.advised');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.unsolicitedForm,
    noPayload,
    async (actor) => {
      assertProgrammateam(actor);
      return renderUnsolicitedFormCard(text(actor), actor.aadObjectId);
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.unsolicited,
    unsolicitedPayload,
    async (actor, p) => {
      const r = await m.advice.unsolicited(actor, p);
      return view(actor, r.id, 'advies.banner.unsolicited');
    },
    opts,
  );
}
