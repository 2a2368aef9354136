import { doorbrakenOf } from './sturingsgesprek.doorbraken.rules';
import type { Clock } from '../../platform/clock';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { answerRole, currentOwner } from './sturingsgesprek.access';
import { acceptsAnswers, missingRequired, readAnswers, sameAnswers } from './sturingsgesprek.answers.rules';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import { PreviousRounds } from './sturingsgesprek.previous-rounds.service';
import type { RoundPeople } from './sturingsgesprek.people.service';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import { answersToInputs, previousFor, rawInputs, unitOf } from './sturingsgesprek.sheet-view.rules';
import type {
  AnswerRole,
  Answers,
  BannerKey,
  Problem,
  RoundDoc,
  SheetDoc,
  SheetView,
  UnitSnapshot,
} from './sturingsgesprek.types';

export interface Loaded {
  round: RoundDoc;
  unit: UnitSnapshot;
  sheet: SheetDoc;
  role: AnswerRole;
}

export interface SaveInput {
  roundId: string;
  unitId: string;
  revision: number;
  raw: Record<string, unknown>;
}

type SaveOutcome =
  | { type: 'saved'; sheet: SheetDoc; banner: BannerKey }
  | { type: 'same'; sheet: SheetDoc; banner: BannerKey }
  | { type: 'conflict'; sheet: SheetDoc }
  | { type: 'problems'; sheet: SheetDoc; problems: Problem[] }
  | { type: 'alreadySubmitted'; sheet: SheetDoc };

export interface DeputyNotifier {
  sendDeputyCard(round: RoundDoc, unit: UnitSnapshot, sheet: SheetDoc): Promise<void>;
}

