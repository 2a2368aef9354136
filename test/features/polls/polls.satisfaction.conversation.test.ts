import { cardActions, cardInputs, cardText, cardsOf, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import {
  satisfactionPollJobKind,
  type SatisfactionPollJob,
} from '../../../src/platform/contracts/satisfaction-poll.job';
import { containers } from '../../../src/storage/document-store.port';
import { days } from '../../../src/platform/clock';
import { attendees, people } from './polls.fixture';
import { download, lastCard } from './polls.conversation.helpers';

const pollId = 'sat-atelier-7';
const job: SatisfactionPollJob = {
  sourceId: 'atelier-7',
  title: 'Inclusief werven',
  heldAt: '2026-11-23T13:00:00Z',
  attendeeIds: attendees,
  organiserIds: [people.yusuf],
  closesAt: '2026-12-07T09:00:00Z',
};
const scores = ['5', '4', '4', '3', '5', '2', '4'];

describe('conversation: the satisfaction poll after a kennisatelier', () => {
  let bot: TestBot;
  let people12: TestUser[];
  const pollDocs = () => bot.deps.store.query<Record<string, unknown>>(containers.polls);

  beforeAll(async () => {
    bot = await startTestBot();
    people12 = attendees.map((id) => bot.user(id));
    people12[1].locale('en');
    for (const u of people12) await u.install();
    // What the kennisatelier feature does when the atelier has ended (through the durable scheduler).
    await bot.deps.scheduler.schedule({
      id: 'kennisatelier:poll:atelier-7',
      kind: satisfactionPollJobKind,
      runAt: bot.clock.now(),
      payload: job,
    });
    await bot.runDue();
  });
  afterAll(() => bot.stop());

  it('every attendee gets the anonymous poll card in their own chat and language', async () => {
    const nl = lastCard(people12[0].inbox());
    expect(cardText(nl)).toContain('Hoe tevreden ben je over de inhoud van dit kennisatelier?');
    expect(cardText(nl)).toContain('Anoniem: wie ziet wat?');
    expect(cardText(lastCard(people12[1].inbox()))).toContain(
      'How satisfied are you with the content of this knowledge workshop?',
    );
    for (const u of people12)
      expect(cardText(lastCard(u.inbox()))).toMatch(/kennisatelier|knowledge workshop/);
  });

  it('an attendee answers, sees their answer, and changes it; one answer is kept', async () => {
    const card = lastCard(people12[0].inbox());
    const send = findAction(card, 'Antwoord versturen');
    const first = await people12[0].invoke(send.verb as string, {
      ...send.data,
      answer: '2',
      comment: 'Te kort',
    });
    expect(cardText(first.card)).toContain('Bedankt! Je antwoord is opgeslagen.');
    expect(cardInputs(first.card).find((i) => i.id === 'answer')?.value).toBe('2');
    const change = findAction(first.card, 'Antwoord wijzigen');
    const second = await people12[0].invoke(change.verb as string, {
      ...change.data,
      answer: '5',
      comment: 'Toch heel goed',
    });
    expect(cardText(second.card)).toContain('Je antwoord is gewijzigd.');
    const answers = (await pollDocs()).filter((d) => d.pk === `answer:${pollId}`);
    expect(answers.map((a) => a.data)).toEqual([
      expect.objectContaining({ score: 5, comment: 'Toch heel goed' }),
    ]);
  });

  it('a bad payload or someone outside the audience gets a clear message and nothing changes', async () => {
    const before = JSON.stringify(await pollDocs());
    const bad = await people12[2].invoke('polls.answer', { pollId, answer: '9' });
    expect(cardText(bad.card)).toContain('Kies een van de antwoorden op de kaart. Er is niets veranderd.');
    expect(cardInputs(bad.card).some((i) => i.id === 'answer')).toBe(true); // the form stays, to try again
    const garbage = await people12[2].invoke('polls.answer', { pollId: '../../etc', answer: { $gt: 1 } });
    expect(cardText(garbage.card)).toContain('Er is niets veranderd');
    const outsider = await bot.user('Sanne de Vries').invoke('polls.answer', { pollId, answer: '1' });
    expect(cardText(outsider.card)).toContain('Deze peiling is niet voor jou bedoeld.');
    expect(JSON.stringify(await pollDocs())).toBe(before);
  });

  it('while open, organisers see only the number of answers (anonymous: results at the close); others nothing', async () => {
    const yusuf = bot.user('Yusuf Demir');
    const early = await yusuf.invoke('polls.results', { pollId });
    expect(cardText(early.card)).toContain('Aantal antwoorden tot nu toe: 1.');
    expect(cardActions(early.card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);

    for (const [i, u] of people12.slice(1, 7).entries())
      await u.invoke('polls.answer', {
        pollId,
        answer: scores[i],
        comment: i === 2 ? 'Meer *praktijk* graag' : '',
      });

    const forbidden = await bot.user('Medewerker Demo').invoke('polls.results', { pollId });
    expect(cardText(forbidden.card)).toContain(
      'Alleen het programmateam en de organisatoren van deze peiling zien de resultaten.',
    );

    const open = await yusuf.invoke('polls.results', { pollId });
    expect(cardText(open.card)).toContain('Respons: 7 van 12 (58%)');
    expect(cardText(open.card)).toContain('Aantal antwoorden tot nu toe: 7.');
    expect(cardText(open.card)).not.toMatch(/Gemiddelde|zeer tevreden|praktijk/);
    expect(cardActions(open.card).some((a) => a.type === 'Action.OpenUrl')).toBe(false);
  });

  it('two days before closing, only those who did not answer get a reminder', async () => {
    // Only the poll's reminders: on the same morning the kernteam's agenda goes to its members too.
    const reminders = (u: (typeof people12)[number]) =>
      cardsOf(u.inbox()).filter((c) => cardText(c).includes('Herinnering: deze peiling')).length;
    const before = people12.map(reminders);
    bot.clock.set('2026-12-05T09:00:00Z');
    await bot.runDue();
    const got = people12.map((u, i) => reminders(u) - before[i]);
    expect(got).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(cardText(lastCard(people12[9].inbox()))).toContain(
      'Herinnering: deze peiling sluit op maandag 7 december 2026, 10:00.',
    );
  });

  it('closes at closesAt: an answer after that gets a clear message and changes nothing; the link to people is gone', async () => {
    await bot.advance(days(2));
    const before = JSON.stringify(
      (await pollDocs())
        .filter((d) => d.pk === `answer:${pollId}`)
        .map((d) => d.data)
        .sort(),
    );
    const late = await people12[10].invoke('polls.answer', { pollId, answer: '1' });
    expect(cardText(late.card)).toContain('Deze peiling is gesloten. Er is niets veranderd.');
    const again = await people12[0].invoke('polls.answer', { pollId, answer: '1' });
    expect(cardText(again.card)).toContain('Deze peiling is gesloten.');
    const docs = await pollDocs();
    expect(
      JSON.stringify(
        docs
          .filter((d) => d.pk === `answer:${pollId}`)
          .map((d) => d.data)
          .sort(),
      ),
    ).toBe(before);
    expect(docs.filter((d) => String(d.pk).startsWith('participation:') || d.pk === 'secret')).toEqual([]);
    // Closed: now the results show, without any name.
    const res = await bot.user('Yusuf Demir').invoke('polls.results', { pollId });
    expect(cardText(res.card)).toContain('Gesloten sinds');
    const text = cardText(res.card);
    expect(text).toContain('Respons: 7 van 12 (58%)');
    expect(text).toContain('5 – zeer tevreden: 3 (43%)');
    expect(text).toContain('Gemiddelde: 4,0');
    expect(text).toContain('Aandeel 4 of 5: 71%');
    expect(text).toContain('Meer \\*praktijk\\* graag');
    for (const p of bot.deps.org.people) expect(text).not.toContain(p.name);

    const csv = await download(bot.url, findAction(res.card, 'Exporteer als CSV').url as string);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.body.trim().split('\r\n')).toHaveLength(8);
    for (const p of bot.deps.org.people) expect(csv.body).not.toContain(p.name);
    for (const id of attendees) expect(csv.body).not.toContain(id);
    // The link is personal: a forged subject fails the signature, and the producer re-checks access.
    expect(
      (await download(bot.url, findAction(res.card, 'Exporteer als CSV').url!.replace(/\.[^.]+$/, '.forged')))
        .status,
    ).toBe(404);
  });

  it('the logs never say who answered', () => {
    const logs = bot.logs().join('\n');
    expect(logs).toContain('poll answer recorded');
    const answerLines = bot.logs().filter((l) => l.includes('poll answer recorded'));
    for (const line of answerLines) for (const id of attendees) expect(line).not.toContain(id);
    expect(logs).not.toContain('Toch heel goed');
  });
});
