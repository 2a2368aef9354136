import { cardActions, cardInputs, cardText, findAction } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { containers } from '../../../src/storage/document-store.port';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { download, lastCard } from './polls.conversation.helpers';

/** Not in the organisation file. Teams names Jeroen in his turn; Fatima only the directory knows. */
const jeroen = { id: 'ce000000-0000-4000-8000-0000000000b1', name: 'Jeroen de Wit' };
const fatima = { id: 'ce000000-0000-4000-8000-0000000000b2', name: 'Fatima Yilmaz' };
const nobody = { id: 'ce000000-0000-4000-8000-0000000000b3' };

/** Sanne sends a named single-choice poll to the channel; five colleagues answer on the channel card. */
async function namedPollAnswered(bot: TestBot): Promise<{ csv: string; resultsText: string }> {
  const channel = bot.channel('Algemeen');
  await channel.install();
  const sanne = bot.user('Sanne de Vries');
  const form = lastCard(await sanne.say('peiling'));
  const channelInput = cardInputs(form).find((i) => i.id === 'channel');
  const channelChoice = (channelInput?.choices as Array<{ value: string }>)[0];
  const send = findAction(form, 'Peiling versturen');
  await sanne.invoke(send.verb!, {
    ...send.data,
    ...{ question: 'Welke dag?', kind: 'single', options: 'Dinsdag\nDonderdag', anonymous: 'no' },
    ...{ channel: channelChoice!.value, closesDate: '2026-11-30', closesTime: '12:00' },
  });
  await bot.runDue();
  const answer = findAction(lastCard(channel.inbox()), 'Antwoord versturen');
  // Teams gives no display name in the turns of Fatima and the last colleague.
  const people = [
    bot.user('Noor El Amrani'),
    bot.user('Eva Smit'),
    bot.user(jeroen.name, jeroen.id),
    bot.user('', fatima.id),
    bot.user('', nobody.id),
  ];
  for (const p of people) await channel.as(p).invoke(answer.verb!, { ...answer.data, answer: '0' });

  const list = lastCard(await sanne.say('peilingen'));
  const results = await sanne.invoke('polls.results', findAction(list, 'Resultaten').data);
  const link = cardActions(results.card).find((a) => a.type === 'Action.OpenUrl')!.url!;
  const csv = await download(bot.url, link);
  expect(csv.status).toBe(200);
  return { csv: csv.body, resultsText: cardText(results.card) };
}

describe('polls: the named-poll export names every respondent, never by id', () => {
  it('with Graph: the name kept with the answer, the file, the directory; others neutral', async () => {
    const graph = await FakeGraph.start({ users: [{ id: fatima.id, displayName: fatima.name }] });
    const bot = await startTestBot({ graph });
    try {
      const { csv, resultsText } = await namedPollAnswered(bot);
      const rows = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(rows[0]).toBe('"naam","antwoord"');
      const names = ['Eva Smit', 'Fatima Yilmaz', 'Jeroen de Wit', 'Noor El Amrani', 'onbekende collega'];
      expect(rows.slice(1).sort()).toEqual(names.map((n) => `"${n}","Dinsdag"`));
      for (const id of [jeroen.id, fatima.id, nobody.id]) expect(csv).not.toContain(id);
      // The results card itself names nobody.
      for (const n of [jeroen.name, fatima.name, 'Noor El Amrani']) expect(resultsText).not.toContain(n);
      const logs = bot.logs();
      for (const name of [jeroen.name, fatima.name]) expect(logs.filter((l) => l.includes(name))).toEqual([]);
    } finally {
      await bot.stop();
      await graph.stop();
    }
  });

  it('without Graph: names from the file and the one kept with the answer; others neutral', async () => {
    const bot = await startTestBot();
    try {
      const { csv } = await namedPollAnswered(bot);
      const rows = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1);
      const names = ['Eva Smit', 'Jeroen de Wit', 'Noor El Amrani', 'onbekende collega', 'onbekende collega'];
      expect(rows.sort()).toEqual(names.map((n) => `"${n}","Dinsdag"`));
      // Jeroen's name is kept with his (named) answer, the same document as his id.
      type Stored = { respondentId?: string; respondentName?: string };
      const answers = await bot.deps.store.query<Stored>(containers.polls);
      const his = answers.find((a) => a.data.respondentId === jeroen.id);
      expect(his?.data.respondentName).toBe(jeroen.name);
      for (const id of [jeroen.id, fatima.id, nobody.id]) expect(csv).not.toContain(id);
    } finally {
      await bot.stop();
    }
  });
});
