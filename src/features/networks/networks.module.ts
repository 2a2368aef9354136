import type { AppDeps } from '../../platform/deps';
import { SignupService } from '../../platform/signups';
import { AnnouncementAdminService } from './networks.announcement-admin.service';
import { AnnouncementAudience } from './networks.announcement-audience.service';
import { AnnouncementNotifier } from './networks.announcement.notifier';
import { AnnouncementRepository } from './networks.announcement.repository';
import { AnnouncementService } from './networks.announcement.service';
import { NetworkBroadcastNotifier } from './networks.broadcast.notifier';
import { MeetupNotifier } from './networks.meetup.notifier';
import { MeetupFiles } from './networks.files';
import { MeetupService } from './networks.meetup.service';
import { MembershipRepository } from './networks.membership.repository';
import { MembershipService } from './networks.membership.service';

/** Networks reads and writes its own documents, sends through delivery and schedules its own jobs. */
export type NetworksDeps = Pick<
  AppDeps,
  | 'store'
  | 'clock'
  | 'org'
  | 'i18n'
  | 'logger'
  | 'delivery'
  | 'conversations'
  | 'scheduler'
  | 'people'
  | 'downloads'
>;

/** The feature's services wired once; used by index.ts, the tests and the benchmark alike. */
export interface NetworksModule {
  membership: MembershipService;
  audience: AnnouncementAudience;
  announcements: AnnouncementService;
  admin: AnnouncementAdminService;
  meetups: MeetupService;
  files: MeetupFiles;
  /** `networks.broadcastToMembers` for the other features. */
  broadcasts: NetworkBroadcastNotifier;
}

export function createNetworksModule(deps: NetworksDeps): NetworksModule {
  const { store, clock, org, i18n, delivery, people } = deps;
  const logger = deps.logger.child({ feature: 'networks' });
  const repo = new AnnouncementRepository(store);
  const membership = new MembershipService(new MembershipRepository(store), org, clock, people);
  const audience = new AnnouncementAudience(membership, deps.conversations, org);
  const signups = new SignupService(store, clock);
  const copies = new AnnouncementNotifier(delivery, audience, i18n, org, logger);
  const meetupNotifier = new MeetupNotifier(delivery, audience, i18n, org, clock);
  const announcements = new AnnouncementService(
    repo,
    audience,
    copies,
    signups,
    deps.scheduler,
    org,
    clock,
    logger,
  );
  return {
    membership,
    audience,
    announcements,
    admin: new AnnouncementAdminService(
      announcements,
      repo,
      copies,
      meetupNotifier,
      signups,
      delivery,
      org,
      people,
      clock,
      logger,
    ),
    meetups: new MeetupService(repo, membership, signups, meetupNotifier, org, deps.downloads),
    files: new MeetupFiles(repo, signups),
    broadcasts: new NetworkBroadcastNotifier(membership, audience, delivery, org, logger),
  };
}
