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

/** What Teams needs to open a 1:1 chat between the bot and a person who never wrote to it. */
export interface PersonalConversationRequest {
  serviceUrl: string;
  tenantId: string;
  botId: string;
  aadObjectId: string;
}

/**
 * The edge that talks to the Bot Connector. Errors carry `statusCode` and, for 429, `retryAfterMs`,
 * so the worker can decide without knowing botbuilder.
 */
export interface ProactiveSender {
  send(ref: StoredConversationReference, activity: OutboundActivity): Promise<{ activityId: string }>;
  update(ref: StoredConversationReference, activityId: string, activity: OutboundActivity): Promise<void>;
  /**
   * Creates (or finds) the 1:1 conversation with a person through the Bot Connector. Teams answers 403
   * unless the app is installed for the person (personal scope, or a team they are in).
   */
  openPersonal?(request: PersonalConversationRequest): Promise<StoredConversationReference>;
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
