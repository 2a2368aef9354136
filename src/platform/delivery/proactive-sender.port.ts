import type { OutboundActivity } from './delivery.port';

/** A stored Bot Framework conversation reference (plain JSON). */
export interface StoredConversationReference {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string; tenantId?: string; conversationType?: string; isGroup?: boolean };
  bot: { id: string; name?: string };
  user?: { id: string; aadObjectId?: string };
  locale?: string;
}

/**
 * The edge that talks to the Bot Connector. Errors carry `statusCode` and, for 429, `retryAfterMs`,
 * so the worker can decide without knowing botbuilder.
 */
export interface ProactiveSender {
  send(ref: StoredConversationReference, activity: OutboundActivity): Promise<{ activityId: string }>;
  update(ref: StoredConversationReference, activityId: string, activity: OutboundActivity): Promise<void>;
}

export class SendError extends Error {
  constructor(
    readonly statusCode: number | undefined,
    readonly retryAfterMs?: number,
    readonly reason = 'send failed',
  ) {
    super(`${reason}${statusCode ? ` (HTTP ${statusCode})` : ''}`);
    this.name = 'SendError';
  }
}
