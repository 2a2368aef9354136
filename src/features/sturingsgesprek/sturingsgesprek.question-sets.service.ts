import type { Clock } from '../../platform/clock';
import type { Locale } from '../../platform/i18n/locale';
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
import { anyTyped, mergeText, type MergedText, type SetLanguages } from './sturingsgesprek.set-texts.rules';
import type { ResolvedSet, StoredSetDoc } from './sturingsgesprek.types';
import type { TemplatesService } from './sturingsgesprek.templates.service';

export type EditResult = { set: StoredSetDoc; changed: boolean; stale: boolean };

/** The organisation's languages and the catalogue words a set gets without anyone typing them. */
export interface SetWords {
  languages: () => SetLanguages;
  /** A catalogue message of this feature (`card.setEditor.copyName`, …) in a language. */
  t: (lang: Locale, key: string, params?: Record<string, string>) => string;
}

/** `where` the text is missing, for the message: 'name' (the set's), 'new' or a question's number. */
function complete(merged: MergedText, where: string): Bilingual {
  if (merged.missing) throw errors.textMissing({ where, language: merged.missing.replace('-', '') });
  return merged.text;
}

function withTexts(
  q: Question,
  typed: Record<string, string>,
  langs: SetLanguages,
  numbers: ReadonlyMap<string, string>,
): Question {
  const where = numbers.get(q.id) ?? q.id;
  const merge = (key: string, stored: Bilingual) => complete(mergeText(typed, key, stored, langs), where);
  const text = merge(`q_${q.id}`, q.text);
  if (q.kind === 'doorbraken') return { ...q, text, whyLabel: merge(`q_${q.id}_extra`, q.whyLabel) };
  if (q.kind === 'number') return { ...q, text, unit: merge(`q_${q.id}_extra`, q.unit) };
  if (q.kind === 'yesNo')
    return {
      ...q,
      text,
      followUps: q.followUps.map((f) => withTexts(f as Question, typed, langs, numbers) as typeof f),
    };
  return { ...q, text };
}

/** Question sets: the organisation's templates (read-only) and the copies the DIG office edits in Teams. */
export class QuestionSetsService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly templates: TemplatesService,
    private readonly words: SetWords,
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
      name: this.copyName(source.name),
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
    const langs = this.words.languages();
    const now = this.clock.now().toISOString();
    const result = await this.repo.updateSet<EditResult>(edit.setId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.revision !== edit.revision)
        return { kind: 'skip', result: { set: current, changed: false, stale: true } };
      const name = bilingual.safeParse(complete(mergeText(edit.texts, 'name', current.name, langs), 'name'));
      const numbers = new Map(flattenQuestions(current.questions).map((f) => [f.q.id, f.number]));
      // A question being removed needs no complete texts any more: removed before the texts are read.
      let questions = current.questions;
      if (edit.op === 'remove') questions = removeQuestion(questions, edit.questionId ?? '');
      questions = questions.map((q) => withTexts(q, edit.texts, langs, numbers));
      if (edit.op === 'add')
        questions = addQuestion(
          questions,
          this.newQuestion(edit, `${current.setId}-q${current.revision + 1}`),
        );
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

  /**
   * The new question's texts in every language (an empty one takes the default language's). A
   * doorbraken question without a typed label gets the catalogue's "Why?" in each language.
   */
  private newQuestion(edit: SetEdit, id: string): { raw: unknown; parentId?: string } {
    const add = edit.add;
    if (!add) throw errors.invalidSet();
    const langs = this.words.languages();
    const text = complete(mergeText(edit.texts, 'new', undefined, langs), 'new');
    const extra = () => complete(mergeText(edit.texts, 'new_extra', undefined, langs), 'new');
    const raw =
      add.kind === 'doorbraken'
        ? {
            id,
            kind: add.kind,
            text,
            whyLabel: anyTyped(edit.texts, 'new_extra', langs) ? extra() : this.inEvery(langs, 'defaultWhy'),
          }
        : add.kind === 'number'
          ? { id, kind: add.kind, text, unit: extra() }
          : add.kind === 'yesNo'
            ? { id, kind: add.kind, text, followUps: [] }
            : { id, kind: add.kind, text };
    return { raw, parentId: add.parentId };
  }

  private inEvery(langs: SetLanguages, key: string): Bilingual {
    return Object.fromEntries(
      langs.languages.map((lang) => [lang, this.words.t(lang, `card.setEditor.${key}`)]),
    );
  }

  /** The copy's name says it is a copy, in each language the name has. */
  private copyName(name: Bilingual): Bilingual {
    return Object.fromEntries(
      Object.entries(name).map(([lang, text]) => [
        lang,
        this.words.t(lang as Locale, 'card.setEditor.copyName', { name: text }).slice(0, 1000),
      ]),
    );
  }
}

function removeQuestion(questions: Question[], id: string): Question[] {
  if (!flattenQuestions(questions).some((f) => f.q.id === id)) throw commonErrors.notFound();
  if (questions.length === 1 && questions[0].id === id) throw errors.lastQuestion();
  return questions
    .filter((q) => q.id !== id)
    .map((q) => (q.kind === 'yesNo' ? { ...q, followUps: q.followUps.filter((f) => f.id !== id) } : q));
}

/** Adds a question parsed by {@link QuestionSetsService.newQuestion}: at the end, or after its yes/no question. */
function addQuestion(questions: Question[], added: { raw: unknown; parentId?: string }): Question[] {
  if (!added.parentId) {
    const parsed = question.safeParse(added.raw);
    if (!parsed.success) throw errors.invalidSet();
    return [...questions, parsed.data];
  }
  const parsed = followUpQuestion.safeParse(added.raw);
  const parent = questions.find((q) => q.id === added.parentId);
  if (!parsed.success || !parent || parent.kind !== 'yesNo') throw errors.invalidSet();
  return questions.map((q) =>
    q.id === parent.id && q.kind === 'yesNo' ? { ...q, followUps: [...q.followUps, parsed.data] } : q,
  );
}
