import type { Actor, Organisation } from '../../platform/org/organisation';
import { assertProgrammateam } from './advies.access';
import { periodFigures } from './advies.figures.rules';
import type { AdviesRepository } from './advies.repository';
import type { PeriodFigures } from './advies.types';

/**
 * Figures for the evaluation, only for the programmateam. They come from the figure documents (no
 * person, no text), which outlive the requests themselves.
 */
export class AdviesFiguresService {
  constructor(
    private readonly repo: AdviesRepository,
    private readonly org: Organisation,
  ) {}

  async figures(actor: Actor, by: 'quarter' | 'year'): Promise<PeriodFigures[]> {
    assertProgrammateam(actor);
    return periodFigures(
      await this.repo.figures(),
      this.org.clusters.map((c) => c.id),
      by,
      this.org.adviesGrades?.bands.map((b) => b.id),
    );
  }
}
