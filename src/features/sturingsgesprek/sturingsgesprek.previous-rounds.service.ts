import { flattenQuestions } from './sturingsgesprek.question-set.schemas';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { Answer, PreviousAnswer, RoundDoc, SheetDoc } from './sturingsgesprek.types';

/**
 * "The previous round" per question: the latest earlier round that asked the same question (same id).
 * Sets copied from a template keep their ids, so Kwartaal 1 this year is compared with Kwartaal 1 last
 * time, even when a Kwartaal 2 round came in between.
 */
export class PreviousRounds {
  private readonly sheetCache = new Map<string, Promise<SheetDoc[]>>();

  private constructor(
    private readonly repo: SturingsgesprekRepository,
    /** question id → the round it was last asked in before this one. */
    readonly byQuestion: ReadonlyMap<string, RoundDoc>,
  ) {}

  static async for(repo: SturingsgesprekRepository, round: RoundDoc): Promise<PreviousRounds> {
    const earlier = await repo.roundsBefore(round.opensAt);
    const byQuestion = new Map<string, RoundDoc>();
    for (const { q } of flattenQuestions(round.questions)) {
      const found = earlier.find(
        (r) => r.roundId !== round.roundId && flattenQuestions(r.questions).some((x) => x.q.id === q.id),
      );
      if (found) byQuestion.set(q.id, found);
    }
    return new PreviousRounds(repo, byQuestion);
  }

  /** Submitted sheets of the round (drafts were never answers). */
  sheetsOf(roundId: string): Promise<SheetDoc[]> {
    let cached = this.sheetCache.get(roundId);
    if (!cached) {
      cached = this.repo.sheets(roundId).then((all) => all.filter((s) => s.state === 'submitted'));
      this.sheetCache.set(roundId, cached);
    }
    return cached;
  }

  async answerOf(questionId: string, unitId: string): Promise<PreviousAnswer | undefined> {
    const round = this.byQuestion.get(questionId);
    if (!round) return undefined;
    const sheet = (await this.sheetsOf(round.roundId)).find((s) => s.unitId === unitId);
    return { roundId: round.roundId, periodLabel: round.periodLabel, answer: sheet?.answers[questionId] };
  }

  async answersOf(questionId: string): Promise<{ round: RoundDoc; answers: Answer[] } | undefined> {
    const round = this.byQuestion.get(questionId);
    if (!round) return undefined;
    const sheets = await this.sheetsOf(round.roundId);
    return { round, answers: sheets.map((s) => s.answers[questionId]).filter((a): a is Answer => !!a) };
  }
}
