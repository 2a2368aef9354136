import { randomInt } from 'node:crypto';
import { commonErrors } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import { canSeeResults, resultsThreshold } from './polls.access';
import type { PollsContext } from './polls.context';
import { pollErrors } from './polls.errors';
import type { Answer, Poll } from './polls.types';

export interface Tally {
  /** Per choice in the order of choiceLabels(): scores 1..5, or the options. */
  counts: number[];
  /** Rating polls only. */
  mean?: number;
  /** Rating polls only: share of answers that are 4 or 5, 0..1. */
  shareTop?: number;
  comments: string[];
}

export interface PollResults {
  poll: Poll;
  answered: number;
  /** Known for named audiences (satisfaction polls); unknown for channels and networks. */
  audienceSize?: number;
  /** Fewer than 5 answers: nothing but the count leaves the service. */
  withheld: boolean;
  tally?: Tally;
  answers?: Answer[];
}

/** Fisher–Yates with a CSPRNG: comments and export rows must not come out in any meaningful order. */
export function shuffle<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

export function tally(poll: Poll, answers: Answer[]): Tally {
  const size = poll.kind === 'rating' ? 5 : poll.options.length;
  const counts = new Array<number>(size).fill(0);
  for (const a of answers) {
    if (poll.kind === 'rating' && a.score) counts[a.score - 1]++;
    else for (const c of a.choices ?? []) if (c < size) counts[c]++;
  }
  const comments = shuffle(answers.map((a) => a.comment ?? '').filter((c) => c.trim() !== ''));
  if (poll.kind !== 'rating') return { counts, comments };
  const scored = counts.reduce((s, n) => s + n, 0);
  const sum = counts.reduce((s, n, i) => s + n * (i + 1), 0);
  return { counts, comments, mean: scored ? sum / scored : undefined, shareTop: scored ? (counts[3] + counts[4]) / scored : undefined };
}

/** Loads a poll for someone who wants its results; the check runs on every verb and download. */
export async function pollForResults(ctx: PollsContext, actor: Actor, pollId: string): Promise<Poll> {
  const poll = await ctx.repo.poll(pollId);
  if (!poll) throw commonErrors.notFound();
  if (!canSeeResults(actor, poll)) throw pollErrors.resultsForbidden();
  return poll;
}

export async function pollResults(ctx: PollsContext, actor: Actor, pollId: string): Promise<PollResults> {
  const poll = await pollForResults(ctx, actor, pollId);
  const answers = await ctx.repo.answers(pollId);
  const audienceSize = poll.audience.userIds.length ? poll.audience.userIds.length : undefined;
  if (answers.length < resultsThreshold) return { poll, answered: answers.length, audienceSize, withheld: true };
  return { poll, answered: answers.length, audienceSize, withheld: false, tally: tally(poll, answers), answers };
}

/** The polls an actor may see results of, newest first. */
export async function visiblePolls(ctx: PollsContext, actor: Actor): Promise<Array<{ poll: Poll; answered: number }>> {
  const polls = (await ctx.repo.polls()).filter((p) => canSeeResults(actor, p)).slice(0, 20);
  return Promise.all(polls.map(async (poll) => ({ poll, answered: await ctx.repo.countAnswers(poll.pollId) })));
}
