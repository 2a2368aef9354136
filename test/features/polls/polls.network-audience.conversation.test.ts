import { containers } from '../../../src/storage/document-store.port';
import { cardText, findAction } from '../../support/cards';
import { startTestBot, type TestBot, type TestUser } from '../../support/test-bot';
import { lastCard } from './polls.conversation.helpers';

/** Creates a poll through the person's own form; returns the answer card text and the new poll id. */
async function createPoll(user: TestUser, values: Record<string, string>) {
  const form = lastCard(await user.say('peiling'));
  const send = findAction(form, /^(Peiling versturen|Send poll)$/);
  const res = await user.invoke(send.verb!, {
    ...send.data,
    kind: 'rating',
    closesDate: '2026-11-30',
    ...values,
  });
  return { text: cardText(res.card), pollId: `adhoc-${(send.data as { formId: string }).formId}` };
}

describe('finding 12: polls sent to a network take answers only from its members', () => {
  let bot: TestBot;
  let member: TestUser;
  let outsider: TestUser;
  const polls = () => bot.deps.store.query<Record<string, unknown>>(containers.polls);

  beforeAll(async () => {
    bot = await startTestBot();
    member = bot.user('Collega Pride');
    outsider = bot.user('Collega Buiten');
    for (const u of [member, outsider]) await u.install();
    const networks = lastCard(await member.say('netwerken'));
    const join = findAction(networks, 'Lid worden');
    await member.invoke(join.verb!, { ...join.data, networkId: 'r-pride' });
  });
  afterAll(() => bot.stop());

  it('a member answers; a non-member with the poll id is refused and nothing is stored', async () => {
    const { text, pollId } = await createPoll(bot.user('Lotte Visser'), {
      question: 'Hoe vond je de borrel?',
      anonymous: 'yes',
      networks: 'r-pride',
    });
    expect(text).toContain('De peiling is verstuurd');
    await bot.runDue();
    expect(cardText(lastCard(member.inbox()))).toContain('Hoe vond je de borrel?');

    const before = JSON.stringify(await polls());
    const refused = await outsider.invoke('polls.answer', { pollId, answer: '1' });
    expect(cardText(refused.card)).toContain('Deze peiling is niet voor jou bedoeld.');
    // Not even the coordinator who sent it, unless a member.
    const sender = await bot.user('Lotte Visser').invoke('polls.answer', { pollId, answer: '1' });
    expect(cardText(sender.card)).toContain('Deze peiling is niet voor jou bedoeld.');
    expect(JSON.stringify(await polls())).toBe(before);

    const answered = await member.invoke('polls.answer', { pollId, answer: '4' });
    expect(cardText(answered.card)).toContain('Bedankt! Je antwoord is opgeslagen.');
    expect((await polls()).filter((d) => d.pk === `answer:${pollId}`)).toHaveLength(1);
  });

  it('a named poll to a network is refused unless the sender coordinates that network', async () => {
    // Sanne is programmateam (and coordinates another network): she may not learn R-Pride's members.
    const sanne = bot.user('Sanne de Vries');
    const before = JSON.stringify(await polls());
    const refused = await createPoll(sanne, {
      question: 'Wie komt er?',
      anonymous: 'no',
      networks: 'r-pride',
    });
    expect(refused.text).toContain('Een peiling met namen naar een netwerk kan alleen de coördinator');
    expect(JSON.stringify(await polls())).toBe(before);
    const english = await createPoll(sanne.locale('en'), {
      question: 'Who comes?',
      anonymous: 'no',
      networks: 'r-pride',
    });
    expect(english.text).toContain("Only a network's coordinator can send it a poll with names");
    sanne.locale('nl');
    expect(JSON.stringify(await polls())).toBe(before);

    // Her own network: allowed. Anonymous to R-Pride: allowed.
    expect(
      (
        await createPoll(sanne, {
          question: 'Wie komt er?',
          anonymous: 'no',
          networks: 'inclusiviteitspanel',
        })
      ).text,
    ).toContain('De peiling is verstuurd');
    expect(
      (await createPoll(sanne, { question: 'Hoe was het?', anonymous: 'yes', networks: 'r-pride' })).text,
    ).toContain('De peiling is verstuurd');
  });

  it('the coordinator’s named network poll: members answer with their name; only the coordinator sees it', async () => {
    const lotte = bot.user('Lotte Visser');
    const { text, pollId } = await createPoll(lotte, {
      question: 'Kom je naar de Pride-walk?',
      anonymous: 'no',
      networks: 'r-pride',
    });
    expect(text).toContain('De peiling is verstuurd');
    await bot.runDue();
    expect(cardText((await member.invoke('polls.answer', { pollId, answer: '5' })).card)).toContain(
      'Bedankt!',
    );
    expect(cardText((await outsider.invoke('polls.answer', { pollId, answer: '5' })).card)).toContain(
      'niet voor jou bedoeld',
    );
    const own = await lotte.invoke('polls.results', { pollId });
    expect(cardText(own.card)).toContain('Aantal antwoorden: 1');
    // The programmateam would learn who in R-Pride answered: refused.
    const programmateam = await bot.user('Yusuf Demir').invoke('polls.results', { pollId });
    expect(cardText(programmateam.card)).toContain('Alleen het programmateam en de organisatoren');
  });
});
