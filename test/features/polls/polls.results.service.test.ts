import { cardActions, cardText } from '../../support/cards';
import { renderResultsCard } from '../../../src/features/polls/cards/results.card';
import { exportId } from '../../../src/features/polls/polls.files';
import { createPayload } from '../../../src/features/polls/polls.schemas';
import { isAppError } from '../../../src/platform/errors';
import { attendees, people, pollsFixture, satisfactionJob, type PollsFixture } from './polls.fixture';

const pollId = 'sat-atelier-42';
const scores = ['5', '4', '4', '3', '5', '2', '4'];
const comments = [
  'Heel *leerzaam* [klik](https://evil.example)',
  '',
  '=HYPERLINK("http://x")',
  'Meer voorbeelden graag',
  '',
  '',
  'Top',
];

async function answer(f: PollsFixture, n: number) {
  for (let i = 0; i < n; i++)
    await f.polls.answers.submit(f.actor(attendees[i]), { pollId, answer: scores[i], comment: comments[i] });
}

/** Anonymous results wait for the close (finding 7): these tests read them after it. */
async function closeIt(f: PollsFixture) {
  f.clock.set('2026-12-07T09:00:00Z');
  await f.polls.close.close(pollId);
}

describe('results of a satisfaction poll', () => {
  let f: PollsFixture;
  beforeEach(async () => {
    f = await pollsFixture();
    await f.polls.open.openSatisfactionPoll(satisfactionJob());
  });

  it('withholds everything but the count below 5 answers', async () => {
    await answer(f, 3);
    await closeIt(f);
    const results = await f.polls.results.results(f.actor(people.yusuf), pollId);
    expect(results).toMatchObject({ withheld: true, answered: 3, audienceSize: 12 });
    expect(results.tally).toBeUndefined();
    expect(results.answers).toBeUndefined();
    const text = cardText(renderResultsCard(f.text('nl'), results, 'https://x/files/t'));
    expect(text).toContain('Resultaten worden getoond vanaf 5 antwoorden (nu 3).');
    expect(text).toContain('Respons: 3 van 12 (25%)');
    expect(text).not.toMatch(/Gemiddelde|Verdeling|Opmerkingen/);
    expect(
      cardActions(renderResultsCard(f.text('nl'), results, 'https://x/files/t')).some(
        (a) => a.type === 'Action.OpenUrl',
      ),
    ).toBe(false);
    expect(await f.polls.files.exportCsv(exportId(pollId, 'nl'), people.yusuf)).toBeUndefined();
  });

  it('shows response rate, a bar per score, mean, share of 4–5 and escaped nameless comments from 5 answers', async () => {
    await answer(f, 7);
    await closeIt(f);
    const results = await f.polls.results.results(f.actor(people.yusuf), pollId);
    expect(results.tally?.counts).toEqual([0, 1, 1, 3, 2]);
    const card = renderResultsCard(f.text('nl'), results, 'https://bot.example/files/abc');
    const text = cardText(card);
    expect(text).toContain('Respons: 7 van 12 (58%)');
    expect(text).toContain('4 – tevreden: 3 (43%)');
    expect(text).toContain('1 – helemaal niet tevreden: 0 (0%)');
    expect(text).toContain('Gemiddelde: 3,9');
    expect(text).toContain('Aandeel 4 of 5: 71%');
    expect(text).toContain('Meer voorbeelden graag');
    expect(text).toContain('Heel \\*leerzaam\\* \\[klik\\]\\(https://evil.example\\)');
    for (const p of f.org.people) expect(text).not.toContain(p.name);
    // The bars: a proportional visual part per score beside the text screen readers read.
    const bars = JSON.stringify(card.body);
    expect(bars).toContain('"width":43');
    expect(cardActions(card).find((a) => a.type === 'Action.OpenUrl')?.url).toBe(
      'https://bot.example/files/abc',
    );
    const en = cardText(renderResultsCard(f.text('en'), results, ''));
    expect(en).toContain('Response: 7 of 12 (58%)');
    expect(en).toContain('Average: 3.9');
  });

  it('exports CSV without names or ids, with formulas defused', async () => {
    await answer(f, 7);
    await closeIt(f);
    const file = await f.polls.files.exportCsv(exportId(pollId, 'nl'), people.yusuf);
    expect(file?.contentType).toMatch(/text\/csv/);
    const csv = String(file?.body);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('"score","opmerking"');
    expect(lines).toHaveLength(8);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const p of f.org.people) expect(csv).not.toContain(p.name);
    for (const id of attendees) expect(csv).not.toContain(id);
  });

  it('only the programmateam and the poll’s organisers may see results or export, on every call', async () => {
    await answer(f, 5);
    await closeIt(f);
    for (const who of [people.sanne, people.yusuf])
      expect((await f.polls.results.results(f.actor(who), pollId)).withheld).toBe(false);
    for (const who of [people.noor, people.lotte, people.medewerker]) {
      const err = await f.polls.results.results(f.actor(who), pollId).catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('POLLS.RESULTS_FORBIDDEN');
      expect(await f.polls.files.exportCsv(exportId(pollId, 'nl'), who)).toBeUndefined();
    }
  });

  it('stays the same after closing (answers renamed, not lost) and says it is closed', async () => {
    await answer(f, 6);
    // Past closesAt, before the close job ran: the results show, and the job changes nothing in them.
    f.clock.set('2026-12-07T09:00:00Z');
    const before = (await f.polls.results.results(f.actor(people.sanne), pollId)).tally?.counts;
    expect(before).toBeDefined();
    await f.polls.close.close(pollId);
    const after = await f.polls.results.results(f.actor(people.sanne), pollId);
    expect(after.tally?.counts).toEqual(before);
    expect(cardText(renderResultsCard(f.text('nl'), after))).toContain(
      'Gesloten sinds maandag 7 december 2026, 10:00.',
    );
  });
});

