import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { openAnswerId } from './polls.answer-key.rules';
import { isClosed, type PollsContext } from './polls.context';
import { pollErrors } from './polls.errors';
import type { Answer, Poll } from './polls.types';
import type { AnswerPayload } from './polls.schemas';

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
  const valid = indices.every((i) => i >= 0 && i < poll.options.length) && new Set(indices).size === indices.length;
  if (!valid || (poll.kind === 'single' && indices.length !== 1)) throw pollErrors.invalidAnswer();
  return { choices: [...indices].sort((a, b) => a - b), comment };
}

/** Anonymous: the keyed id (polls.answer-key.rules.ts). Named: the person's own id, stored openly. */
async function answerIdFor(ctx: PollsContext, poll: Poll, userId: string): Promise<string> {
  if (!poll.anonymous) return userId;
  const secret = await ctx.repo.secret(poll.pollId);
  // The salt is deleted while closing; without it nobody can answer any more.
  if (!secret) throw pollErrors.closed();
  return openAnswerId(ctx.answerSecret, poll.pollId, secret.salt, userId);
}

/**
 * One answer per person, changeable until close. The answer is written first and the participation
 * record second, so a retry after a half-finished submit completes it instead of refusing it.
 */
export async function submitAnswer(ctx: PollsContext, actor: Actor, input: AnswerPayload): Promise<AnswerOutcome> {
  const poll = await ctx.repo.poll(input.pollId);
  if (!poll) throw commonErrors.notFound();
  if (isClosed(poll, ctx.clock.now())) throw pollErrors.closed();
  const userId = actor.aadObjectId.toLowerCase();
  if (poll.audience.userIds.length && !poll.audience.userIds.includes(userId)) throw pollErrors.notInAudience();
  const content = contentOf(poll, input);
  const id = await answerIdFor(ctx, poll, userId);
  const existing = await ctx.repo.answer(poll.pollId, id);
  // Answered, but the answer is not where the key says (server secret rotated): refuse, never count twice.
  if (!existing && (await ctx.repo.hasParticipated(poll.pollId, userId))) throw pollErrors.cannotChange();
  const answer: Answer = { pollId: poll.pollId, key: id, ...content, ...(poll.anonymous ? {} : { respondentId: userId }) };
  const { changed } = await ctx.repo.writeAnswer(poll.pollId, id, () => answer);
  await ctx.repo.markParticipated(poll.pollId, userId);
  // No person id in this line: with its timestamp it would undo the separation of answer and person.
  ctx.logger.info({ pollId: poll.pollId, changed }, 'poll answer recorded');
  return { poll, answer, changed };
}
