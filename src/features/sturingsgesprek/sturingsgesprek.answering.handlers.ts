import { ActivityTypes, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { adaptiveCardContentType, type AdaptiveCard } from '../../platform/cards';
import type { Actor } from '../../platform/org/organisation';
import { renderAnswerCard } from './cards/answer.card';
import { renderMineCard } from './cards/setup.card';
import type { SturingsgesprekDeps, SturingsgesprekModule } from './sturingsgesprek.module';
import { answerPayload, deputyPayload, setDeputyPayload, sheetRef } from './sturingsgesprek.schemas';
import type { SheetView } from './sturingsgesprek.types';
import { sturingsgesprekVerbs as v } from './sturingsgesprek.verbs';

/**
 * Answers the invoke with the card for the clicker only. The answer card carries `refresh`, and
 * teams-ai would otherwise switch every later response to "update the message for everyone".
 */
export async function replyForClicker(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: adaptiveCardContentType, value: card } },
  });
  return card;
}

/** The director's (or deputy's) card: view/refresh, save draft, submit, name or remove a deputy. */
export function registerAnsweringHandlers(
  app: PanelApp,
  deps: SturingsgesprekDeps,
  s: SturingsgesprekModule,
): void {
  const forClicker = (context: TurnContext, actor: Actor, view: SheetView) =>
    replyForClicker(context, renderAnswerCard(CardText.for(deps, actor.locale), view));

  // Also the card's automatic refresh in Teams: opening the card counts as "opened".
  onCardAction(app, deps, v.view, sheetRef, async (actor, p, context) =>
    forClicker(context, actor, await s.answering.view(actor, p.roundId, p.unitId, { markOpened: true })),
  );

  for (const [verb, mode] of [
    [v.saveDraft, 'draft'],
    [v.submit, 'submit'],
  ] as const) {
    onCardAction(app, deps, verb, answerPayload, async (actor, p, context) => {
      const { roundId, unitId, revision } = p;
      return forClicker(
        context,
        actor,
        await s.answering.save(actor, mode, { roundId, unitId, revision, raw: p }),
      );
    });
  }

  onCardAction(app, deps, v.setDeputy, setDeputyPayload, async (actor, p, context) => {
    const { roundId, unitId, deputyId } = p;
    return forClicker(
      context,
      actor,
      await s.answering.setDeputy(actor, { roundId, unitId, deputyId, raw: p }),
    );
  });

  onCardAction(app, deps, v.removeDeputy, deputyPayload, async (actor, p, context) => {
    const { roundId, unitId } = p;
    return forClicker(
      context,
      actor,
      await s.answering.setDeputy(actor, { roundId, unitId, deputyId: undefined, raw: p }),
    );
  });

  onCardAction(app, deps, v.mine, z.unknown(), async (actor, _p, context) => {
    const mine = await s.answering.mine(actor);
    if (mine.length !== 1) return renderMineCard(CardText.for(deps, actor.locale), mine);
    const [{ round, unit }] = mine;
    return forClicker(
      context,
      actor,
      await s.answering.view(actor, round.roundId, unit.unitId, { markOpened: true }),
    );
  });
}
