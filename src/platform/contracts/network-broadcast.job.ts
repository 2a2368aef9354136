import { z } from 'zod';
import type { OutboundActivity } from '../delivery/delivery.port';
import { locales } from '../i18n/locale';

/**
 * The contract between a feature that wants to reach the members of networks (kennisatelier, polls) and
 * the networks feature, which alone knows who the members are (special-category data). The sender
 * schedules this job durably; networks handles it by enqueueing one delivery to every member of the
 * listed networks (each person once, in their locale), under `broadcastId`.
 */
export const networkBroadcastJobKind = 'networks.broadcastToMembers';

const activity = z.custom<OutboundActivity>(
  (v) => !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'message',
);

export const networkBroadcastJobSchema = z.object({
  /** Delivery broadcast id; idempotent, so a retried job sends once. */
  broadcastId: z.string().min(1).max(200),
  networkIds: z.array(z.string()).max(100),
  /** What it is for, e.g. `kennisatelier.announcement`; shown in delivery status and logs. */
  purpose: z.string().min(1).max(100),
  /** The message per language the organisation offers; rendered once by the sender. */
  cardByLocale: z.record(z.enum(locales), activity),
  /** ISO UTC; earliest send time. Default: now. */
  notBefore: z.string().datetime().optional(),
});

export type NetworkBroadcastJob = z.infer<typeof networkBroadcastJobSchema>;
