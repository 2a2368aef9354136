import type { OutboundActivity } from '../delivery/delivery.port';

/**
 * The contract between a feature that wants to reach the members of networks (kennisatelier) and the
 * networks feature, which alone knows who the members are (special-category data). The sender
 * schedules this job durably; networks handles it by enqueueing one delivery to every member of the
 * listed networks (each person once, in their locale), under `broadcastId`.
 */
export const networkBroadcastJobKind = 'networks.broadcastToMembers';

export interface NetworkBroadcastJob {
  /** Delivery broadcast id; idempotent, so a retried job sends once. */
  broadcastId: string;
  networkIds: string[];
  /** What it is for, e.g. `kennisatelier.announcement`; shown in delivery status and logs. */
  purpose: string;
  /** The message per recipient locale; rendered once by the sender. */
  cardByLocale: { nl: OutboundActivity; en: OutboundActivity };
  /** ISO UTC; earliest send time. Default: now. */
  notBefore?: string;
}
