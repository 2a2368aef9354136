import type { AppDeps } from '../../platform/deps';
import { userKey } from '../../platform/delivery/delivery.port';
import { localeFrom } from '../../platform/i18n/i18n';
import { AnsweringService } from './sturingsgesprek.answering.service';
import type { SgContext } from './context';
import { QuestionSetsService } from './sturingsgesprek.question-sets.service';
import { ReportService } from './sturingsgesprek.report.service';
import { RoundNotifier } from './sturingsgesprek.round.notifier';
import { RoundsService } from './sturingsgesprek.rounds.service';
import { ScheduleService } from './sturingsgesprek.schedule.service';
import { SturingsgesprekRepository } from './sturingsgesprek.repository';

export interface SturingsgesprekServices {
  ctx: SgContext;
  notifier: RoundNotifier;
  sets: QuestionSetsService;
  rounds: RoundsService;
  answering: AnsweringService;
  schedule: ScheduleService;
  report: ReportService;
}

/** The feature's composition: one place that wires its services onto the app's deps. */
export function createSturingsgesprek(deps: Pick<AppDeps, 'store' | 'org' | 'clock' | 'logger' | 'i18n' | 'delivery' | 'scheduler' | 'downloads' | 'conversations'>): SturingsgesprekServices {
  const ctx: SgContext = {
    repo: new SturingsgesprekRepository(deps.store),
    org: deps.org,
    clock: deps.clock,
    logger: deps.logger.child({ feature: 'sturingsgesprek' }),
  };
  const fallback = deps.org.data.organisation.defaultLocale;
  const notifier = new RoundNotifier({
    ctx,
    i18n: deps.i18n,
    delivery: deps.delivery,
    downloads: deps.downloads,
    localeOf: async (id) => localeFrom(await deps.conversations.localeOf(userKey(id)), fallback),
  });
  const sets = new QuestionSetsService(ctx);
  return {
    ctx,
    notifier,
    sets,
    rounds: new RoundsService(ctx, sets, notifier, deps.scheduler),
    answering: new AnsweringService(ctx, notifier),
    schedule: new ScheduleService(ctx, deps.i18n, sets, notifier, deps.scheduler),
    report: new ReportService(ctx),
  };
}
