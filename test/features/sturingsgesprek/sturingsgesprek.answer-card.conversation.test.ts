import { walk } from '../../support/cards';
import { startTestBot, type TestBot } from '../../support/test-bot';
import {
  cardInputs,
  cardOf,
  cardText,
  click,
  installAll,
  k1Inputs,
  lastCard,
  makeRound,
  people,
  type Card,
} from './sturingsgesprek.helpers';

const nodes = (card: unknown, type: string) => {
  const found: Array<Record<string, unknown>> = [];
  walk(card, (n) => {
    if (n.type === type) found.push(n as Record<string, unknown>);
  });
  return found;
};

/** The director's card: short, each list once, labels that say which question, and a reply by the button. */
describe("sturingsgesprek: the director's card", () => {
  let bot: TestBot;
  let roundId: string;
  beforeAll(async () => {
    bot = await startTestBot();
    await installAll(bot);
    roundId = await makeRound(bot, { opensOn: '2026-11-23', deadlineOn: '2026-12-11' });
  });
  afterAll(async () => bot.stop());

  it('lists the 11 doorbraken in full once; the follow-ups stay folded until "ja"', async () => {
    const card = lastCard(bot, bot.user(people.eva));
    const choiceSets = nodes(card, 'Input.ChoiceSet').filter((c) => c.isMultiSelect);
    expect(choiceSets.map((c) => c.style)).toEqual(['expanded', 'compact']);
    expect((choiceSets[0].choices as unknown[]).length).toBe(11);

    const folded = nodes(card, 'Container').filter((c) => c.isVisible === false);
    expect(folded.map((c) => c.id)).toEqual(['q-k1-weerstand-welke', 'q-k1-weerstand-helpen']);
    const [toggle] = nodes(card, 'Action.ToggleVisibility');
    expect(toggle).toMatchObject({
      title: 'Vervolgvragen 2a, 2b tonen of verbergen',
      targetElements: ['q-k1-weerstand-welke', 'q-k1-weerstand-helpen'],
    });
    expect(JSON.stringify(card).length).toBeLessThan(16_000);
  });

  it('every input has its own label, with the question number', async () => {
    const labels = cardInputs(lastCard(bot, bot.user(people.eva))).map((i) => i.label as string);
    expect(labels).toContain('Waarom? (vraag 1)');
    expect(labels).toContain('Waarom? (vraag 2a)');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('after Indienen the confirmation sits at the bottom, next to the buttons', async () => {
    const kofi = bot.user(people.kofi);
    const inputs = k1Inputs({ prioriteit: ['db-01'], why: 'Leiderschap.', weerstand: 'no' });
    const card = cardOf(await click(kofi, lastCard(bot, kofi), 'Indienen', inputs));
    const body = card.body as Array<Record<string, unknown>>;
    const last = body.at(-1) as Card;
    expect(cardText(last)).toMatch(/^Ingediend\. Tot .* kun je je antwoord nog wijzigen\.$/);
    expect(cardText({ body: body.slice(0, 3) })).not.toContain('Ingediend.');
    // With "ja" the follow-ups open up again when the card comes back.
    const eva = bot.user(people.eva);
    const draft = cardOf(
      await click(eva, lastCard(bot, eva), 'Opslaan als concept', k1Inputs({ weerstand: 'yes' })),
    );
    expect(nodes(draft, 'Container').filter((c) => c.isVisible === false)).toHaveLength(0);
  });

  it("the report's question page lists chosen doorbraken one per line", async () => {
    const bram = bot.user(people.bram);
    const inputs = k1Inputs({ prioriteit: ['db-01', 'db-02'], why: 'Omdat.', weerstand: 'no' });
    await click(bram, lastCard(bot, bram), 'Indienen', inputs);
    const page = cardOf(await bot.user(people.mila).invoke('sturingsgesprek.report', { roundId, page: 1 }));
    const answer = nodes(page, 'TextBlock')
      .map((b) => b.text as string)
      .find((x) => x.includes('Objectieve werving'));
    expect(answer).toBe(
      '- Elke manager verwerft binnen drie jaar de vaardigheden van inclusief leiderschap\n' +
        '- Objectieve werving en selectie is standaard\n\nWaarom?\nOmdat.',
    );
  });
});
