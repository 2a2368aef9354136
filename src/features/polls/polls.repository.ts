import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import { isConflictError } from '../../storage/store-errors';
import type { Answer, Participation, Poll, PollSecret } from './polls.types';

/**
 * The `polls` container:
 * - pk 'poll',                  id pollId      → Poll
 * - pk 'secret',                id pollId      → PollSecret (deleted when the poll closes)
 * - pk 'answer:<pollId>',       id answer id   → Answer (anonymous: h_/r_ ids, see polls.answer-key.rules.ts;
 *                                                 named polls: the respondent's aadObjectId)
 * - pk 'participation:<pollId>', id aadObjectId → Participation (anonymous polls: deleted at close)
 * Answers and participation sit in different partitions and share no field but the poll id.
 */
const C = containers.polls;
const answerPk = (pollId: string) => `answer:${pollId}`;
const participationPk = (pollId: string) => `participation:${pollId}`;

export class PollRepository {
  constructor(private readonly store: DocumentStore) {}

  async poll(pollId: string): Promise<Poll | undefined> {
    return (await this.store.get<Poll>(C, 'poll', pollId))?.data;
  }

  /** False when a poll with this id exists already (a retried job or a double-clicked form). */
  async createPoll(poll: Poll): Promise<boolean> {
    try {
      await this.store.create(C, { pk: 'poll', id: poll.pollId, data: poll });
      return true;
    } catch (err) {
      if (isConflictError(err)) return false;
      throw err;
    }
  }

  /** Racy updates (closing) go through the etag; anonymity can never be changed after creation. */
  async updatePoll(pollId: string, change: (poll: Poll) => Poll | undefined): Promise<Poll | undefined> {
    return updateWithRetry<Poll, Poll | undefined>(this.store, C, 'poll', pollId, (current) => {
      if (!current) return { kind: 'skip', result: undefined };
      const next = change(current.data);
      if (!next) return { kind: 'skip', result: current.data };
      if (next.anonymous !== current.data.anonymous || next.pollId !== pollId) {
        throw new Error('A poll keeps its id and its anonymity for life');
      }
      return { kind: 'write', data: next, result: next };
    });
  }

  async polls(limit = 200): Promise<Poll[]> {
    const docs = await this.store.query<Poll>(C, {
      pk: 'poll',
      orderBy: [{ field: 'openedAt', direction: 'desc' }],
      limit,
    });
    return docs.map((d) => d.data);
  }

  async secret(pollId: string): Promise<PollSecret | undefined> {
    return (await this.store.get<PollSecret>(C, 'secret', pollId))?.data;
  }

  async createSecret(secret: PollSecret): Promise<void> {
    try {
      await this.store.create(C, { pk: 'secret', id: secret.pollId, data: secret });
    } catch (err) {
      if (!isConflictError(err)) throw err;
    }
  }

  /** Adds the close key once; a re-run of the closing job gets the same key back. */
  async ensureCloseKey(pollId: string, fresh: string): Promise<string | undefined> {
    return updateWithRetry<PollSecret, string | undefined>(this.store, C, 'secret', pollId, (current) => {
      if (!current) return { kind: 'skip', result: undefined };
      if (current.data.closeKey) return { kind: 'skip', result: current.data.closeKey };
      return { kind: 'write', data: { ...current.data, closeKey: fresh }, result: fresh };
    });
  }

  async deleteSecret(pollId: string): Promise<void> {
    await this.store.delete(C, 'secret', pollId);
  }

  async answer(pollId: string, id: string): Promise<StoredDocument<Answer> | undefined> {
    return this.store.get<Answer>(C, answerPk(pollId), id);
  }

  /** Create-or-replace with the etag check: two submits of one person end as one answer. */
  async writeAnswer(
    pollId: string,
    id: string,
    build: (existing: Answer | undefined) => Answer,
  ): Promise<{ changed: boolean }> {
    return updateWithRetry<Answer, { changed: boolean }>(this.store, C, answerPk(pollId), id, (current) => ({
      kind: 'write',
      data: build(current?.data),
      result: { changed: current !== undefined },
    }));
  }

  /** For re-keying at close; an existing id means a previous run did it already. */
  async createAnswer(pollId: string, answer: Answer): Promise<void> {
    try {
      await this.store.create(C, { pk: answerPk(pollId), id: answer.key, data: answer });
    } catch (err) {
      if (!isConflictError(err)) throw err;
    }
  }

  async deleteAnswer(pollId: string, id: string): Promise<void> {
    await this.store.delete(C, answerPk(pollId), id);
  }

  /** Ordered by the (random-looking) id, never by insertion. */
  async answers(pollId: string): Promise<Answer[]> {
    const docs = await this.store.query<Answer>(C, { pk: answerPk(pollId), orderBy: [{ field: 'key' }] });
    return docs.map((d) => d.data);
  }

  async countAnswers(pollId: string): Promise<number> {
    return this.store.count(C, { pk: answerPk(pollId) });
  }

  async hasParticipated(pollId: string, userId: string): Promise<boolean> {
    return (await this.store.get(C, participationPk(pollId), userId.toLowerCase())) !== undefined;
  }

  async markParticipated(pollId: string, userId: string): Promise<void> {
    const id = userId.toLowerCase();
    const data: Participation = { pollId, userId: id, answered: true };
    try {
      await this.store.create(C, { pk: participationPk(pollId), id, data });
    } catch (err) {
      if (!isConflictError(err)) throw err;
    }
  }

  async participantIds(pollId: string): Promise<string[]> {
    const docs = await this.store.query<Participation>(C, {
      pk: participationPk(pollId),
      orderBy: [{ field: 'userId' }],
    });
    return docs.map((d) => d.data.userId);
  }

  async deleteParticipation(pollId: string): Promise<number> {
    const ids = await this.participantIds(pollId);
    for (const id of ids) await this.store.delete(C, participationPk(pollId), id);
    return ids.length;
  }
}
