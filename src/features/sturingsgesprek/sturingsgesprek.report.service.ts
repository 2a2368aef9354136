import { doorbrakenOf } from './sturingsgesprek.doorbraken.rules';
import type { Clock } from '../../platform/clock';
import { commonErrors } from '../../platform/errors';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { isManager, requireManager } from './sturingsgesprek.access';
import type { RoundPeople } from './sturingsgesprek.people.service';
import { PreviousRounds } from './sturingsgesprek.previous-rounds.service';
import { flattenQuestions, type Question } from './sturingsgesprek.question-set.schemas';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type {
  Answer,
  Counts,
  ReportModel,
  ReportQuestion,
  ReportRow,
  RoundDoc,
} from './sturingsgesprek.types';

function count(q: Question, answers: Array<Answer | undefined>, doorbraken: string[]): Counts | undefined {
  if (q.kind === 'doorbraken') {
    const ids = answers.flatMap((a) => (a?.kind === 'doorbraken' ? a.ids : []));
    return {
      kind: 'doorbraken',
      items: doorbraken.map((id) => ({ id, now: ids.filter((x) => x === id).length })),
    };
  }
  if (q.kind === 'yesNo') {
    const yn = answers.filter((a): a is Extract<Answer, { kind: 'yesNo' }> => a?.kind === 'yesNo');
    return { kind: 'yesNo', yes: yn.filter((a) => a.yes).length, no: yn.filter((a) => !a.yes).length };
  }
  return undefined;
}

function withPrevious(now: Counts | undefined, before: Counts | undefined): Counts | undefined {
  if (now?.kind === 'doorbraken' && before?.kind === 'doorbraken') {
    return {
      ...now,
      items: now.items.map((i) => ({ ...i, previous: before.items.find((b) => b.id === i.id)?.now ?? 0 })),
    };
  }
  if (now?.kind === 'yesNo' && before?.kind === 'yesNo')
    return { ...now, previousYes: before.yes, previousNo: before.no };
  return now;
}

/** The compiled report of a round: only submitted answers; each beside the unit's previous answer. */
export class ReportService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly people: RoundPeople,
  ) {}

  async compile(actor: Actor, roundId: string): Promise<ReportModel> {
    requireManager(actor);
    const round = await this.repo.getRound(roundId);
    if (!round || (round.status !== 'open' && round.status !== 'closed')) throw commonErrors.notFound();
    return this.build(round);
  }

  /** For a download link: the person it was made for must still be allowed to read reports. */
  async compileForSubject(subject: string, roundId: string): Promise<ReportModel | undefined> {
    const actor = this.org.actor(subject, this.org.defaultLocale);
    if (!isManager(actor)) return undefined;
    const round = await this.repo.getRound(roundId);
    if (!round || (round.status !== 'open' && round.status !== 'closed')) return undefined;
    return this.build(round);
  }

  private async build(round: RoundDoc): Promise<ReportModel> {
    const sheets = (await this.repo.sheets(round.roundId)).filter((s) => s.state === 'submitted');
    const previous = await PreviousRounds.for(this.repo, round);
    const roundDoorbraken = doorbrakenOf(round, this.org);
    const doorbraken = roundDoorbraken.map((d) => d.id);
    const base: ReportRow[] = round.units.flatMap((unit) => {
      const sheet = sheets.find((s) => s.unitId === unit.unitId);
      if (!sheet) return [];
      const byDeputy = sheet.submittedBy && sheet.submittedBy !== unit.ownerId;
      return [
        {
          unit,
          answeredBy: sheet.submittedBy,
          onBehalfOf: byDeputy ? unit.ownerId : undefined,
          submittedAt: sheet.submittedAt,
        },
      ];
    });
    const questions: ReportQuestion[] = [];
    for (const { q, number, parentId } of flattenQuestions(round.questions)) {
      const rows: ReportRow[] = [];
      for (const unit of round.units) {
        const sheet = sheets.find((s) => s.unitId === unit.unitId);
        const prev = await previous.answerOf(q.id, unit.unitId);
        const who = base.find((b) => b.unit.unitId === unit.unitId);
        const parent = parentId ? sheet?.answers[parentId] : undefined;
        const notApplicable = parent?.kind === 'yesNo' && !parent.yes;
        rows.push({
          ...(who ?? { unit }),
          answer: sheet?.answers[q.id],
          previous: prev?.answer ? prev : undefined,
          notApplicable,
        });
      }
      const before = await previous.answersOf(q.id);
      questions.push({
        q,
        number,
        parentId,
        rows,
        previousRound: before && { roundId: before.round.roundId, periodLabel: before.round.periodLabel },
        counts: withPrevious(
          count(
            q,
            rows.map((r) => r.answer),
            doorbraken,
          ),
          before && count(q, before.answers, doorbraken),
        ),
      });
    }
    return {
      round,
      doorbraken: roundDoorbraken,
      generatedAt: this.clock.now().toISOString(),
      submitted: base,
      missing: round.units.filter((u) => !sheets.some((s) => s.unitId === u.unitId)),
      questions,
      // Directors and whoever answered for them (a deputy's name kept with the sheet), in one look-up.
      names: await this.people.names(round.units, sheets),
    };
  }
}
