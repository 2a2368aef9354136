import type { TurnContext } from 'botbuilder';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction, onCommand } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import type { Actor } from '../../platform/org/organisation';
import { renderQueueCard } from './cards/queue.card';
import { renderRequestCard } from './cards/request.card';
import { renderRequestFormCard } from './cards/request-form.card';
import { renderVolunteerCard } from './cards/volunteer.card';
import type { AdviesDeps, AdviesModule } from './advies.module';
import { isOverdue } from './advies.rules';
import {
  answerPayload,
  followUpPayload,
  noPayload,
  requestRef,
  submitPayload,
  volunteerPayload,
} from './advies.schemas';
import { adviesVerbs as v } from './advies.verbs';

/**
 * Everyone's verbs: ask the panel (form, submit), see one's own requests, open a request, answer the
 * programmateam's question, say what was done with the advice, and volunteer ("ik doe mee").
 */
export function registerAdviesHandlers(app: PanelApp, deps: AdviesDeps, m: AdviesModule): void {
  const text = (actor: Actor) => CardText.for(deps, actor.locale);
  const opts = { personalOnly: true } as const;
  const form = async (actor: Actor) => renderRequestFormCard(text(actor), { now: deps.clock.now() });
  const view = async (actor: Actor, id: string, bannerKey?: string, params: Record<string, string> = {}) =>
    renderRequestCard(
      text(actor),
      await m.requests.view(actor, id, bannerKey ? text(actor).t(bannerKey, params) : undefined),
    );
  const mine = async (actor: Actor) => {
    const now = deps.clock.now();
    const items = (await m.requests.mine(actor)).map((request) => ({
      request,
      overdue: isOverdue(request, now),
    }));
    return renderQueueCard(text(actor), { mode: 'mine', items });
  };

  onCommand(
    app,
    deps,
    /^\s*(panel inschakelen|advies vragen|ask the panel|chiedi un parere)\s*$/i,
    form,
    opts,
  );
  onCommand(app, deps, /^\s*(mijn aanvragen|my requests|le mie richieste)\s*$/i, mine, opts);
  onCardAction(app, deps, v.newForm, noPayload, form, opts);
  onCardAction(app, deps, v.mine, noPayload, mine, opts);

  onCardAction(
    app,
    deps,
    v.submit,
    submitPayload,
    async (actor, input) => {
      const r = await m.requests.create(actor, input);
      return view(actor, r.id, 'advies.banner.received', { code: r.code });
    },
    {
      ...opts,
      // The form again, with what was typed and the reason, so nothing has to be typed twice.
      onError: async ({ error, actor, raw }) =>
        renderRequestFormCard(text(actor), {
          now: deps.clock.now(),
          values: (raw ?? {}) as Record<string, unknown>,
          error: text(actor).t(error.messageKey, error.params),
        }),
    },
  );

  onCardAction(app, deps, v.view, requestRef, (actor, p) => view(actor, p.requestId), opts);
  onCardAction(
    app,
    deps,
    v.answer,
    answerPayload,
    async (actor, p) => {
      await m.requests.answer(actor, p.requestId, p.answer);
      return view(actor, p.requestId, 'advies.banner.answered');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.followUp,
    followUpPayload,
    async (actor, p) => {
      await m.requests.followUp(actor, p.requestId, p.outcome, p.line);
      return view(actor, p.requestId, 'advies.banner.followedUp');
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.volunteer,
    volunteerPayload,
    async (actor, p, context: TurnContext) => {
      const result = await m.volunteers.volunteer(
        actor,
        p.requestId,
        p.shareName,
        context.activity.from?.name,
      );
      return renderVolunteerCard(text(actor), result);
    },
    opts,
  );
  onCardAction(
    app,
    deps,
    v.withdraw,
    requestRef,
    async (actor, p) => renderVolunteerCard(text(actor), await m.volunteers.withdraw(actor, p.requestId)),
    opts,
  );
}
