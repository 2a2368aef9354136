import { actorOf, errorCard } from '../../platform/bot/turn';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import { renderAnswerCard } from './cards/answer.card';
import { renderMineCard } from './cards/setup.card';
import { act, parsePayload, replyForClicker, wordsFor } from './common.handlers';
import type { SheetView } from './sturingsgesprek.sheet-view.rules';
import { answerPayload, deputyPayload, sheetRef } from './sturingsgesprek.schemas';
import type { SturingsgesprekServices } from './sturingsgesprek.module';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/** The director's (or deputy's) card: view/refresh, save draft, submit, name or remove a deputy. */
export function registerAnsweringHandlers(app: PanelApp, deps: AppDeps, s: SturingsgesprekServices): void {
  const route = (verb: string, work: (data: unknown, actor: ReturnType<typeof actorOf>) => Promise<SheetView>) =>
    app.adaptiveCards.actionExecute(verb, async (context, _state, data) => {
      const actor = actorOf(context, deps);
      let card: AdaptiveCard;
      try {
        card = renderAnswerCard(wordsFor(deps, actor), await work(data, actor));
      } catch (err) {
        if (!isAppError(err)) throw err;
        card = errorCard(deps, actor.locale, err);
      }
      return replyForClicker(context, card);
    });

  // Also the card's automatic refresh in Teams: opening the card counts as "opened".
  route(v.view, async (data, actor) => {
    const p = parsePayload(sheetRef, data);
    if (!p) throw commonErrors.invalidInput();
    return s.answering.view(actor, p.roundId, p.unitId, { markOpened: true });
  });

  for (const [verb, mode] of [
    [v.saveDraft, 'draft'],
    [v.submit, 'submit'],
  ] as const) {
    route(verb, async (data, actor) => {
      const p = parsePayload(answerPayload, data);
      if (!p) throw commonErrors.invalidInput();
      return s.answering.save(actor, mode, { roundId: p.roundId, unitId: p.unitId, revision: p.revision, raw: p });
    });
  }

  route(v.setDeputy, async (data, actor) => {
    const p = parsePayload(deputyPayload, data);
    if (!p?.deputyId) throw commonErrors.invalidInput();
    return s.answering.setDeputy(actor, { roundId: p.roundId, unitId: p.unitId, deputyId: p.deputyId, raw: p });
  });

  route(v.removeDeputy, async (data, actor) => {
    const p = parsePayload(deputyPayload, data);
    if (!p) throw commonErrors.invalidInput();
    return s.answering.setDeputy(actor, { roundId: p.roundId, unitId: p.unitId, deputyId: undefined, raw: p });
  });

  app.adaptiveCards.actionExecute(v.mine, async (context) =>
    act(context, deps, async (actor, w) => {
      const mine = await s.answering.mine(actor);
      if (mine.length !== 1) return renderMineCard(w, mine);
      return replyForClicker(context, renderAnswerCard(w, await s.answering.view(actor, mine[0].round.roundId, mine[0].unit.unitId, { markOpened: true })));
    }),
  );
}
