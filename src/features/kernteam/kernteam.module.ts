import type { AppDeps } from '../../platform/deps';
import { AgendaService } from './kernteam.agenda.service';
import { FiguresFiles } from './kernteam.figures.files';
import { FiguresService } from './kernteam.figures.service';
import { JoinService } from './kernteam.join.service';
import { KernteamNotifier } from './kernteam.notifier';
import { KernteamRepository } from './kernteam.repository';
import { SignalService } from './kernteam.signals.service';

/** What the kernteam feature may use. */
export type KernteamDeps = Pick<
  AppDeps,
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
  | 'roleGrants'
  | 'agenda'
>;

export interface KernteamModule {
  repo: KernteamRepository;
  signals: SignalService;
  agenda: AgendaService;
  join: JoinService;
  figures: FiguresService;
  files: FiguresFiles;
}

/** Builds the kernteam repository and services once; the app and the tests start here. */
export function createKernteamModule(deps: KernteamDeps): KernteamModule {
  const repo = new KernteamRepository(deps.store);
  const logger = deps.logger.child({ feature: 'kernteam' });
  const notifier = new KernteamNotifier(deps.delivery, deps.i18n, deps.org, deps.conversations);
  const signals = new SignalService(repo, deps.clock, deps.org, deps.scheduler, logger);
  const figures = new FiguresService(repo, deps.org);
  return {
    repo,
    signals,
    agenda: new AgendaService(
      repo,
      deps.clock,
      deps.org,
      deps.scheduler,
      deps.agenda,
      signals,
      notifier,
      logger,
    ),
    join: new JoinService(repo, deps.clock, deps.roleGrants, notifier, logger),
    figures,
    files: new FiguresFiles(figures, deps.org, deps.i18n),
  };
}
