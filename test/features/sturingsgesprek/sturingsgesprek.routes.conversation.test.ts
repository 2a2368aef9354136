import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { cardOf, cardText, findAction, inputById, installAll, people } from './sturingsgesprek.helpers';

const invalidInput = 'Dat begreep ik niet goed: controleer wat je hebt ingevuld. Er is niets veranderd.';

/** What every route of the feature does with a bad payload, and outside the 1:1 chat. */
describe('sturingsgesprek: routes', () => {
  let bot: TestBot;
  let repo: SturingsgesprekRepository;

  beforeAll(async () => {
    bot = await startTestBot();
    repo = new SturingsgesprekRepository(bot.deps.store);
    await installAll(bot);
  });
  afterAll(async () => bot.stop());

  it('refuses the command in a channel with its own explanation, and shows nothing of the rounds there', async () => {
    const channel = bot.channel('Algemeen').as(bot.user(people.ravi));
    await channel.install();
    const replies = await channel.say('sturingsgesprek');
    expect(replies).toHaveLength(1);
    expect(replies[0].attachments ?? []).toEqual([]);
    expect(replies[0].text).toBe(
      'Het sturingsgesprek open je in je persoonlijke chat met de bot, niet in een kanaal of groepschat.',
    );
  });

  it('gives a malformed round form back as typed, with the Dutch invalid-input message, and saves nothing', async () => {
    const ravi = bot.user(people.ravi);
    const res = await ravi.invoke('sturingsgesprek.saveRound', {
      token: 'abcdef123456',
      setId: 'kwartaal-1',
      periodLabel: 'Zoals getypt',
      opensOn: 'volgende week',
      deadlineOn: '2026-12-11',
    });
    const form = cardOf(res);
    expect(cardText(form)).toContain(invalidInput);
    expect(inputById(form, 'periodLabel')?.value).toBe('Zoals getypt');
    expect(inputById(form, 'opensOn')?.value).toBe('volgende week');
    expect(findAction(form, 'Opslaan en controleren').data).toMatchObject({ token: 'abcdef123456' });
    expect(await repo.recentRounds()).toHaveLength(0);
  });

  it('answers a malformed payload on a set edit and on an answer with the Dutch invalid-input card, changing nothing', async () => {
    const ravi = bot.user(people.ravi);
    await ravi.invoke('sturingsgesprek.copySet', { sourceId: 'kwartaal-1', token: 'abcdef123' });
    const before = await repo.getSet('set-abcdef123');
    expect(before).toBeDefined();
    const edit = await ravi.invoke('sturingsgesprek.saveSet', {
      setId: 'set-abcdef123',
      revision: 'x',
      op: 'save',
      name_nl: 'Anders',
    });
    expect(cardText(cardOf(edit))).toContain(invalidInput);
    expect(await repo.getSet('set-abcdef123')).toEqual(before);

    const forged = await bot
      .user(people.bram)
      .invoke('sturingsgesprek.view', { roundId: 'r/../1', unitId: 'dienstverlening' });
    expect(cardText(cardOf(forged))).toContain(invalidInput);
  });
});
