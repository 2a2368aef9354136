import { cardText } from '../../support/cards';
import { exportId } from '../../../src/features/polls/polls.files';
import type { CreatePayload } from '../../../src/features/polls/polls.schemas';
import {
  networkBroadcastJobKind,
  type NetworkBroadcastJob,
} from '../../../src/platform/contracts/network-broadcast.job';
import { channelKey } from '../../../src/platform/delivery/delivery.port';
import { isAppError } from '../../../src/platform/errors';
import { attendees, people, pollsFixture, type PollsFixture } from './polls.fixture';

const form = (over: Partial<CreatePayload> = {}): CreatePayload => ({
  formId: 'a'.repeat(32),
  question: 'Welke dag past het best voor de netwerkborrel?',
  kind: 'single',
  options: 'Dinsdag\nDonderdag\n\nVrijdag ',
  anonymous: 'yes',
  channel: '',
  networks: '',
  closesDate: '2026-11-30',
  closesTime: '17:00',
  ...over,
});
const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: unknown) => (isAppError(e) ? e.code : `THROWN ${String(e)}`),
  );

describe('ad-hoc polls', () => {
  let f: PollsFixture;
  const algemeen = channelKey('19:algemeen@thread.tacv2');
  beforeEach(async () => {
    f = await pollsFixture();
    f.channels.push({ key: algemeen, title: 'Algemeen' });
  });

  it('the programmateam sends one to a channel and to network members, once per form', async () => {
    const input = form({ channel: algemeen, networks: 'r-pride,jong-r' });
    const poll = await f.polls.open.createAdhocPoll(f.actor(people.sanne), input);
    await f.polls.open.createAdhocPoll(f.actor(people.sanne), input); // Teams retried the invoke
    expect(await f.polls.repo.polls()).toHaveLength(1);
    expect(poll).toMatchObject({
      type: 'adhoc',
      kind: 'single',
      options: ['Dinsdag', 'Donderdag', 'Vrijdag'],
      anonymous: true,
      organiserIds: [people.sanne],
      closesAt: '2026-11-30T16:00:00.000Z',
    });
    const channelSend = f.delivery.requests.get(`polls:open:${poll.pollId}`);
    expect(channelSend?.recipients.map((r) => r.key)).toEqual([algemeen]);
    const job = f.scheduler.jobs.get(`polls:networks:${poll.pollId}`);
    expect(job?.kind).toBe(networkBroadcastJobKind);
    const payload = job?.payload as NetworkBroadcastJob;
    expect(payload.networkIds).toEqual(['r-pride', 'jong-r']);
    expect(cardText(payload.cardByLocale.nl!.attachments![0].content)).toContain('Welke dag past het best');
    expect(cardText(payload.cardByLocale.en!.attachments![0].content)).toContain('Anonymous: who sees what?');
    expect(f.scheduler.jobs.get(`polls:close:${poll.pollId}`)?.runAt.toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
    // No named audience: nobody to remind individually.
    expect(f.scheduler.jobs.has(`polls:remind:${poll.pollId}`)).toBe(false);
  });

  it('coordinators reach only their own networks; medewerkers cannot create polls; nothing is stored', async () => {
    expect(
      await codeOf(f.polls.open.createAdhocPoll(f.actor(people.lotte), form({ networks: 'r-pride' }))),
    ).toBe('OK');
    const before = JSON.stringify(await f.dump());
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(
          f.actor(people.lotte),
          form({ formId: 'b'.repeat(32), networks: 'neurodiversiteit' }),
        ),
      ),
    ).toBe('POLLS.AUDIENCE_NOT_ALLOWED');
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(
          f.actor(people.lotte),
          form({ formId: 'c'.repeat(32), channel: algemeen }),
        ),
      ),
    ).toBe('POLLS.AUDIENCE_NOT_ALLOWED');
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(
          f.actor(people.medewerker),
          form({ formId: 'd'.repeat(32), networks: 'r-pride' }),
        ),
      ),
    ).toBe('COMMON.FORBIDDEN');
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(
          f.actor(people.noor),
          form({ formId: 'e'.repeat(32), channel: algemeen }),
        ),
      ),
    ).toBe('COMMON.FORBIDDEN');
    expect(JSON.stringify(await f.dump())).toBe(before);
  });

  it('rejects bad forms with a reason and stores nothing', async () => {
    const sanne = f.actor(people.sanne);
    expect(
      await codeOf(f.polls.open.createAdhocPoll(sanne, form({ channel: algemeen, options: 'Alleen één' }))),
    ).toBe('POLLS.OPTIONS');
    expect(
      await codeOf(f.polls.open.createAdhocPoll(sanne, form({ channel: algemeen, options: 'Ja\nja' }))),
    ).toBe('POLLS.OPTIONS');
    expect(await codeOf(f.polls.open.createAdhocPoll(sanne, form()))).toBe('POLLS.AUDIENCE');
    expect(
      await codeOf(f.polls.open.createAdhocPoll(sanne, form({ channel: 'channel:19:unknown@thread' }))),
    ).toBe('POLLS.AUDIENCE_NOT_ALLOWED');
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(
          sanne,
          form({ channel: algemeen, closesDate: '2026-11-23', closesTime: '09:30' }),
        ),
      ),
    ).toBe('POLLS.CLOSES_AT');
    expect(
      await codeOf(
        f.polls.open.createAdhocPoll(sanne, form({ channel: algemeen, closesDate: '2027-06-01' })),
      ),
    ).toBe('POLLS.CLOSES_AT');
    expect(await f.dump()).toEqual([]);
  });

  it('multiple choice and 1–5 rating answers are checked against the poll', async () => {
    const multi = await f.polls.open.createAdhocPoll(
      f.actor(people.sanne),
      form({ kind: 'multiple', channel: algemeen }),
    );
    const me = f.actor(people.medewerker);
    expect(
      await codeOf(f.polls.answers.submit(me, { pollId: multi.pollId, answer: '0,2', comment: '' })),
    ).toBe('OK');
    expect((await f.polls.repo.answers(multi.pollId))[0].choices).toEqual([0, 2]);
    expect(
      await codeOf(f.polls.answers.submit(me, { pollId: multi.pollId, answer: '0,0', comment: '' })),
    ).toBe('POLLS.INVALID_ANSWER');
    expect(await codeOf(f.polls.answers.submit(me, { pollId: multi.pollId, answer: '3', comment: '' }))).toBe(
      'POLLS.INVALID_ANSWER',
    );
    const rating = await f.polls.open.createAdhocPoll(
      f.actor(people.sanne),
      form({ formId: 'f'.repeat(32), kind: 'rating', options: '', channel: algemeen }),
    );
    expect(rating.options).toEqual([]);
    expect(
      await codeOf(
        f.polls.answers.submit(me, {
          pollId: rating.pollId,
          answer: '4',
          comment: 'no comments on ad-hoc polls',
        }),
      ),
    ).toBe('OK');
    expect((await f.polls.repo.answers(rating.pollId))[0]).toMatchObject({ score: 4 });
    expect((await f.polls.repo.answers(rating.pollId))[0].comment).toBeUndefined();
  });

  it('a poll with names says so on the card, stores who answered what, and exports names', async () => {
    const poll = await f.polls.open.createAdhocPoll(
      f.actor(people.sanne),
      form({ anonymous: 'no', channel: algemeen }),
    );
    const card = f.delivery.requests.get(`polls:open:${poll.pollId}`)!.recipients[0].activity.attachments![0]
      .content;
    expect(cardText(card)).toContain('Niet anoniem: wie ziet wat?');
    expect(cardText(card)).toContain('zien je naam bij je antwoord');
    for (const [i, id] of attendees.slice(0, 5).entries())
      await f.polls.answers.submit(f.actor(id), { pollId: poll.pollId, answer: String(i % 3), comment: '' });
    expect((await f.polls.repo.answer(poll.pollId, attendees[0]))?.data.respondentId).toBe(attendees[0]);
    const csv = String((await f.polls.files.exportCsv(exportId(poll.pollId, 'nl'), people.sanne))?.body);
    expect(csv).toContain('"naam","antwoord"');
    expect(csv).toContain('"Noor El Amrani","Dinsdag"');
    // The coordinator who did not create it cannot read it.
    const err = await f.polls.results.results(f.actor(people.lotte), poll.pollId).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('POLLS.RESULTS_FORBIDDEN');
  });
});
