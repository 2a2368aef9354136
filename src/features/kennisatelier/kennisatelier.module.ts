import type { Clock } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { SignupService } from '../../platform/signups';
import { AtelierAdminService } from './kennisatelier.admin.service';
import { AtelierFiles } from './kennisatelier.files';
import { AtelierTimers } from './kennisatelier.timers.service';
import { AtelierNotifier } from './kennisatelier.notifier';
import { AtelierRepository } from './kennisatelier.repository';
import { AtelierRosterService } from './kennisatelier.roster.service';
import { AtelierSignupService } from './kennisatelier.signup.service';

/** What the kennisatelier feature may use of the app. */
export type KennisatelierDeps = Pick<
  AppDeps,
  | 'config'
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
  | 'networkMembership'
>;

export interface KennisatelierModule {
  clock: Clock;
  repo: AtelierRepository;
  signups: SignupService;
  timers: AtelierTimers;
  notifier: AtelierNotifier;
  signup: AtelierSignupService;
  admin: AtelierAdminService;
  roster: AtelierRosterService;
  files: AtelierFiles;
}

/** Builds the feature's repositories and services once (also used by tests that skip the bot). */
export function createKennisatelierModule(deps: KennisatelierDeps): KennisatelierModule {
  const { store, clock, org, i18n, delivery, scheduler, conversations, downloads, people } = deps;
  const log = deps.logger.child({ feature: 'kennisatelier' });
  const repo = new AtelierRepository(store);
  const signups = new SignupService(store, clock);
  const timers = new AtelierTimers(scheduler, clock, org);
  const notifier = new AtelierNotifier(signups, delivery, scheduler, conversations, clock, org, i18n, log);
  const admin = new AtelierAdminService(repo, signups, notifier, timers, conversations, clock, org, log);
  return {
    clock,
    repo,
    signups,
    timers,
    notifier,
    signup: new AtelierSignupService(repo, signups, notifier, downloads, clock, log, deps.networkMembership),
    admin,
    roster: new AtelierRosterService(repo, signups, admin, scheduler, downloads, clock, org, people, log),
    files: new AtelierFiles(repo, signups, org, i18n, people, log),
  };
}
