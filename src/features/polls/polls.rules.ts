import { randomInt } from 'node:crypto';
import type { Answer, Poll, Tally } from './polls.types';

/** Closed by the close job, or past closesAt while that job has not run yet. */
export const isClosed = (poll: Poll, now: Date) =>
  poll.status === 'closed' || now.getTime() >= Date.parse(poll.closesAt);

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
  return {
    counts,
    comments,
    mean: scored ? sum / scored : undefined,
    shareTop: scored ? (counts[3] + counts[4]) / scored : undefined,
  };
}
