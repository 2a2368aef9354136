import { cardInputs, cardText } from '../../support/cards';
import { days } from '../../../src/platform/clock';
import { isAppError } from '../../../src/platform/errors';
import { userKey } from '../../../src/platform/delivery/delivery.port';
import { attendees, people, pollsFixture, satisfactionJob, type PollsFixture } from './polls.fixture';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (isAppError(e) ? e.code : `THROWN ${String(e)}`),
  );

describe('satisfaction poll: opening, answering, changing', () => {
  let f: PollsFixture;
  beforeEach(async () => {
    f = await pollsFixture();
    f.locales.set(userKey(attendees[1]), 'en-US');
    await f.polls.open.openSatisfactionPoll(satisfactionJob());
  });

  it('opens once from the kennisatelier job, schedules close and reminder, and sends one card per locale', async () => {
    await f.polls.open.openSatisfactionPoll(satisfactionJob()); // a retried job
    expect(await f.polls.repo.polls()).toHaveLength(1);
    const poll = await f.polls.repo.poll('sat-atelier-42');
    expect(poll).toMatchObject({
      type: 'satisfaction',
      kind: 'rating',
      anonymous: true,
      allowComment: true,
      status: 'open',
    });
    expect(f.scheduler.jobs.get('polls:close:sat-atelier-42')?.runAt.toISOString()).toBe(
      '2026-12-07T09:00:00.000Z',
    );
    expect(f.scheduler.jobs.get('polls:remind:sat-atelier-42')?.runAt.toISOString()).toBe(
      '2026-12-05T09:00:00.000Z',
    );
    const sent = f.delivery.requests.get('polls:open:sat-atelier-42');
    expect(sent?.recipients).toHaveLength(12);
    const nlCard = sent!.recipients.find((r) => r.key === userKey(attendees[0]))!.activity.attachments![0]
      .content;
    const enCard = sent!.recipients.find((r) => r.key === userKey(attendees[1]))!.activity.attachments![0]
      .content;
    expect(cardText(nlCard)).toContain('Hoe tevreden ben je over de inhoud van dit kennisatelier?');
    expect(cardText(nlCard)).toContain('Je antwoord wordt zonder je naam bewaard');
    expect(cardText(enCard)).toContain('How satisfied are you with the content of this knowledge workshop?');
    // Organiser-written title is escaped: no hidden link survives.
    expect(cardText(nlCard)).not.toMatch(/[^\\]\[vooroordelen\]\(/);
    // Rendered once per locale: every Dutch recipient gets the very same object.
    const nl = sent!.recipients.filter((r) => r.key !== userKey(attendees[1])).map((r) => r.activity);
    expect(new Set(nl).size).toBe(1);
    const [answer, comment] = cardInputs(nlCard);
    expect(answer).toMatchObject({ id: 'answer', isRequired: true, style: 'expanded' });
    expect(typeof answer.label).toBe('string');
    expect(typeof answer.errorMessage).toBe('string');
    expect((answer.choices as unknown[]).length).toBe(5);
    expect(comment).toMatchObject({ id: 'comment', isMultiline: true, maxLength: 1000 });
  });

  it('keeps one answer per person, which they can change until the poll closes', async () => {
    const me = f.actor(attendees[0]);
    const first = await f.polls.answers.submit(me, {
      pollId: 'sat-atelier-42',
      answer: '3',
      comment: 'Goed',
    });
    expect(first.changed).toBe(false);
    const second = await f.polls.answers.submit(me, { pollId: 'sat-atelier-42', answer: '5', comment: '' });
    expect(second.changed).toBe(true);
    const answers = await f.polls.repo.answers('sat-atelier-42');
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ score: 5 });
    expect(answers[0].comment).toBeUndefined();
    expect(await f.polls.repo.participantIds('sat-atelier-42')).toEqual([attendees[0]]);
  });

  it('a double click (concurrent submits) still ends as one answer and one participation record', async () => {
    const me = f.actor(attendees[2]);
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        f.polls.answers.submit(me, { pollId: 'sat-atelier-42', answer: String(n), comment: '' }),
      ),
    );
    expect(await f.polls.repo.countAnswers('sat-atelier-42')).toBe(1);
    expect(await f.polls.repo.participantIds('sat-atelier-42')).toEqual([attendees[2]]);
  });

  it('refuses answers from outside the audience, impossible answers, and answers after closing; nothing changes', async () => {
    const before = JSON.stringify(await f.dump());
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(people.sanne), { pollId: 'sat-atelier-42', answer: '4', comment: '' }),
      ),
    ).toBe('POLLS.NOT_IN_AUDIENCE');
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(attendees[0]), { pollId: 'sat-atelier-42', answer: '6', comment: '' }),
      ),
    ).toBe('POLLS.INVALID_ANSWER');
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(attendees[0]), {
          pollId: 'sat-atelier-42',
          answer: '0,1',
          comment: '',
        }),
      ),
    ).toBe('POLLS.INVALID_ANSWER');
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(attendees[0]), { pollId: 'sat-nope', answer: '4', comment: '' }),
      ),
    ).toBe('COMMON.NOT_FOUND');
    expect(JSON.stringify(await f.dump())).toBe(before);

    await f.polls.answers.submit(f.actor(attendees[0]), {
      pollId: 'sat-atelier-42',
      answer: '2',
      comment: '',
    });
    f.clock.set('2026-12-07T09:00:00Z');
    const atClose = JSON.stringify(await f.dump());
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(attendees[0]), { pollId: 'sat-atelier-42', answer: '5', comment: '' }),
      ),
    ).toBe('POLLS.CLOSED');
    expect(
      await codeOf(
        f.polls.answers.submit(f.actor(attendees[1]), { pollId: 'sat-atelier-42', answer: '5', comment: '' }),
      ),
    ).toBe('POLLS.CLOSED');
    expect(JSON.stringify(await f.dump())).toBe(atClose);
    await f.polls.close.close('sat-atelier-42');
    expect((await f.polls.repo.answers('sat-atelier-42')).map((a) => a.score)).toEqual([2]);
  });

  it('reminds only the attendees without a participation record, and not after closing', async () => {
    for (const id of attendees.slice(0, 4))
      await f.polls.answers.submit(f.actor(id), { pollId: 'sat-atelier-42', answer: '4', comment: '' });
    f.clock.advance(days(12));
    expect(await f.polls.close.remind('sat-atelier-42')).toBe(8);
    const reminder = f.delivery.requests.get('polls:remind:sat-atelier-42')!;
    expect(reminder.recipients.map((r) => r.key).sort()).toEqual(attendees.slice(4).map(userKey).sort());
    expect(cardText(reminder.recipients[0].activity.attachments![0].content)).toMatch(
      /Herinnering: deze peiling sluit op/,
    );
    f.clock.set('2026-12-08T00:00:00Z');
    expect(await f.polls.close.remind('sat-atelier-42')).toBe(0);
  });
});
