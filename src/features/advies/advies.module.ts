import type { AppDeps } from '../../platform/deps';
import { SignupService } from '../../platform/signups';
import { AdviesAdviceService } from './advies.advice.service';
import { AdviesFiguresService } from './advies.figures.service';
import { AdviesFiles } from './advies.files';
import { AdviesNotifier } from './advies.notifier';
import { AdviesRepository } from './advies.repository';
import { AdviesRequestService } from './advies.request.service';
import type { AdviesServiceDeps } from './advies.shared.service';
import { AdviesTriageService } from './advies.triage.service';
import { AdviesVolunteerService } from './advies.volunteer.service';

/** What the advies feature may use of the app. */
export type AdviesDeps = Pick<
  AppDeps,
  | 'store'
  | 'clock'
  | 'org'
  | 'i18n'
  | 'logger'
  | 'delivery'
  | 'scheduler'
  | 'conversations'
  | 'downloads'
  | 'people'
>;

export interface AdviesModule {
  repo: AdviesRepository;
  requests: AdviesRequestService;
  triage: AdviesTriageService;
  volunteers: AdviesVolunteerService;
  advice: AdviesAdviceService;
  figures: AdviesFiguresService;
  files: AdviesFiles;
  /** Open requests past their deadline without an answer: for the kernteam agenda. */
  overdueRequests(now: Date): Promise<Array<{ code: string; subject: string; deadline: string }>>;
}

/** Builds the feature's repositories and services once (also used by tests that skip the bot). */
export function createAdviesModule(deps: AdviesDeps): AdviesModule {
  const { store, clock, org, i18n, delivery, scheduler, conversations, people } = deps;
  const log = deps.logger.child({ feature: 'advies' });
  const repo = new AdviesRepository(store);
  const notifier = new AdviesNotifier(delivery, conversations, clock, org, i18n, log);
  const shared: AdviesServiceDeps = {
    repo,
    signups: new SignupService(store, clock),
    notifier,
    clock,
    org,
    people,
    log,
  };
  const triage = new AdviesTriageService(shared);
  const figures = new AdviesFiguresService(repo, org);
  return {
    repo,
    requests: new AdviesRequestService(shared),
    triage,
    volunteers: new AdviesVolunteerService(shared),
    advice: new AdviesAdviceService(shared, scheduler),
    figures,
    files: new AdviesFiles(figures, org, i18n),
    overdueRequests: (now) => triage.overdueRequests(now),
  };
}
