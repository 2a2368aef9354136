import {
  networkBroadcastJobKind,
  networkBroadcastJobSchema,
} from '../../platform/contracts/network-broadcast.job';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { NetworksModule } from './networks.module';
import { announcementDeliveryJobSchema } from './networks.schemas';
import { networksJobs } from './networks.verbs';

/** The announcement delivery (own job) and `networks.broadcastToMembers` (the contract other features use). */
export function registerNetworksJobs(scheduler: Pick<Scheduler, 'on'>, m: NetworksModule): void {
  scheduler.on(networksJobs.announcementDelivery, announcementDeliveryJobSchema, (payload) =>
    m.announcements.deliver(payload),
  );
  scheduler.on(networkBroadcastJobKind, networkBroadcastJobSchema, (job) => m.broadcasts.broadcast(job));
}
