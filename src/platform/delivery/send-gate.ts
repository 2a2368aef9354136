import type { AppRateLimiter } from './app-rate-limiter';
import type { ConversationLimiter } from './conversation-limiter';
import type { OutboundActivity, RecipientKey } from './delivery.port';
import type { Timers } from './monotonic';
import {
  SendError,
  type PersonalConversationRequest,
  type ProactiveSender,
  type StoredConversationReference,
} from './proactive-sender.port';

export interface SendGateDeps {
  sender: ProactiveSender;
  app: AppRateLimiter;
  conversations: ConversationLimiter;
  /** A send that takes longer fails as a network error (it may still land). */
  sendTimeoutMs: number;
  /** Retry-After to assume when a 429 comes without one. */
  defaultRetryAfterMs: number;
  timers: Timers;
}

/**
 * The one way out to Teams: every proactive send, stored or not, passes both limiters here, and
 * every outcome tells the app limiter whether to slow down.
 */
export class SendGate {
  private readonly sender: ProactiveSender;
  private readonly app: AppRateLimiter;
  private readonly conversations: ConversationLimiter;
  private readonly sendTimeoutMs: number;
  private readonly defaultRetryAfterMs: number;
  private readonly timers: Timers;

  constructor(deps: SendGateDeps) {
    ({
      sender: this.sender,
      app: this.app,
      conversations: this.conversations,
      sendTimeoutMs: this.sendTimeoutMs,
      defaultRetryAfterMs: this.defaultRetryAfterMs,
      timers: this.timers,
    } = deps);
  }

  /** How long this conversation's limit would hold a send back right now. */
  conversationWait(key: RecipientKey): number {
    return this.conversations.waitFor(key);
  }

  /** Waits for a slot in the conversation, then for an app-wide token. */
  async ready(key: RecipientKey): Promise<void> {
    const wait = this.conversations.reserve(key);
    if (wait > 0) await this.timers.sleep(wait);
    await this.app.acquire();
  }

  send(ref: StoredConversationReference, activity: OutboundActivity): Promise<{ activityId: string }> {
    return this.observe(this.sender.send(ref, activity));
  }

  update(ref: StoredConversationReference, activityId: string, activity: OutboundActivity): Promise<void> {
    return this.observe(this.sender.update(ref, activityId, activity));
  }

  /** Whether this sender can open 1:1 conversations (createConversation) at all. */
  get canOpen(): boolean {
    return typeof this.sender.openPersonal === 'function';
  }

  /** A createConversation call: the same app-wide budget and 429 feedback as a send (call `ready` first). */
  openPersonal(request: PersonalConversationRequest): Promise<StoredConversationReference> {
    if (!this.sender.openPersonal)
      return Promise.reject(new SendError(undefined, undefined, 'NOT_SUPPORTED'));
    return this.observe(this.sender.openPersonal(request));
  }

  private async observe<T>(call: Promise<T>): Promise<T> {
    const timeout = this.timers.pause(this.sendTimeoutMs);
    try {
      const result = await Promise.race([
        call.then((value) => ({ value })),
        timeout.done.then(() => undefined),
      ]);
      if (!result) throw new SendError(undefined, undefined, 'TIMEOUT');
      this.app.succeeded();
      return result.value;
    } catch (err) {
      if (err instanceof SendError && err.statusCode === 429)
        this.app.throttled(err.retryAfterMs ?? this.defaultRetryAfterMs);
      throw err;
    } finally {
      // Ends the timeout's wait (its promise resolves, unseen: the race is decided).
      timeout.wake();
    }
  }
}
