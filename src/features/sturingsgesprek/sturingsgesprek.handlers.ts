import type { PanelApp } from '../../platform/bot/panel-app';
import { onCommand, replyCard } from '../../platform/bot/routes';
import { noticeCard } from '../../platform/bot/turn';
import { CardText } from '../../platform/card-text';
import { renderAnswerCard } from './cards/answer.card';
import { renderOverviewCard } from './cards/manage.card';
import { renderMineCard, renderScheduleCard, renderSetsCard } from './cards/setup.card';
import { isManager } from './sturingsgesprek.access';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { SturingsgesprekDeps, SturingsgesprekModule } from './sturingsgesprek.module';
import { newToken } from './sturingsgesprek.schemas';
import { t } from './sturingsgesprek.text.format';

/**
 * `sturingsgesprek` / `steering` [schema|schedule|vragen|sets]: the DIG office gets its overview (or the
 * schedule or the question sets); a director or deputy gets their open round card.
 */
export function registerCommandHandlers(
  app: PanelApp,
  deps: SturingsgesprekDeps,
  s: SturingsgesprekModule,
): void {
  onCommand(
    app,
    deps,
    /^\s*(sturingsgesprek|steering|colloquio)(\s+\S+)?\s*$/i,
    async (actor, context) => {
      const w = CardText.for(deps, actor.locale);
      const sub = (context.activity.text ?? '').trim().split(/\s+/)[1]?.toLowerCase();
      const mine = await s.answering.mine(actor);
      if (isManager(actor)) {
        const first =
          sub === 'schema' || sub === 'schedule'
            ? renderScheduleCard(w, { schedule: await s.schedule.get(actor), sets: await s.sets.list(actor) })
            : sub === 'vragen' || sub === 'sets' || sub === 'questions'
              ? renderSetsCard(w, await s.sets.list(actor), newToken())
              : renderOverviewCard(w, await s.rounds.overview(actor));
        if (!mine.length) return first;
        // A manager who also answers gets their rounds as a second card.
        await replyCard(context, first);
        return renderMineCard(w, mine);
      }
      if (mine.length === 1) {
        const [{ round, unit }] = mine;
        return renderAnswerCard(
          w,
          await s.answering.view(actor, round.roundId, unit.unitId, { markOpened: true }),
        );
      }
      if (mine.length > 1 || actor.roles.has('clusterdirecteur')) return renderMineCard(w, mine);
      return noticeCard(t(w, 'command.notForYou'));
    },
    { personalOnly: errors.personalOnly },
  );
}
