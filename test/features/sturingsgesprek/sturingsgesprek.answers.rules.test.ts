import {
  missingRequired,
  readAnswers,
  sameAnswers,
} from '../../../src/features/sturingsgesprek/sturingsgesprek.answers.rules';
import { templateById } from '../../../src/features/sturingsgesprek/sturingsgesprek.templates.rules';

const k1 = templateById('kwartaal-1')?.questions ?? [];
const ids = new Set(['db-01', 'db-02', 'db-03']);

/** Card inputs → answers: the server's own checks, whatever the card allowed. */
describe('sturingsgesprek answers', () => {
  it('keeps line breaks of long answers and drops control characters', () => {
    const why = `Regel 1\r\nRegel 2\n\n${'x'.repeat(3900)}\u0007`;
    const { answers, problems } = readAnswers(
      k1,
      { 'a_k1-prioriteit': 'db-01, db-02', 'a_k1-prioriteit_why': why },
      ids,
    );
    expect(problems).toEqual([]);
    expect(answers['k1-prioriteit']).toEqual({
      kind: 'doorbraken',
      ids: ['db-01', 'db-02'],
      why: `Regel 1\nRegel 2\n\n${'x'.repeat(3900)}`,
    });
  });

  it('refuses answers over the length limit and doorbraken not in the organisation list', () => {
    const long = readAnswers(k1, { 'a_k1-weerstand-helpen': 'y'.repeat(4001) }, ids);
    expect(long.problems).toEqual([
      { questionId: 'k1-weerstand-helpen', code: 'tooLong', params: { max: 4000 } },
    ]);
    expect(long.answers).toEqual({});
    const unknown = readAnswers(k1, { 'a_k1-prioriteit': 'db-01,db-99' }, ids);
    expect(unknown.problems).toEqual([{ questionId: 'k1-prioriteit', code: 'unknownDoorbraak' }]);
    const forged = readAnswers(
      k1,
      { 'a_k1-weerstand': 'misschien', 'a_k1-prioriteit_why': { $gt: '' } },
      ids,
    );
    expect(forged.problems.map((p) => p.code).sort()).toEqual(['invalid', 'invalid']);
  });

  it('asks the follow-ups only after a yes, and refuses them after a no', () => {
    const no = readAnswers(
      k1,
      { 'a_k1-prioriteit': 'db-01', 'a_k1-prioriteit_why': 'w', 'a_k1-weerstand': 'no' },
      ids,
    );
    expect(no.problems).toEqual([]);
    expect(missingRequired(k1, no.answers)).toEqual([]);
    const yes = readAnswers(
      k1,
      { 'a_k1-prioriteit': 'db-01', 'a_k1-prioriteit_why': 'w', 'a_k1-weerstand': 'yes' },
      ids,
    );
    expect(missingRequired(k1, yes.answers).map((p) => p.questionId)).toEqual([
      'k1-weerstand-welke',
      'k1-weerstand-helpen',
    ]);
    const mixed = readAnswers(k1, { 'a_k1-weerstand': 'no', 'a_k1-weerstand-helpen': 'toch iets' }, ids);
    expect(mixed.problems).toEqual([{ questionId: 'k1-weerstand', code: 'followUpsWithNo' }]);
    // A chosen doorbraak without the "why" is not complete.
    const noWhy = readAnswers(k1, { 'a_k1-prioriteit': 'db-01', 'a_k1-weerstand': 'no' }, ids);
    expect(missingRequired(k1, noWhy.answers)).toEqual([{ questionId: 'k1-prioriteit', code: 'required' }]);
  });

  it('treats the same answers in another key order as the same (a retried click)', () => {
    expect(
      sameAnswers(
        { a: { kind: 'text', text: 'x' }, b: { kind: 'yesNo', yes: true } },
        { b: { kind: 'yesNo', yes: true }, a: { kind: 'text', text: 'x' } },
      ),
    ).toBe(true);
    expect(sameAnswers({ a: { kind: 'text', text: 'x' } }, { a: { kind: 'text', text: 'y' } })).toBe(false);
  });
});

describe('sturingsgesprek templates', () => {
  // Verbatim from DiGiN D5.2 [002:777-789] as quoted in the panel's domain facts (§6.3).
  it('ship the Kwartaal 1 and 2 questions verbatim in Dutch, each with an English text', () => {
    const k1t = templateById('kwartaal-1');
    const k2t = templateById('kwartaal-2');
    const texts = (t: typeof k1t) =>
      (t?.questions ?? []).flatMap((q) => [
        q.text.nl,
        ...(q.kind === 'yesNo' ? q.followUps.map((f) => f.text.nl) : []),
      ]);
    expect(texts(k1t)).toEqual([
      'Welke van de 11 doorbraken binnen de cluster zijn geprioriteerd en waarom?',
      'Is er weerstand binnen de cluster tegen één of meerdere doorbraken?',
      'Zo ja, welke doorbraak wordt beïnvloed en waarom?',
      'Wat kan helpen om deze weerstand aan te pakken?',
    ]);
    expect(texts(k2t)).toEqual([
      'Welke concrete en meetbare resultaten heeft de focus op diversiteit, rechtvaardigheid en inclusie (DEI) in jouw cluster tot nu toe opgeleverd, zowel in termen van bewustzijn als een aantoonbaar meer diverse en inclusieve samenstelling van de beroepsbevolking?',
      'Beschrijf welke doorbraken het meest hebben bijgedragen, hoe deze zijn ingebed in werkprocessen en welke volgende stappen nodig zijn om de ambitie van “Rotterdam representeert Rotterdam” te realiseren.',
    ]);
    expect(k1t?.questions.map((q) => q.kind)).toEqual(['doorbraken', 'yesNo']);
    expect(k2t?.questions.map((q) => q.kind)).toEqual(['text', 'doorbraken']);
    for (const q of [...(k1t?.questions ?? []), ...(k2t?.questions ?? [])])
      expect(q.text.en?.length).toBeGreaterThan(20);
  });
});
