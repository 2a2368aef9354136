import type { AppDeps } from '../../platform/deps';
import { SignupService } from '../../platform/signups';
import { AnnouncementAdminService } from './networks.announcement-admin.service';
import { AnnouncementAudience } from './networks.announcement-audience.service';
import { registerAnnouncementDelivery } from './networks.jobs';
import { AnnouncementRepository } from './networks.announcement.repository';
import { AnnouncementService, type AnnouncementDeps } from './networks.announcement.service';
import type { CardEnv } from './cards/announcement.card';
import { MeetupNotifier } from './networks.meetup.notifier';
import { MeetupService } from './networks.meetup.service';
import { MembershipRepository } from './networks.membership.repository';
import { MembershipService } from './networks.membership.service';

export type NetworksDeps = Pick<AppDeps, 'store' | 'clock' | 'org' | 'i18n' | 'logger' | 'delivery' | 'conversations' | 'scheduler'>;

/** The feature's services wired once; used by index.ts, the tests and the benchmark alike. */
export interface NetworksModule {
  deps: NetworksDeps;
  env: CardEnv;
  announcementsRepo: AnnouncementRepository;
  membership: MembershipService;
  audience: AnnouncementAudience;
  announcements: AnnouncementService;
  admin: AnnouncementAdminService;
  meetups: MeetupService;
  /** Registers the feature's own jobs (the announcement delivery) on the scheduler. */
  registerJobs(): void;
}

export function createNetworksModule(deps: NetworksDeps): NetworksModule {
  const logger = deps.logger.child({ feature: 'networks' });
  const env: CardEnv = { i18n: deps.i18n, org: deps.org };
  const announcementsRepo = new AnnouncementRepository(deps.store);
  const membership = new MembershipService(new MembershipRepository(deps.store), deps.org, deps.clock);
  const audience = new AnnouncementAudience(membership, deps.conversations, deps.org);
  const signups = new SignupService(deps.store, deps.clock);
  const notifier = new MeetupNotifier(deps.delivery, audience, env, deps.org, deps.clock);
  const shared: AnnouncementDeps = {
    repo: announcementsRepo,
    membership,
    audience,
    signups,
    delivery: deps.delivery,
    scheduler: deps.scheduler,
    org: deps.org,
    clock: deps.clock,
    logger,
    env,
  };
  const announcements = new AnnouncementService(shared);
  return {
    deps: { ...deps, logger },
    env,
    announcementsRepo,
    membership,
    audience,
    announcements,
    admin: new AnnouncementAdminService(shared, announcements, notifier),
    meetups: new MeetupService(announcementsRepo, membership, signups, notifier, deps.org, deps.clock),
    registerJobs: () => registerAnnouncementDelivery(deps.scheduler, shared),
  };
}
