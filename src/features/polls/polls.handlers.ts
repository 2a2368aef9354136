import type { PanelApp } from '../../platform/bot/panel-app';
import { onCardAction } from '../../platform/bot/routes';
import { CardText } from '../../platform/card-text';
import { commonErrors } from '../../platform/errors';
import { renderPollCard } from './cards/poll.card';
import { renderResultsCard } from './cards/results.card';
import { pollErrors } from './polls.errors';
import { exportId } from './polls.files';
import type { PollsDeps, PollsModule } from './polls.module';
import { answerPayload, pollRefPayload } from './polls.schemas';
import { pollsDownloads, pollsVerbs } from './polls.verbs';

/** Failures the person can fix on the same form. */
const retryable: string[] = [commonErrors.invalidInput.code, pollErrors.invalidAnswer.code];

/** Answering (respondents) and results (organisers). */
export function registerPollHandlers(app: PanelApp, deps: PollsDeps, polls: PollsModule): void {
  onCardAction(
    app,
    deps,
    pollsVerbs.answer,
    answerPayload,
    async (actor, input, context) => {
      const outcome = await polls.answers.submit(actor, input, context.activity.from?.name);
      // The person's own view: their answer pre-filled, so they can change it until the poll closes.
      const state = {
        notice: outcome.changed ? ('changed' as const) : ('saved' as const),
        answer: outcome.answer,
      };
      return renderPollCard(CardText.for(deps, actor.locale), outcome.poll, state);
    },
    {
      // Keep the form on screen when the person can still answer; otherwise just say why not.
      onError: async ({ error: err, actor, input, raw }) => {
        // A submit that did not parse as a whole still names its poll, so the form can be shown again.
        const pollId = input?.pollId ?? pollRefPayload.safeParse(raw).data?.pollId;
        const poll =
          pollId && retryable.includes(err.code) ? await polls.answers.answerablePoll(pollId) : undefined;
        if (!poll) return undefined;
        const text = CardText.for(deps, actor.locale);
        return renderPollCard(text, poll, { error: text.t(err.messageKey, err.params) });
      },
    },
  );

  onCardAction(app, deps, pollsVerbs.results, pollRefPayload, async (actor, input) => {
    const results = await polls.results.results(actor, input.pollId);
    const url = results.withheld
      ? ''
      : deps.downloads.link(pollsDownloads.export, exportId(input.pollId, actor.locale), actor.aadObjectId);
    return renderResultsCard(CardText.for(deps, actor.locale), results, url);
  });
}
