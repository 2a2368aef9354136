import { SturingsgesprekRepository } from '../../../src/features/sturingsgesprek/sturingsgesprek.repository';
import { exampleLanguage, exampleLocale, exampleOrg, foreignLines } from '../../support/example-org';
import { startTestBot, type TestBot } from '../../support/test-bot';
import { cardOf, cardText, click, inputById, lastCard, type Card } from './sturingsgesprek.helpers';

const office = 'Elena Traverso'; // Genova's CUG (the DIG office's role)
const secretary = 'Paolo Ghiglione';
const director = 'Federica Merlo';
const edited = 'Su quali azioni del piano D&I punta la tua direzione nel 2027, e per quale motivo?';

/** Genova's CUG edits an Italian question set in Teams; a round from it asks the director in Italian. */
describe('sturingsgesprek question-set editor in Genova (Italian)', () => {
  let bot: TestBot;
  let repo: SturingsgesprekRepository;
  const answered: Card[] = [];
  const t = (key: string, params?: Record<string, string | number>) =>
    bot.deps.i18n.t(exampleLanguage.genova, `sturingsgesprek.${key}`, params);

  beforeAll(async () => {
    bot = await startTestBot({ orgPatch: exampleOrg('genova') });
    repo = new SturingsgesprekRepository(bot.deps.store);
    for (const name of [office, secretary, director])
      await bot.user(name).locale(exampleLocale.genova).install();
  });
  afterAll(async () => bot.stop());

  it('the CUG copies a template, edits an Italian question and saves; a round shows it to the director', async () => {
    const cug = bot.user(office).locale(exampleLocale.genova);
    const overview = (await cug.say('colloquio'))[0].attachments?.[0].content as Card;
    const sets = cardOf(await click(cug, overview, t('card.overview.sets')));
    const copy = cardOf(await click(cug, sets, t('card.sets.copy', { name: "Avvio dell'anno" })));
    answered.push(overview, sets, copy);

    // One input per language Genova offers, labelled in Italian; English may stay empty.
    expect(inputById(copy, 'name_it')).toMatchObject({ label: 'Nome – Italiano', isRequired: true });
    expect(inputById(copy, 'name_en')).toMatchObject({
      label: 'Nome – Inglese (se vuoto, vale il testo italiano)',
      isRequired: false,
    });
    expect(inputById(copy, 'q_av-priorita_it')?.label).toBe('Domanda 1 – Italiano');
    expect(inputById(copy, 'q_av-priorita_extra_it')?.label).toBe(
      'Etichetta della spiegazione alla domanda 1 – Italiano',
    );
    expect(inputById(copy, 'name_nl')).toBeUndefined();
    expect(cardText(copy)).toContain(`Domanda 1: ${t('card.kinds.doorbraken')}`);
    expect(inputById(copy, 'new_it')?.label).toBe('Nuova domanda – Italiano');

    const saved = cardOf(
      await click(cug, copy, t('card.setEditor.save'), { 'q_av-priorita_it': edited, name_it: 'Avvio 2027' }),
    );
    expect(cardText(saved)).toContain(t('card.setEditor.saved'));
    answered.push(saved);
    const [set] = await repo.listSets();
    const setId = set.setId;
    expect(set?.name).toEqual({ it: 'Avvio 2027', en: 'Start of the year (copy)' });
    expect(set?.questions[0].text).toEqual({
      it: edited,
      en: 'Which actions of the D&I plan is your directorate focusing on this year, and why these?',
    });

    const boss = bot.user(secretary).locale(exampleLocale.genova);
    const form = cardOf(await boss.invoke('sturingsgesprek.newRound'));
    const today = new Date(bot.deps.clock.now()).toISOString().slice(0, 10);
    const draft = cardOf(
      await click(boss, form, t('card.roundForm.save'), {
        setId,
        periodLabel: 'Avvio 2027',
        opensOn: today,
        opensTime: '00:00',
      }),
    );
    await click(boss, draft, t('card.confirm.send'));
    await bot.runDue();
    const card = lastCard(bot, bot.user(director));
    expect(cardText(card).replace(/'/g, '’')).toContain(edited.replace(/'/g, '’'));
    answered.push(form, draft);
  });

  it('refuses a set whose Italian text is missing, in Italian, and saves nothing', async () => {
    const cug = bot.user(office).locale(exampleLocale.genova);
    const [stored] = await repo.listSets();
    const editor = cardOf(await cug.invoke('sturingsgesprek.editSet', { setId: stored.setId }));
    const refused = cardOf(
      await click(cug, editor, t('card.setEditor.save'), {
        'q_av-ostacoli_it': '  ',
        'q_av-ostacoli_en': 'Any obstacles?',
      }),
    );
    expect(cardText(refused)).toContain(
      'Manca il testo in italiano della domanda 2. Non è stato salvato nulla.',
    );
    expect(await repo.getSet(stored.setId)).toEqual(stored);

    // The new question too: without Italian nothing is added; with it, English takes the Italian.
    const noItalian = cardOf(
      await click(cug, editor, t('card.setEditor.add'), { new_kind: 'text', new_en: 'Anything else?' }),
    );
    expect(cardText(noItalian)).toContain('Manca il testo in italiano della nuova domanda.');
    expect(await repo.getSet(stored.setId)).toEqual(stored);
    const added = cardOf(
      await click(cug, editor, t('card.setEditor.add'), { new_kind: 'text', new_it: 'Altro da aggiungere?' }),
    );
    expect(cardText(added)).toContain(t('card.setEditor.saved'));
    const after = await repo.getSet(stored.setId);
    expect(after?.questions.at(-1)?.text).toEqual({ it: 'Altro da aggiungere?', en: 'Altro da aggiungere?' });
    answered.push(editor, refused, noItalian, added);
  });

  it('no Rotterdam word or unfilled placeholder in anything the bot sent', () => {
    expect(foreignLines(bot, 'genova')).toEqual([]);
    const lines = answered.flatMap((c) => cardText(c).split('\n'));
    expect(lines.filter((l) => /Rotterdam|\bDIG\b|olandese|\{@|\{\w+\}/.test(l))).toEqual([]);
  });
});
