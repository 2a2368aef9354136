import type { AppDeps } from '../../platform/deps';
import { answerKeySecret } from './polls.answer-key.rules';
import { PollAnswerService } from './polls.answer.service';
import { PollCloseService } from './polls.close.service';
import { PollFiles } from './polls.files';
import { PollsNotifier } from './polls.notifier';
import { PollOpenService } from './polls.open.service';
import { PollRepository } from './polls.repository';
import { PollResultsService } from './polls.results.service';

/** What the polls feature may use. */
export type PollsDeps = Pick<
  AppDeps,
  | 'config'
  | 'logger'
  | 'store'
  | 'clock'
  | 'org'
  | 'i18n'
  | 'help'
  | 'conversations'
  | 'delivery'
  | 'scheduler'
  | 'downloads'
  | 'people'
  | 'networkMembership'
>;

export interface PollsModule {
  repo: PollRepository;
  answers: PollAnswerService;
  open: PollOpenService;
  close: PollCloseService;
  results: PollResultsService;
  files: PollFiles;
}

/** Builds the polls repository and services once; the app, tests and benchmarks all start here. */
export function createPollsModule(deps: PollsDeps): PollsModule {
  const repo = new PollRepository(deps.store);
  const logger = deps.logger.child({ feature: 'polls' });
  // Derived from the link-signing secret and never stored: see polls.answer-key.rules.ts.
  const answerSecret = answerKeySecret(deps.config.linkSigningSecret);
  const notifier = new PollsNotifier(
    deps.delivery,
    deps.scheduler,
    deps.clock,
    deps.i18n,
    deps.org,
    deps.conversations,
  );
  const results = new PollResultsService(repo, deps.clock);
  return {
    repo,
    answers: new PollAnswerService(repo, deps.clock, logger, answerSecret, deps.networkMembership),
    open: new PollOpenService(
      repo,
      deps.clock,
      deps.org,
      deps.scheduler,
      deps.conversations,
      notifier,
      logger,
    ),
    close: new PollCloseService(repo, deps.clock, deps.scheduler, notifier, logger),
    results,
    files: new PollFiles(results, deps.org, deps.i18n, deps.people, logger),
  };
}
