import { minutes, type Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import { closedAnswerId, isOpenAnswerId, randomAnswerId, randomSecret } from './polls.answer-key.rules';
import type { PollsNotifier } from './polls.notifier';
import type { PollRepository } from './polls.repository';
import { isClosed } from './polls.rules';
import type { Poll } from './polls.types';
import { pollsJobs, remindJobId } from './polls.verbs';

/** The close job (with its sweep) and the reminder job. */
export class PollCloseService {
  constructor(
    private readonly repo: PollRepository,
    private readonly clock: Clock,
    private readonly scheduler: Pick<Scheduler, 'schedule' | 'cancel'>,
    private readonly notifier: PollsNotifier,
    private readonly logger: Logger,
  ) {}

  /** The close job (at closesAt) and its sweep a little later, for answers that were in flight. */
  async close(pollId: string, sweep = false): Promise<void> {
    const now = this.clock.now();
    const closed = (p: Poll): Poll | undefined =>
      p.status === 'closed' ? undefined : { ...p, status: 'closed', closedAt: now.toISOString() };
    const poll = await this.repo.updatePoll(pollId, closed);
    if (!poll) return;
    if (poll.anonymous) await this.unlinkAnswers(pollId);
    // The reminder's recipients are who had not answered by then: gone with its purpose (finding 8),
    // and its job record too (it says when the reminder went; nothing is left for it to do).
    await this.notifier.forgetReminder(pollId);
    await this.scheduler.cancel(remindJobId(pollId));
    if (!sweep) {
      const runAt = new Date(now.getTime() + minutes(10));
      const payload = { pollId, sweep: true };
      await this.scheduler.schedule({
        id: `polls:close-sweep:${pollId}`,
        kind: pollsJobs.close,
        runAt,
        payload,
      });
    }
    this.logger.info({ pollId, sweep }, 'poll closed');
  }

  /** Reminder job: only the named audience members with no participation record. */
  async remind(pollId: string): Promise<number> {
    const poll = await this.repo.poll(pollId);
    if (!poll || isClosed(poll, this.clock.now())) return 0;
    const answered = new Set(await this.repo.participantIds(pollId));
    const pending = poll.audience.userIds.filter((id) => !answered.has(id));
    await this.notifier.sendReminder(poll, pending);
    this.logger.info({ pollId, reminded: pending.length }, 'poll reminder queued');
    return pending.length;
  }

  /**
   * Cuts every remaining link between people and anonymous answers (polls.answer-key.rules.ts): renames
   * answers with a one-off close key, deletes participation records, then the salt and the close key.
   * Safe to run again: a crash half-way renames the rest to the same ids on the next run.
   */
  private async unlinkAnswers(pollId: string): Promise<void> {
    const closeKey = await this.repo.ensureCloseKey(pollId, randomSecret());
    for (const answer of await this.repo.answers(pollId)) {
      if (!isOpenAnswerId(answer.key)) continue;
      // No close key any more: a straggler written while the poll closed; a random id will do.
      const key = closeKey ? closedAnswerId(closeKey, answer.key) : randomAnswerId();
      await this.repo.createAnswer(pollId, { ...answer, key });
      await this.repo.deleteAnswer(pollId, answer.key);
    }
    await this.repo.deleteParticipation(pollId);
    await this.repo.deleteSecret(pollId);
  }
}