describe('finding 7: results of an anonymous poll cannot be differenced while it is open', () => {
  let f: PollsFixture;
  beforeEach(async () => {
    f = await pollsFixture();
    await f.polls.open.openSatisfactionPoll(satisfactionJob());
  });

  it('organisers see only the number of answers until the close; no tally, no comments, no CSV', async () => {
    await answer(f, 6);
    for (const who of [people.yusuf, people.sanne]) {
      const open = await f.polls.results.results(f.actor(who), pollId);
      expect(open).toMatchObject({ withheld: true, untilClosed: true, answered: 6, audienceSize: 12 });
      expect(open.tally).toBeUndefined();
      expect(open.answers).toBeUndefined();
      expect(await f.polls.files.exportCsv(exportId(pollId, 'nl'), who)).toBeUndefined();
      const card = renderResultsCard(f.text('nl'), open, 'https://x/files/t');
      expect(cardText(card)).toContain('Aantal antwoorden tot nu toe: 6.');
      expect(cardText(card)).toContain('de resultaten zie je pas als de peiling gesloten is');
      expect(cardText(card)).not.toMatch(/Gemiddelde|Verdeling|Opmerkingen|Top/);
      expect(cardActions(card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
      expect(cardText(renderResultsCard(f.text('en'), open))).toContain(
        'you see the results once it has closed',
      );
    }
    // One more answer while open: the organiser learns only that the count went up.
    await f.polls.answers.submit(f.actor(attendees[6]), { pollId, answer: '1', comment: 'Anders' });
    const next = await f.polls.results.results(f.actor(people.yusuf), pollId);
    expect(next).toMatchObject({ withheld: true, answered: 7 });
    expect(next.tally).toBeUndefined();

    await closeIt(f);
    const closed = await f.polls.results.results(f.actor(people.yusuf), pollId);
    expect(closed.withheld).toBe(false);
    expect(closed.tally?.counts).toEqual([1, 1, 1, 2, 2]);
    expect(await f.polls.files.exportCsv(exportId(pollId, 'nl'), people.yusuf)).toBeDefined();
  });

  it('a named poll (nobody anonymous) shows results while open', async () => {
    f.channels.push({ key: 'channel:19:algemeen@thread.tacv2', title: 'Panel › Algemeen' });
    const form = createPayload.parse({
      formId: 'a'.repeat(32),
      question: 'Lunch op vrijdag?',
      kind: 'rating',
      anonymous: 'no',
      channel: 'channel:19:algemeen@thread.tacv2',
      networks: '',
      options: '',
      closesDate: '2026-11-30',
      closesTime: '12:00',
    });
    const poll = await f.polls.open.createAdhocPoll(f.actor(people.sanne), form);
    for (const id of attendees.slice(0, 5))
      await f.polls.answers.submit(f.actor(id), { pollId: poll.pollId, answer: '4', comment: '' });
    const open = await f.polls.results.results(f.actor(people.sanne), poll.pollId);
    expect(open.withheld).toBe(false);
    expect(open.tally?.counts).toEqual([0, 0, 0, 5, 0]);
  });
});
