import { minutes } from '../../platform/clock';
import { closedAnswerId, isOpenAnswerId, randomAnswerId, randomSecret } from './polls.answer-key.rules';
import { isClosed, type PollsContext } from './polls.context';
import { sendReminder } from './polls.notifier';
import { pollsJobs } from './polls.verbs';

/**
 * Cuts every remaining link between people and anonymous answers (polls.answer-key.rules.ts): renames answers
 * with a one-off close key, deletes participation records, then the salt and the close key. Safe to
 * run again: a crash half-way renames the rest to the same ids on the next run.
 */
async function unlinkAnswers(ctx: PollsContext, pollId: string): Promise<void> {
  const closeKey = await ctx.repo.ensureCloseKey(pollId, randomSecret());
  for (const answer of await ctx.repo.answers(pollId)) {
    if (!isOpenAnswerId(answer.key)) continue;
    // No close key any more: a straggler written while the poll closed; a random id will do.
    const key = closeKey ? closedAnswerId(closeKey, answer.key) : randomAnswerId();
    await ctx.repo.createAnswer(pollId, { ...answer, key });
    await ctx.repo.deleteAnswer(pollId, answer.key);
  }
  await ctx.repo.deleteParticipation(pollId);
  await ctx.repo.deleteSecret(pollId);
}

/** The close job (at closesAt) and its sweep a little later, for answers that were in flight. */
export async function closePoll(ctx: PollsContext, pollId: string, sweep = false): Promise<void> {
  const now = ctx.clock.now();
  const poll = await ctx.repo.updatePoll(pollId, (p) => (p.status === 'closed' ? undefined : { ...p, status: 'closed', closedAt: now.toISOString() }));
  if (!poll) return;
  if (poll.anonymous) await unlinkAnswers(ctx, pollId);
  if (!sweep) {
    await ctx.scheduler.schedule({ id: `polls:close-sweep:${pollId}`, kind: pollsJobs.close, runAt: new Date(now.getTime() + minutes(10)), payload: { pollId, sweep: true } });
  }
  ctx.logger.info({ pollId, sweep }, 'poll closed');
}

/** Reminder job: only the named audience members with no participation record. */
export async function remindPoll(ctx: PollsContext, pollId: string): Promise<number> {
  const poll = await ctx.repo.poll(pollId);
  if (!poll || isClosed(poll, ctx.clock.now())) return 0;
  const answered = new Set(await ctx.repo.participantIds(pollId));
  const pending = poll.audience.userIds.filter((id) => !answered.has(id));
  await sendReminder(ctx, poll, pending);
  ctx.logger.info({ pollId, reminded: pending.length }, 'poll reminder queued');
  return pending.length;
}
