import type { TurnContext } from 'botbuilder';
import { actorOf, answerCard, errorCard, parsePayload } from '../../platform/bot/turn';
import type { PanelApp } from '../../platform/bot/panel-app';
import type { AppDeps } from '../../platform/deps';
import { commonErrors, isAppError } from '../../platform/errors';
import { renderPollCard } from './cards/poll.card';
import { renderResultsCard } from './cards/results.card';
import { submitAnswer } from './polls.answer.service';
import { isClosed, type PollsContext } from './polls.context';
import { exportId } from './polls.files';
import { pollResults } from './polls.results.service';
import { answerPayload, parseInput, pollRefPayload } from './polls.schemas';
import { exportDownloadKind, pollsVerbs } from './polls.verbs';

/** Answering (respondents) and results (organisers). Thin: parse, actor, service, card. */
export function registerPollHandlers(app: PanelApp, deps: AppDeps, ctx: PollsContext): void {
  app.adaptiveCards.actionExecute(pollsVerbs.answer, async (context: TurnContext, _state, data) => {
    const actor = actorOf(context, deps);
    const input = parseInput(answerPayload, data);
    const pollId = parsePayload(pollRefPayload, data)?.pollId;
    try {
      if (!input) throw commonErrors.invalidInput();
      const outcome = await submitAnswer(ctx, actor, input);
      // The person's own view: their answer pre-filled, so they can change it until the poll closes.
      return renderPollCard(deps, outcome.poll, actor.locale, { notice: outcome.changed ? 'changed' : 'saved', answer: outcome.answer });
    } catch (err) {
      if (!isAppError(err)) throw err;
      // Keep the form on screen when the person can still answer; otherwise just say why not.
      const poll = pollId ? await ctx.repo.poll(pollId) : undefined;
      const canRetry = poll && !isClosed(poll, ctx.clock.now()) && [commonErrors.invalidInput.code, 'POLLS.INVALID_ANSWER'].includes(err.code);
      if (poll && canRetry) return renderPollCard(deps, poll, actor.locale, { error: deps.i18n.t(actor.locale, err.messageKey, err.params) });
      return errorCard(deps, actor.locale, err);
    }
  });

  app.adaptiveCards.actionExecute(pollsVerbs.results, async (context: TurnContext, _state, data) => {
    const actor = actorOf(context, deps);
    return answerCard(deps, actor.locale, async () => {
      const input = parsePayload(pollRefPayload, data);
      if (!input) throw commonErrors.invalidInput();
      const results = await pollResults(ctx, actor, input.pollId);
      const url = results.withheld ? '' : deps.downloads.link(exportDownloadKind, exportId(input.pollId, actor.locale), actor.aadObjectId);
      return renderResultsCard(deps, results, actor.locale, url);
    });
  });
}