/** The director's (or deputy's) side: see the card, save a draft, submit, change, hand to a deputy. */
export class AnsweringService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly notifier: DeputyNotifier,
    private readonly people: RoundPeople,
  ) {}

  /** Open rounds this person answers, as director/head or as named deputy. */
  async mine(actor: Actor): Promise<Array<{ round: RoundDoc; unit: UnitSnapshot; role: AnswerRole }>> {
    const rounds = await this.repo.openRounds();
    const found: Array<{ round: RoundDoc; unit: UnitSnapshot; role: AnswerRole }> = [];
    for (const round of rounds) {
      for (const unit of round.units)
        if (currentOwner(this.org, unit) === actor.aadObjectId) found.push({ round, unit, role: 'owner' });
    }
    for (const sheet of await this.repo.sheetsWithDeputy(
      actor.aadObjectId,
      rounds.map((r) => r.roundId),
    )) {
      const round = rounds.find((r) => r.roundId === sheet.roundId) as RoundDoc;
      const unit = unitOf(round, sheet.unitId);
      if (unit && !found.some((f) => f.round.roundId === round.roundId && f.unit.unitId === unit.unitId))
        found.push({ round, unit, role: 'deputy' });
    }
    return found.sort((a, b) => a.round.deadline.localeCompare(b.round.deadline));
  }

  async view(
    actor: Actor,
    roundId: string,
    unitId: string,
    options: { markOpened?: boolean } = {},
  ): Promise<SheetView> {
    const loaded = await this.load(actor, roundId, unitId);
    if (
      options.markOpened &&
      loaded.sheet.state === 'notOpened' &&
      acceptsAnswers(loaded.round, this.clock.now())
    ) {
      const now = this.clock.now().toISOString();
      loaded.sheet = await this.repo.updateSheet(roundId, unitId, (current) => {
        if (!current) throw commonErrors.notFound();
        if (current.state !== 'notOpened') return { kind: 'skip', result: current };
        const next: SheetDoc = { ...current, state: 'opened', openedAt: now };
        return { kind: 'write', data: next, result: next };
      });
    }
    return this.build(actor, loaded, {});
  }

  async save(actor: Actor, mode: 'draft' | 'submit', input: SaveInput): Promise<SheetView> {
    const loaded = await this.load(actor, input.roundId, input.unitId);
    const { round } = loaded;
    // The round's own doorbraken: a doorbraak added to the list after the round opened is not a valid answer.
    const doorbraakIds = new Set(doorbrakenOf(round, this.org).map((d) => d.id));
    const parsed = readAnswers(round.questions, input.raw, doorbraakIds);
    if (!acceptsAnswers(round, this.clock.now())) {
      return this.build(actor, loaded, { banner: 'closed', conflict: { attempted: parsed.answers } });
    }
    const now = this.clock.now().toISOString();
    const outcome = await this.repo.updateSheet<SaveOutcome>(input.roundId, input.unitId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (loaded.role === 'deputy' && current.deputyId !== actor.aadObjectId) throw errors.notYourCluster();
      if (current.revision !== input.revision) {
        // A retried click (Teams repeats invokes) finds its own answer already saved: same result, no conflict.
        const sameState = mode === 'submit' ? current.state === 'submitted' : current.state === 'draft';
        const repeat =
          sameState &&
          current.lastEditedBy === actor.aadObjectId &&
          sameAnswers(current.answers, parsed.answers);
        return {
          kind: 'skip',
          result: repeat
            ? { type: 'same', sheet: current, banner: mode === 'submit' ? 'submitted' : 'draftSaved' }
            : { type: 'conflict', sheet: current },
        };
      }
      if (mode === 'draft' && current.state === 'submitted')
        return { kind: 'skip', result: { type: 'alreadySubmitted', sheet: current } };
      const problems = [
        ...parsed.problems,
        ...(mode === 'submit' ? missingRequired(round.questions, parsed.answers) : []),
      ];
      if (problems.length) return { kind: 'skip', result: { type: 'problems', sheet: current, problems } };
      const next: SheetDoc = {
        ...current,
        answers: parsed.answers,
        revision: current.revision + 1,
        state: mode === 'submit' ? 'submitted' : 'draft',
        openedAt: current.openedAt ?? now,
        lastEditedBy: actor.aadObjectId,
        lastEditedAt: now,
        ...(mode === 'submit' ? { submittedBy: actor.aadObjectId, submittedAt: now } : {}),
      };
      const banner: BannerKey =
        mode === 'draft' ? 'draftSaved' : current.state === 'submitted' ? 'resubmitted' : 'submitted';
      return { kind: 'write', data: next, result: { type: 'saved', sheet: next, banner } };
    });
    this.logger.info(
      {
        roundId: input.roundId,
        unitId: input.unitId,
        mode,
        outcome: outcome.type,
        revision: outcome.sheet.revision,
      },
      'sturingsgesprek answer',
    );
    loaded.sheet = outcome.sheet;
    const typed = rawInputs(round.questions, input.raw);
    switch (outcome.type) {
      case 'saved':
      case 'same':
        return this.build(actor, loaded, { banner: outcome.banner });
      case 'conflict':
        return this.build(actor, loaded, {
          banner: 'conflict',
          conflict: { changedBy: outcome.sheet.lastEditedBy, attempted: parsed.answers },
        });
      case 'problems':
        return this.build(actor, loaded, {
          banner: 'problems',
          problems: outcome.problems,
          inputValues: typed,
        });
      case 'alreadySubmitted':
        return this.build(actor, loaded, { banner: 'resubmitNeeded', inputValues: typed });
    }
  }

  /**
   * Names (or, without `deputyId`, removes) the deputy. The id comes from the card (the people picker
   * or the static list) and is checked here: a GUID (the schema), not the director themselves, and a
   * real person: in the organisation file or known to the directory (or seen in a recent turn). Their
   * name is kept with the sheet. Anything else is refused and nothing changes.
   */
  async setDeputy(
    actor: Actor,
    input: { roundId: string; unitId: string; deputyId?: string; raw: Record<string, unknown> },
  ): Promise<SheetView> {
    const loaded = await this.load(actor, input.roundId, input.unitId);
    if (loaded.role !== 'owner') throw errors.onlyDirectorNamesDeputy();
    const deputyId = input.deputyId?.toLowerCase();
    const self = deputyId === actor.aadObjectId || deputyId === loaded.unit.ownerId;
    if (deputyId !== undefined && self) throw errors.unknownDeputy();
    const deputyName = deputyId === undefined ? undefined : await this.people.nameOf(deputyId);
    if (deputyId !== undefined && !deputyName) throw errors.deputyNotFound();
    const typed = this.typedOrStored(loaded, input.raw);
    if (!acceptsAnswers(loaded.round, this.clock.now()))
      return this.build(actor, loaded, { banner: 'closed', inputValues: typed });
    const { sheet, changed } = await this.repo.updateSheet(input.roundId, input.unitId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.deputyId === deputyId) {
        // Named again (a retried click): the name is brought up to date, nobody gets a second card.
        if (!deputyId || current.deputyName === deputyName) {
          return { kind: 'skip', result: { sheet: current, changed: false } };
        }
        const renamed: SheetDoc = { ...current, deputyName };
        return { kind: 'write', data: renamed, result: { sheet: renamed, changed: false } };
      }
      const { deputyName: _gone, ...rest } = current;
      const next: SheetDoc = {
        ...rest,
        deputyId,
        ...(deputyId ? { deputyName } : {}),
        deputyAssignments: current.deputyAssignments + (deputyId ? 1 : 0),
      };
      return { kind: 'write', data: next, result: { sheet: next, changed: true } };
    });
    this.logger.info(
      { roundId: input.roundId, unitId: input.unitId, deputy: deputyId ? 'set' : 'removed', changed },
      'sturingsgesprek deputy',
    );
    // Also on a retried click: the broadcast id makes the second enqueue a no-op.
    if (sheet.deputyId) await this.notifier.sendDeputyCard(loaded.round, loaded.unit, sheet);
    loaded.sheet = sheet;
    return this.build(actor, loaded, {
      banner: deputyId ? 'deputySet' : 'deputyRemoved',
      inputValues: typed,
    });
  }

  private typedOrStored(loaded: Loaded, raw: Record<string, unknown>): Record<string, string> {
    const typed = rawInputs(loaded.round.questions, raw);
    return Object.keys(typed).length ? typed : answersToInputs(loaded.round.questions, loaded.sheet.answers);
  }

  private async load(actor: Actor, roundId: string, unitId: string): Promise<Loaded> {
    const round = await this.repo.getRound(roundId);
    if (!round || (round.status !== 'open' && round.status !== 'closed')) throw commonErrors.notFound();
    const unit = unitOf(round, unitId);
    const sheet = unit && (await this.repo.getSheet(roundId, unitId));
    if (!unit || !sheet) throw commonErrors.notFound();
    const role = answerRole(this.org, actor, unit, sheet);
    if (!role) throw errors.notYourCluster();
    return { round, unit, sheet, role };
  }

  private async build(
    actor: Actor,
    loaded: Loaded,
    extra: {
      banner?: BannerKey;
      problems?: Problem[];
      inputValues?: Record<string, string>;
      conflict?: { changedBy?: string; attempted: Answers };
    },
  ): Promise<SheetView> {
    return sheetView(this.repo, this.clock, this.people, loaded, actor.aadObjectId, extra);
  }
}

/** Also used to render the cards that go out proactively (round opened, deputy named, reminders). */
export async function sheetView(
  repo: SturingsgesprekRepository,
  clock: Clock,
  people: RoundPeople,
  loaded: Loaded,
  viewerId: string,
  extra: {
    banner?: BannerKey;
    problems?: Problem[];
    inputValues?: Record<string, string>;
    conflict?: { changedBy?: string; attempted: Answers };
  } = {},
): Promise<SheetView> {
  const previous = await previousFor(
    loaded.round.questions,
    loaded.unit.unitId,
    await PreviousRounds.for(repo, loaded.round),
  );
  const mentioned = extra.conflict?.changedBy ? [extra.conflict.changedBy] : [];
  const names = await people.names([loaded.unit], [loaded.sheet], mentioned);
  return {
    names,
    ...loaded,
    viewerId,
    editable: acceptsAnswers(loaded.round, clock.now()),
    previous,
    inputValues: extra.inputValues ?? answersToInputs(loaded.round.questions, loaded.sheet.answers),
    problems: extra.problems ?? [],
    banner: extra.banner,
    conflict: extra.conflict,
  };
}
