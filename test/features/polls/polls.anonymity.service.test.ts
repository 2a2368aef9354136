import { openAnswerId } from '../../../src/features/polls/polls.answer-key.rules';
import { attendees, pollsFixture, satisfactionJob, type PollsFixture } from './polls.fixture';

const pollId = 'sat-atelier-42';
const isoTime = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

async function answerAll(f: PollsFixture, who: string[]) {
  for (const [i, id] of who.entries()) {
    await f.polls.answers.submit(f.actor(id), {
      pollId,
      answer: String((i % 5) + 1),
      comment: `opmerking ${i}`,
    });
  }
}

describe('anonymous polls, as seen by someone who reads the whole database', () => {
  let f: PollsFixture;
  let salt: string;
  beforeEach(async () => {
    f = await pollsFixture();
    await f.polls.open.openSatisfactionPoll(satisfactionJob());
    salt = (await f.polls.repo.secret(pollId))!.salt;
    await answerAll(f, attendees.slice(0, 8));
  });

  it('stores answers with no person, no time and nothing shared with the participation record', async () => {
    const docs = await f.dump();
    const answers = docs.filter((d) => d.pk === `answer:${pollId}`);
    const participation = docs.filter((d) => d.pk === `participation:${pollId}`);
    expect(answers).toHaveLength(8);
    expect(participation).toHaveLength(8);
    const names = f.org.people.map((p) => p.name);
    for (const a of answers) {
      const raw = JSON.stringify(a);
      for (const id of attendees) expect(raw.toLowerCase()).not.toContain(id.toLowerCase());
      for (const name of names) expect(raw).not.toContain(name);
      expect(raw).not.toMatch(isoTime);
      expect(Object.keys(a.data).sort()).toEqual(['comment', 'key', 'pollId', 'score']);
    }
    for (const p of participation) {
      expect(Object.keys(p.data).sort()).toEqual(['answered', 'pollId', 'userId']);
      expect(JSON.stringify(p)).not.toMatch(isoTime);
      // The only value a participation record shares with any answer is the poll id.
      const answerValues = new Set(answers.flatMap((a) => [a.id, ...Object.values(a.data).map(String)]));
      expect([p.id, p.data.userId].filter((v) => answerValues.has(String(v)))).toEqual([]);
    }
  });

  it('gives answer ids that only the server secret can recompute, and returns answers in id order, not answer order', async () => {
    const ids = (await f.polls.repo.answers(pollId)).map((a) => a.key);
    const guessed = attendees.slice(0, 8).map((id) => openAnswerId('some-other-secret', pollId, salt, id));
    expect(guessed.filter((g) => ids.includes(g))).toEqual([]);
    // What docs/polls-anonymity.md says plainly: database AND server secret together link, until close.
    const withSecret = attendees.slice(0, 8).map((id) => openAnswerId(f.answerSecret, pollId, salt, id));
    expect(withSecret.every((g) => ids.includes(g))).toBe(true);
    expect(ids).toEqual([...ids].sort());
    const answerOrderComments = (await f.polls.repo.answers(pollId)).map((a) => a.comment);
    expect(answerOrderComments).not.toEqual(attendees.slice(0, 8).map((_, i) => `opmerking ${i}`));
  });

  it('cuts the remaining link at close: renamed answers, no participation records, no salt; results unchanged', async () => {
    const scoresBefore = (await f.polls.repo.answers(pollId)).map((a) => a.score).sort();
    await f.polls.close.close(pollId);
    const docs = await f.dump();
    expect(docs.filter((d) => d.pk === `participation:${pollId}`)).toEqual([]);
    expect(docs.filter((d) => d.pk === 'secret')).toEqual([]);
    const answers = docs.filter((d) => d.pk === `answer:${pollId}`);
    expect(answers.map((a) => a.id).every((id) => id.startsWith('r_'))).toBe(true);
    expect(answers.map((a) => (a.data as { score: number }).score).sort()).toEqual(scoresBefore);
    // Even with the server secret and a copy of the salt, nothing can be found any more.
    const withSecret = attendees.map((id) => openAnswerId(f.answerSecret, pollId, salt, id));
    expect(answers.filter((a) => withSecret.includes(a.id))).toEqual([]);
    // The sweep a little later is harmless.
    await f.polls.close.close(pollId, true);
    expect(await f.polls.repo.countAnswers(pollId)).toBe(8);
  });

  it('a closing job that crashed half-way finishes on its retry without counting anyone twice', async () => {
    const repo = f.polls.repo;
    const realDelete = repo.deleteAnswer.bind(repo);
    let deletes = 0;
    repo.deleteAnswer = async (p, id) => {
      if (++deletes === 4) throw new Error('crash');
      return realDelete(p, id);
    };
    await expect(f.polls.close.close(pollId)).rejects.toThrow('crash');
    repo.deleteAnswer = realDelete;
    await f.polls.close.close(pollId);
    const answers = await repo.answers(pollId);
    expect(answers).toHaveLength(8);
    expect(answers.every((a) => a.key.startsWith('r_'))).toBe(true);
  });

  it('the sweep unlinks an answer that was still in flight while the poll closed', async () => {
    await f.polls.close.close(pollId);
    // As if a submit computed its key just before the close and wrote just after it.
    const lateId = openAnswerId(f.answerSecret, pollId, salt, attendees[9]);
    await f.polls.repo.writeAnswer(pollId, lateId, () => ({ pollId, key: lateId, score: 1 }));
    await f.polls.repo.markParticipated(pollId, attendees[9]);
    await f.polls.close.close(pollId, true);
    const answers = await f.polls.repo.answers(pollId);
    expect(answers).toHaveLength(9);
    expect(answers.some((a) => a.key === lateId)).toBe(false);
    expect(await f.polls.repo.participantIds(pollId)).toEqual([]);
  });

  it('anonymity is fixed for the life of the poll', async () => {
    await expect(f.polls.repo.updatePoll(pollId, (p) => ({ ...p, anonymous: false }))).rejects.toThrow(
      /anonymity/,
    );
    expect((await f.polls.repo.poll(pollId))?.anonymous).toBe(true);
  });

  it('never writes who answered to the log', async () => {
    const logs = f.logLines.join('\n').toLowerCase();
    expect(logs).toContain('poll answer recorded');
    for (const id of attendees) expect(logs).not.toContain(id.toLowerCase());
    expect(logs).not.toContain('opmerking');
  });
});
