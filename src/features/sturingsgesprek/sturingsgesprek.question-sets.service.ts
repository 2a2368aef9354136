import type { Clock } from '../../platform/clock';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor } from '../../platform/org/organisation';
import { requireManager } from './sturingsgesprek.access';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import {
  bilingual,
  flattenQuestions,
  followUpQuestion,
  question,
  questionList,
  type Bilingual,
  type Question,
} from './sturingsgesprek.question-set.schemas';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { SetEdit } from './sturingsgesprek.schemas';
import type { ResolvedSet, StoredSetDoc } from './sturingsgesprek.types';
import type { TemplatesService } from './sturingsgesprek.templates.service';

export type EditResult = { set: StoredSetDoc; changed: boolean; stale: boolean };

/**
 * Texts typed in the editor: nl and en; an empty one takes the other's text. Other languages of the
 * template (it, nl-BE) are kept as they are, and a set without Dutch does not get the English as Dutch.
 */
function textFrom(texts: Record<string, string>, key: string, fallback: Bilingual): Bilingual {
  const typedNl = texts[`${key}_nl`]?.trim();
  const typedEn = texts[`${key}_en`]?.trim();
  const hasNl = fallback.nl !== undefined || !!typedNl;
  const hasEn = fallback.en !== undefined || !!typedEn;
  const nl = hasNl ? typedNl || typedEn || fallback.nl : undefined;
  const en = hasEn ? typedEn || typedNl || fallback.en : undefined;
  return { ...fallback, ...(nl ? { nl } : {}), ...(en ? { en } : {}) };
}

/** The copy's name says it is a copy, in each language the name has. */
const copySuffix: Record<string, string> = {
  nl: ' (kopie)',
  'nl-BE': ' (kopie)',
  en: ' (copy)',
  it: ' (copia)',
};
const copyName = (name: Bilingual): Bilingual =>
  Object.fromEntries(
    Object.entries(name).map(([lang, text]) => [lang, `${text}${copySuffix[lang] ?? ' (2)'}`.slice(0, 1000)]),
  );

function withTexts(q: Question, texts: Record<string, string>): Question {
  const text = textFrom(texts, `q_${q.id}`, q.text);
  if (q.kind === 'doorbraken')
    return { ...q, text, whyLabel: textFrom(texts, `q_${q.id}_extra`, q.whyLabel) };
  if (q.kind === 'number') return { ...q, text, unit: textFrom(texts, `q_${q.id}_extra`, q.unit) };
  if (q.kind === 'yesNo')
    return { ...q, text, followUps: q.followUps.map((f) => withTexts(f as Question, texts) as typeof f) };
  return { ...q, text };
}

/** Question sets: the organisation's templates (read-only) and the copies the DIG office edits in Teams. */
export class QuestionSetsService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly templates: TemplatesService,
  ) {}

  async resolve(setId: string): Promise<ResolvedSet | undefined> {
    const template = this.templates.byId(setId);
    if (template)
      return { setId: template.id, name: template.name, questions: template.questions, isTemplate: true };
    const stored = await this.repo.getSet(setId);
    return (
      stored && { setId: stored.setId, name: stored.name, questions: stored.questions, isTemplate: false }
    );
  }

  async list(actor: Actor): Promise<ResolvedSet[]> {
    requireManager(actor);
    const stored = await this.repo.listSets();
    return [
      ...this.templates
        .list()
        .map((t) => ({ setId: t.id, name: t.name, questions: t.questions, isTemplate: true })),
      ...stored.map((s) => ({ setId: s.setId, name: s.name, questions: s.questions, isTemplate: false })),
    ];
  }

  /** A new editable copy; the id comes from the card, so a retried click makes one copy. */
  async copy(actor: Actor, sourceId: string, token: string): Promise<StoredSetDoc> {
    requireManager(actor);
    const source = await this.resolve(sourceId);
    if (!source) throw commonErrors.notFound();
    const now = this.clock.now().toISOString();
    const { set } = await this.repo.createSet({
      setId: `set-${token}`,
      name: copyName(source.name),
      questions: source.questions,
      basedOn: source.setId,
      revision: 1,
      createdBy: actor.aadObjectId,
      updatedBy: actor.aadObjectId,
      updatedAt: now,
    });
    return set;
  }

  async get(actor: Actor, setId: string): Promise<StoredSetDoc> {
    requireManager(actor);
    const set = await this.repo.getSet(setId);
    if (!set) throw commonErrors.notFound();
    return set;
  }

  /**
   * Saves the typed texts and applies one change (add or remove a question). The card's revision must
   * still be current; otherwise nothing changes and the editor shows the current version.
   */
  async edit(actor: Actor, edit: SetEdit): Promise<EditResult> {
    requireManager(actor);
    const now = this.clock.now().toISOString();
    const result = await this.repo.updateSet<EditResult>(edit.setId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.revision !== edit.revision)
        return { kind: 'skip', result: { set: current, changed: false, stale: true } };
      const name = bilingual.safeParse(textFrom(edit.texts, 'name', current.name));
      let questions = current.questions.map((q) => withTexts(q, edit.texts));
      if (edit.op === 'remove') questions = removeQuestion(questions, edit.questionId ?? '');
      if (edit.op === 'add')
        questions = addQuestion(questions, edit, `${current.setId}-q${current.revision + 1}`);
      const valid = questionList.safeParse(questions);
      if (!name.success || !valid.success) throw errors.invalidSet();
      const next: StoredSetDoc = {
        ...current,
        name: name.data,
        questions: valid.data,
        revision: current.revision + 1,
        updatedBy: actor.aadObjectId,
        updatedAt: now,
      };
      return { kind: 'write', data: next, result: { set: next, changed: true, stale: false } };
    });
    this.logger.info(
      { setId: edit.setId, op: edit.op, changed: result.changed, stale: result.stale },
      'sturingsgesprek set edit',
    );
    return result;
  }
}

function removeQuestion(questions: Question[], id: string): Question[] {
  if (!flattenQuestions(questions).some((f) => f.q.id === id)) throw commonErrors.notFound();
  if (questions.length === 1 && questions[0].id === id) throw errors.lastQuestion();
  return questions
    .filter((q) => q.id !== id)
    .map((q) => (q.kind === 'yesNo' ? { ...q, followUps: q.followUps.filter((f) => f.id !== id) } : q));
}

function addQuestion(questions: Question[], edit: SetEdit, id: string): Question[] {
  const add = edit.add;
  if (!add) throw errors.invalidSet();
  const text = { nl: add.nl || add.en, en: add.en || add.nl };
  const extra = { nl: add.extraNl || add.extraEn, en: add.extraEn || add.extraNl };
  const raw =
    add.kind === 'doorbraken'
      ? { id, kind: add.kind, text, whyLabel: extra.nl ? extra : { nl: 'Waarom?', en: 'Why?' } }
      : add.kind === 'number'
        ? { id, kind: add.kind, text, unit: extra }
        : add.kind === 'yesNo'
          ? { id, kind: add.kind, text, followUps: [] }
          : { id, kind: add.kind, text };
  if (!add.parentId) {
    const parsed = question.safeParse(raw);
    if (!parsed.success) throw errors.invalidSet();
    return [...questions, parsed.data];
  }
  const parsed = followUpQuestion.safeParse(raw);
  const parent = questions.find((q) => q.id === add.parentId);
  if (!parsed.success || !parent || parent.kind !== 'yesNo') throw errors.invalidSet();
  return questions.map((q) =>
    q.id === parent.id && q.kind === 'yesNo' ? { ...q, followUps: [...q.followUps, parsed.data] } : q,
  );
}
