import type { AppDeps } from '../../platform/deps';
import { userKey } from '../../platform/delivery/delivery.port';
import { localeFrom } from '../../platform/i18n/i18n';
import { AnsweringService } from './sturingsgesprek.answering.service';
import { DoorbrakenService } from './sturingsgesprek.doorbraken.service';
import { RoundPeople } from './sturingsgesprek.people.service';
import { QuestionSetsService } from './sturingsgesprek.question-sets.service';
import { ReportService } from './sturingsgesprek.report.service';
import { SturingsgesprekRepository } from './sturingsgesprek.repository';
import { RoundNotifier } from './sturingsgesprek.round.notifier';
import { RoundsService } from './sturingsgesprek.rounds.service';
import { ScheduleService } from './sturingsgesprek.schedule.service';
import { TemplatesService } from './sturingsgesprek.templates.service';

/** What the sturingsgesprek feature may use of the app. */
export type SturingsgesprekDeps = Pick<
  AppDeps,
  | 'store'
  | 'org'
  | 'clock'
  | 'logger'
  | 'i18n'
  | 'delivery'
  | 'scheduler'
  | 'downloads'
  | 'conversations'
  | 'people'
>;

export interface SturingsgesprekModule {
  repo: SturingsgesprekRepository;
  notifier: RoundNotifier;
  sets: QuestionSetsService;
  templates: TemplatesService;
  doorbraken: DoorbrakenService;
  rounds: RoundsService;
  answering: AnsweringService;
  schedule: ScheduleService;
  report: ReportService;
  /** Names of the people the round's cards mention. */
  people: RoundPeople;
}

/** Builds the feature's repository and services once; the app, tests and scripts/example-report.ts call it. */
export function createSturingsgesprekModule(deps: SturingsgesprekDeps): SturingsgesprekModule {
  const { org, clock, i18n, scheduler } = deps;
  const repo = new SturingsgesprekRepository(deps.store);
  const logger = deps.logger.child({ feature: 'sturingsgesprek' });
  const people = new RoundPeople(deps.people);
  const notifier = new RoundNotifier({
    repo,
    org,
    clock,
    i18n,
    delivery: deps.delivery,
    downloads: deps.downloads,
    people,
    localeOf: async (id) => localeFrom(await deps.conversations.localeOf(userKey(id)), org),
  });
  const templates = new TemplatesService(org);
  templates.list(); // a bad template in the organisation's folder fails the start, not a round
  const sets = new QuestionSetsService(repo, clock, logger, templates, {
    languages: () => ({ languages: org.languages, defaultLocale: org.defaultLocale }),
    t: (lang, key, params) => i18n.t(lang, `sturingsgesprek.${key}`, params),
  });
  const doorbraken = new DoorbrakenService(repo, org, clock, logger);
  return {
    templates,
    doorbraken,
    repo,
    notifier,
    sets,
    rounds: new RoundsService(repo, org, clock, logger, sets, notifier, scheduler, people, doorbraken),
    answering: new AnsweringService(repo, org, clock, logger, notifier, people),
    schedule: new ScheduleService(repo, org, clock, logger, i18n, sets, notifier, scheduler),
    report: new ReportService(repo, org, clock, people),
    people,
  };
}
