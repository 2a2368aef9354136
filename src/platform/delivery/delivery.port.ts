import type { z } from 'zod';
/**
 * What features see of proactive delivery. Implemented in this folder on the storage port; the
 * Bot Framework sits behind {@link ProactiveSender}, so services can depend on these types freely.
 *
 * @remarks Proactive messages never go out inline in a loop: features call {@link Delivery.enqueue},
 * the worker sends within Teams' limits, retries, and records the outcome.
 */

/** A plain Bot Framework activity as JSON (a message with text and/or Adaptive Card attachments). */
export interface OutboundActivity {
  type: 'message';
  text?: string;
  textFormat?: 'plain' | 'markdown' | 'xml';
  attachments?: Array<{ contentType: string; content: unknown }>;
  summary?: string;
}

/**
 * Who receives: `user:<aadObjectId>` for a person's 1:1 chat with the bot, `channel:<conversationId>`
 * for a channel or group chat the bot is in. References are stored when people install or talk to the bot.
 */
export type RecipientKey = `user:${string}` | `channel:${string}`;
export const userKey = (aadObjectId: string): RecipientKey => `user:${aadObjectId.toLowerCase()}`;
export const channelKey = (conversationId: string): RecipientKey => `channel:${conversationId}`;

export interface DeliveryRecipient {
  key: RecipientKey;
  activity: OutboundActivity;
}

/**
 * `urgent`: goes out at once, at any hour, and is never counted against a person's cap (a kernteamlid's
 * answer in a confidential contact, a waitlist seat that expires soon). `normal`: waits for the
 * organisation's next sending window and counts against the per-person caps. See docs/calendar.md.
 */
export type Urgency = 'urgent' | 'normal';

export interface BroadcastRequest {
  /** Chosen by the caller and idempotent: enqueueing the same id twice does not send twice. */
  broadcastId: string;
  /** What it is for, e.g. `networks.announcement`; shown in status and logs. */
  purpose: string;
  /** Whether it waits for the organisation's sending window and counts against the caps. */
  urgency: Urgency;
  /** aadObjectId of the person who sent it, if any; only they and the feature read the status. */
  createdBy?: string;
  recipients: DeliveryRecipient[];
  /** Earliest send time (e.g. network members first, everyone else later). Default: now. */
  notBefore?: Date;
  /**
   * Keep the per-recipient records (who got it, where the copy landed) only until then, plus a day,
   * and never while still undelivered; default: the engine's retention. For audiences that are
   * themselves confidential, such as a network's members. Afterwards the copies can no longer be
   * updated, and the status keeps only the counts.
   */
  keepUntil?: Date;
}

export type ItemStatus = 'queued' | 'sent' | 'failed' | 'inactive';

export interface BroadcastStatus {
  broadcastId: string;
  purpose: string;
  createdBy?: string;
  total: number;
  queued: number;
  sent: number;
  failed: number;
  inactive: number;
  createdAt: string;
  /** Set when nothing is queued any more. */
  finishedAt?: string;
  /** From the request's `keepUntil`: copies can be updated until then. */
  keepUntil?: string;
  /** How people were reached and why the others were not; absent once the items are gone. */
  reach?: ReachCounts;
}

/**
 * `stored`: a conversation the bot already had; `createConversation` / `install`: one the engine made.
 * `unreachable` counts inactive recipients by reason (`blocked`, `noLicense`, `disabled`, `userNotFound`,
 * `notConfigured`, `appRemoved`, `failed`, or `noReference` for a channel the bot is not in).
 */
export interface ReachCounts {
  stored: number;
  createConversation: number;
  install: number;
  unreachable: Record<string, number>;
  /** Whether Graph (proactive install) is configured; without it, only people who opened the bot are reached. */
  graph: boolean;
}

export interface SentMessage {
  key: RecipientKey;
  activityId: string;
}

/**
 * A recipient a broadcast did not reach: `reason` as in {@link ReachCounts.unreachable}, or `failed`
 * (sending failed after the retries). `graph`: whether proactive install was configured.
 */
export interface NotReached {
  key: RecipientKey;
  reason: string;
  graph: boolean;
}

export interface Delivery {
  enqueue(request: BroadcastRequest): Promise<BroadcastStatus>;
  /**
   * Replaces the message already delivered to each recipient of a broadcast (a correction, a
   * retraction, updated counts). Recipients not yet sent get the new activity instead of the old one.
   * `updateId` makes the call idempotent. `keepUntil` moves the broadcast's (e.g. a meetup moved later).
   */
  enqueueUpdate(
    broadcastId: string,
    updateId: string,
    activityFor: (key: RecipientKey) => OutboundActivity | undefined,
    options?: { keepUntil?: Date },
  ): Promise<void>;
  /** Sends again to the recipients whose delivery failed (not to inactive ones). */
  retryFailed(broadcastId: string): Promise<number>;
  status(broadcastId: string): Promise<BroadcastStatus | undefined>;
  /** Where each recipient's copy landed, for later updates. */
  sentMessages(broadcastId: string): Promise<SentMessage[]>;
  /** Who the broadcast did not reach, and why (empty while still sending, or once the items are gone). */
  notReached(broadcastId: string): Promise<NotReached[]>;
  /**
   * Sends one message now, without storing it (for confidential relay text, which must never be
   * written anywhere). Still goes through the rate limiter; retries in memory; returns the activity id.
   * A `normal` one is refused (SendError `CALENDAR_HELD`) outside the sending window or over the
   * person's cap, since nothing is kept to send it later: use {@link enqueue} for those.
   */
  sendNow(key: RecipientKey, activity: OutboundActivity, urgency: Urgency): Promise<string>;
  /** Replaces one message sent earlier (e.g. a per-user card), without storing it. */
  updateNow(key: RecipientKey, activityId: string, activity: OutboundActivity): Promise<void>;
  /**
   * Whether the bot can write to this person later (a reminder, a promotion from the waitlist). When no
   * conversation is stored it tries to make one now (see `PersonReach`), so a person who clicked a card
   * in a channel is told the truth on the spot instead of being promised a message that never comes.
   */
  reachable(key: RecipientKey): Promise<Reachability>;
  /**
   * Deletes a broadcast with all its items, sent or not, and its record: for a broadcast whose list of
   * recipients says something about people once its purpose is over (a poll's reminder tells who had
   * not answered). Returns how many documents went. Safe to repeat.
   */
  forget(broadcastId: string): Promise<number>;
}

/**
 * `reachable`: a stored conversation, or one made just now; `unreachable` with the reason (as in
 * {@link ReachCounts}); `unknown` when Teams or Graph did not answer in time (the outbox tries again later).
 */
export type Reachability =
  | { state: 'reachable'; via: 'stored' | 'createConversation' | 'install' }
  | { state: 'unreachable'; reason: string }
  | { state: 'unknown' };

/** A timed job; stored in UTC, claimed with a lease, run once even with several instances. */
export interface ScheduledJob<P = unknown> {
  /** Idempotent: scheduling the same id again moves the job (reschedule). */
  id: string;
  kind: string;
  runAt: Date;
  payload: P;
}

export interface Scheduler {
  /**
   * Registers the handler for a kind of job. Every stored payload is validated with the schema first; one
   * that does not match fails the job at once (logged). A handler that throws is retried with back-off.
   */
  on<S extends z.ZodTypeAny>(
    kind: string,
    schema: S,
    handler: (payload: z.output<S>, job: ScheduledJob<z.output<S>>) => Promise<void>,
  ): void;
  schedule<P>(job: ScheduledJob<P>): Promise<void>;
  cancel(id: string): Promise<void>;
}
