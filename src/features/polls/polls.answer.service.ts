import type { Clock } from '../../platform/clock';
import type { NetworkMembership } from '../../platform/contracts/network-membership.port';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor } from '../../platform/org/organisation';
import { keptName } from '../../platform/people/people-names';
import { openAnswerId } from './polls.answer-key.rules';
import { pollErrors } from './polls.errors';
import type { PollRepository } from './polls.repository';
import { isClosed } from './polls.rules';
import type { AnswerPayload } from './polls.schemas';
import type { Answer, Poll } from './polls.types';

export interface AnswerOutcome {
  poll: Poll;
  answer: Answer;
  changed: boolean;
}

type Content = Pick<Answer, 'score' | 'choices' | 'comment'>;

/** Checks the answer against the poll's kind; anything the card could not have sent is refused. */
function contentOf(poll: Poll, input: AnswerPayload): Content {
  const comment = poll.allowComment && input.comment ? input.comment : undefined;
  if (poll.kind === 'rating') {
    if (!/^[1-5]$/.test(input.answer)) throw pollErrors.invalidAnswer();
    return { score: Number(input.answer), comment };
  }
  const parts = input.answer.split(',').map((p) => p.trim());
  const indices = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : -1));
  const valid =
    indices.every((i) => i >= 0 && i < poll.options.length) && new Set(indices).size === indices.length;
  if (!valid || (poll.kind === 'single' && indices.length !== 1)) throw pollErrors.invalidAnswer();
  return { choices: [...indices].sort((a, b) => a - b), comment };
}

/** Answering a poll: one answer per person, changeable until the poll closes. */
export class PollAnswerService {
  constructor(
    private readonly repo: PollRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** Server-side secret for answer ids of anonymous polls; never stored (see polls.answer-key.rules.ts). */
    private readonly answerSecret: string,
    private readonly membership: Pick<NetworkMembership, 'isMemberOfAny'>,
  ) {}

  /**
   * The answer is written first and the participation record second, so a retry after a
   * half-finished submit completes it instead of refusing it. `displayName` (Teams' name for the
   * person in this turn) is kept with a named poll's answer only; an anonymous answer never has one.
   */
  async submit(actor: Actor, input: AnswerPayload, displayName?: string): Promise<AnswerOutcome> {
    const poll = await this.repo.poll(input.pollId);
    if (!poll) throw commonErrors.notFound();
    if (isClosed(poll, this.clock.now())) throw pollErrors.closed();
    const userId = actor.aadObjectId.toLowerCase();
    if (!(await this.inAudience(poll, userId))) throw pollErrors.notInAudience();
    const content = contentOf(poll, input);
    const id = await this.answerIdFor(poll, userId);
    const existing = await this.repo.answer(poll.pollId, id);
    // Answered, but the answer is not where the key says (server secret rotated): refuse, never count twice.
    if (!existing && (await this.repo.hasParticipated(poll.pollId, userId))) throw pollErrors.cannotChange();
    const name = poll.anonymous ? undefined : keptName(displayName);
    const who = poll.anonymous ? {} : { respondentId: userId, ...(name ? { respondentName: name } : {}) };
    const answer: Answer = { pollId: poll.pollId, key: id, ...content, ...who };
    const { changed } = await this.repo.writeAnswer(poll.pollId, id, () => answer);
    await this.repo.markParticipated(poll.pollId, userId);
    // No person id in this line: with its timestamp it would undo the separation of answer and person.
    this.logger.info({ pollId: poll.pollId, changed }, 'poll answer recorded');
    return { poll, answer, changed };
  }

  /** The poll, while it still takes answers: for showing the form again after a failed submit. */
  async answerablePoll(pollId: string): Promise<Poll | undefined> {
    const poll = await this.repo.poll(pollId);
    return poll && !isClosed(poll, this.clock.now()) ? poll : undefined;
  }

  /**
   * Named people: one of them. Only networks: a member of one of them now (finding 12; the networks
   * feature answers, so no member list is copied into polls, and someone who left no longer counts).
   * A channel is open to whoever sees the card there: Teams does not tell the bot who is in a channel.
   */
  private async inAudience(poll: Poll, userId: string): Promise<boolean> {
    const { userIds, channelKeys, networkIds } = poll.audience;
    if (userIds.length) return userIds.includes(userId);
    if (channelKeys.length || !networkIds.length) return true;
    return this.membership.isMemberOfAny(userId, networkIds);
  }

  /** Anonymous: the keyed id (polls.answer-key.rules.ts). Named: the person's own id, stored openly. */
  private async answerIdFor(poll: Poll, userId: string): Promise<string> {
    if (!poll.anonymous) return userId;
    const secret = await this.repo.secret(poll.pollId);
    // The salt is deleted while closing; without it nobody can answer any more.
    if (!secret) throw pollErrors.closed();
    return openAnswerId(this.answerSecret, poll.pollId, secret.salt, userId);
  }
}
