import { cardText, walk, type CardNode } from '../../support/cards';
import { FakeGraph } from '../../support/fake-graph';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { inboxTexts, installAll, programmateamName, snapshot } from './advies.helpers';

/** Someone the directory knows but the organisation file does not. */
const wendy = { id: '0c0c0c0c-0000-4000-8000-0000000000aa', name: 'Wendy Tjon' };
const advice = (addresseeId: string) => ({
  addresseeId,
  subject: 'Vacatureteksten in gewone taal',
  clusterId: 'stadsbeheer',
  summary: 'Schrijf vacatures op B1-niveau en noem de ruimte voor aanpassingen.',
  link: 'https://intranet.example.org/advies/vacatures',
});

describe('advies: unsolicited advice to a colleague picked from the directory', () => {
  let graph: FakeGraph;
  let bot: TestBot;
  beforeEach(async () => {
    graph = await FakeGraph.start({ users: [{ id: wendy.id, displayName: wendy.name }] });
    bot = await startTestBot({ graph });
  });
  afterEach(async () => {
    await bot.stop();
    await graph.stop();
  });

  it('the form has the people picker; the addressee receives the advice and is asked about it 3 months later', async () => {
    const [pt] = await installAll(bot, [programmateamName]);
    const addressee = bot.user(wendy.name, wendy.id);
    await addressee.install();

    const form = await pt!.invoke('advies.unsolicitedForm');
    const pickers: CardNode[] = [];
    walk(form.card, (n) => n.type === 'Input.ChoiceSet' && n.id === 'addresseeId' && pickers.push(n));
    expect(pickers[0]!['choices.data']).toEqual({ type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    const titles = (pickers[0]!.choices as Array<{ title: string }>).map((c) => c.title);
    expect(titles).toContain('Lotte Visser');
    expect(titles).not.toContain(programmateamName);

    const sent = await pt!.invoke('advies.unsolicited', advice(wendy.id.toUpperCase()));
    expect(cardText(sent.card)).toContain('Het ongevraagde advies is vastgelegd en verstuurd.');
    expect(cardText(sent.card)).toContain('Voor: Wendy Tjon');
    await bot.runDue();
    const received = inboxTexts(addressee).at(-1)!;
    expect(received).toContain('Ongevraagd advies van het panel');
    expect(received).toContain('Schrijf vacatures op B1-niveau');
    expect(received).toContain('https://intranet.example.org/advies/vacatures');

    await bot.advance(92 * 86_400_000);
    expect(inboxTexts(addressee).at(-1)).toContain('Wat heb je met het advies gedaan?');
  });

  it('refuses an id nobody knows, the sender themselves, and a non-https link; nothing is stored', async () => {
    const [pt] = await installAll(bot, [programmateamName]);
    const before = await snapshot(bot);
    const unknown = await pt!.invoke('advies.unsolicited', advice('0c0c0c0c-0000-4000-8000-0000000000ff'));
    expect(cardText(unknown.card)).toContain('Deze collega is niet gevonden');
    const self = await pt!.invoke('advies.unsolicited', advice(pt!.aadObjectId));
    expect(cardText(self.card)).toContain('Deze collega is niet gevonden');
    const http = await pt!.invoke('advies.unsolicited', {
      ...advice(wendy.id),
      link: 'http://x.example.org',
    });
    expect(cardText(http.card)).toContain('begint met https://');
    expect(await snapshot(bot)).toEqual(before);
  });
});
