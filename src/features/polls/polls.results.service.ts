import type { Clock } from '../../platform/clock';
import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { canSeeResults, resultsThreshold, resultsWaitForClose } from './polls.access';
import { pollErrors } from './polls.errors';
import type { PollRepository } from './polls.repository';
import { isClosed, tally } from './polls.rules';
import type { Poll, PollResults } from './polls.types';

/** Results for organisers; the access check runs on every verb and download. */
export class PollResultsService {
  constructor(
    private readonly repo: PollRepository,
    private readonly clock: Clock,
  ) {}

  /** Loads a poll for someone who wants its results. */
  private async pollForResults(actor: Actor, pollId: string): Promise<Poll> {
    const poll = await this.repo.poll(pollId);
    if (!poll) throw commonErrors.notFound();
    if (!canSeeResults(actor, poll)) throw pollErrors.resultsForbidden();
    return poll;
  }

  async results(actor: Actor, pollId: string): Promise<PollResults> {
    const poll = await this.pollForResults(actor, pollId);
    const answers = await this.repo.answers(pollId);
    const audienceSize = poll.audience.userIds.length ? poll.audience.userIds.length : undefined;
    if (resultsWaitForClose(poll, isClosed(poll, this.clock.now())))
      return { poll, answered: answers.length, audienceSize, withheld: true, untilClosed: true };
    if (answers.length < resultsThreshold)
      return { poll, answered: answers.length, audienceSize, withheld: true };
    return {
      poll,
      answered: answers.length,
      audienceSize,
      withheld: false,
      tally: tally(poll, answers),
      answers,
    };
  }

  /** The polls an actor may see results of, newest first. */
  async visiblePolls(actor: Actor): Promise<Array<{ poll: Poll; answered: number }>> {
    const polls = (await this.repo.polls()).filter((p) => canSeeResults(actor, p)).slice(0, 20);
    return Promise.all(
      polls.map(async (poll) => ({ poll, answered: await this.repo.countAnswers(poll.pollId) })),
    );
  }
}
