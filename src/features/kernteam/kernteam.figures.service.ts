import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireProgrammateam } from './kernteam.access';
import { periodFigures, type PeriodFigures } from './kernteam.figures.rules';
import type { KernteamRepository } from './kernteam.repository';

/** Signals per quarter and year by topic, small cells hidden; for the panel's evaluation. */
export class FiguresService {
  constructor(
    private readonly repo: KernteamRepository,
    private readonly org: Organisation,
  ) {}

  async figures(actor: Actor): Promise<PeriodFigures[]> {
    requireProgrammateam(actor);
    const topics = this.org.data.signalTopics.map((t) => t.id);
    return periodFigures(await this.repo.figures(), topics);
  }
}
