import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { actorOf, errorCard, noticeCard } from '../../platform/bot/turn';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AdaptiveCard } from '../../platform/cards';
import type { AppDeps } from '../../platform/deps';
import { isAppError } from '../../platform/errors';
import { isManager } from './sturingsgesprek.access';
import { renderAnswerCard } from './cards/answer.card';
import { t } from './sturingsgesprek.text.format';
import { renderOverviewCard } from './cards/manage.card';
import { renderScheduleCard, renderSetsCard, renderMineCard } from './cards/setup.card';
import { token, wordsFor } from './common.handlers';
import type { SturingsgesprekServices } from './sturingsgesprek.module';

const send = (context: TurnContext, card: AdaptiveCard) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));

/**
 * `sturingsgesprek` / `steering` [schema|schedule|vragen|sets]: the DIG office gets its overview (or the
 * schedule or the question sets); a director or deputy gets their open round card.
 */
export function registerCommandHandlers(app: PanelApp, deps: AppDeps, s: SturingsgesprekServices): void {
  app.message(/^\s*(sturingsgesprek|steering)(\s+\S+)?\s*$/i, async (context) => {
    const actor = actorOf(context, deps);
    const w = wordsFor(deps, actor);
    if (context.activity.conversation?.conversationType !== 'personal') {
      await send(context, noticeCard(t(w, 'command.personalOnly')));
      return;
    }
    const sub = (context.activity.text ?? '').trim().split(/\s+/)[1]?.toLowerCase();
    try {
      const mine = await s.answering.mine(actor);
      if (isManager(actor)) {
        if (sub === 'schema' || sub === 'schedule') await send(context, renderScheduleCard(w, { schedule: await s.schedule.get(actor), sets: await s.sets.list(actor) }));
        else if (sub === 'vragen' || sub === 'sets' || sub === 'questions') await send(context, renderSetsCard(w, await s.sets.list(actor), token()));
        else await send(context, renderOverviewCard(w, await s.rounds.overview(actor)));
        if (mine.length) await send(context, renderMineCard(w, mine));
        return;
      }
      if (mine.length === 1) {
        const view = await s.answering.view(actor, mine[0].round.roundId, mine[0].unit.unitId, { markOpened: true });
        await send(context, renderAnswerCard(w, view));
      } else if (mine.length > 1 || actor.roles.has('clusterdirecteur')) {
        await send(context, renderMineCard(w, mine));
      } else {
        await send(context, noticeCard(t(w, 'command.notForYou')));
      }
    } catch (err) {
      if (!isAppError(err)) throw err;
      await send(context, errorCard(deps, actor.locale, err));
    }
  });
}
