import type { ItemStatus, OutboundActivity, ReachCounts, RecipientKey, Urgency } from './delivery.port';

/** A lease time that is always in the past: "nobody holds this item". */
export const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * One recipient's copy of a broadcast (`kind: 'send'`, id = recipient key), or a pending edit of a
 * copy already delivered (`kind: 'update'`, id = `upd:<updateId>:<key>`). pk = broadcastId.
 *
 * @remarks The id is the dedupe key: enqueueing a broadcast again creates nothing new. The rendered
 * activity lives once per distinct content in the same partition (`act:<hash>`), so 12,000 copies
 * of one card are 12,000 small items and one activity document.
 */
export interface OutboxItem {
  kind: 'send' | 'update';
  key: RecipientKey;
  status: ItemStatus;
  /** Send items: the content this recipient should end up seeing (id of an activity document). */
  act?: string;
  attempts: number;
  nextAttemptAt: string;
  leaseUntil: string;
  leaseToken?: string;
  lastError?: string;
  /** Send items: where the copy landed, and which content it shows now. */
  activityId?: string;
  sentAct?: string;
  doneAt?: string;
  /** Send items that were sent: how the recipient was reached (see `PersonReach`). */
  via?: 'stored' | 'createConversation' | 'install';
  /** Inactive send items: why the recipient could not be reached (`blocked`, `noLicense`, …). */
  unreachable?: string;
  updateId?: string;
  /** Send items: the broadcast's urgency (absent on items from before: normal). */
  urgency?: Urgency;
  /** The broadcast's `keepUntil`: the item's time to live is counted from it (see the repository). */
  keepUntil?: string;
}

export interface ActivityDoc {
  activity: OutboundActivity;
}

export interface BroadcastDoc {
  broadcastId: string;
  purpose: string;
  createdBy?: string;
  total: number;
  createdAt: string;
  notBefore?: string;
  /** True while the worker should look in this broadcast's partition for due items. */
  active: boolean;
  /** Set while the items are still being written; the worker already sends those that landed. */
  enqueuing?: boolean;
  /** Bumped by every change that adds work, so the worker cannot retire a broadcast that just got some. */
  generation: number;
  finishedAt?: string;
  keepUntil?: string;
  /** Written when the broadcast is retired: the status once short-lived items are gone. */
  counts?: { sent: number; failed: number; inactive: number; reach?: StoredReachCounts };
}

/** `ReachCounts` as kept with a retired broadcast (whether Graph is on is a property of the engine). */
export type StoredReachCounts = Omit<ReachCounts, 'graph'>;

export const updateItemId = (updateId: string, key: RecipientKey) => `upd:${updateId}:${key}`;
export const activityDocId = (hash: string) => `act:${hash}`;

/** Why an inactive copy was not delivered (items from before reasons were recorded: by their error). */
export function inactiveReason(item: OutboxItem): string {
  return item.unreachable ?? (item.lastError === 'NO_REFERENCE' ? 'noReference' : 'appRemoved');
}
