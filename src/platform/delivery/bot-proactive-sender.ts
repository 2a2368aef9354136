import type { Activity, CloudAdapter, ConversationParameters, ConversationReference } from 'botbuilder';
import type { OutboundActivity } from './delivery.port';
import {
  SendError,
  type PersonalConversationRequest,
  type ProactiveSender,
  type StoredConversationReference,
} from './proactive-sender.port';

/**
 * {@link ProactiveSender} over botbuilder's CloudAdapter (teams-ai's TeamsAdapter is one).
 *
 * @remarks One connector client per service URL, kept: botbuilder's `continueConversationAsync` builds a
 * connector client, its credentials and HTTP pipeline for every call, about 150 KB of garbage per message
 * (issue #17, `bench/send-allocation.bench.ts`). The client comes from one continuation through the
 * adapter (so authentication stays the adapter's); each send then does what `TurnContext.sendActivity`
 * does in a continuation (the conversation reference applied, type `message` by default) and calls the
 * same connector operation, so Bot Connector gets the same request. The connector client's own retry
 * policy is removed: it would retry 429s and 5xx up to three times on its own, hiding them from the
 * app-wide limiter and multiplying attempts.
 */
export class BotProactiveSender implements ProactiveSender {
  private readonly clients = new Map<string, Promise<ConnectorClientLike>>();

  constructor(
    private readonly adapter: CloudAdapter,
    /** MicrosoftAppId; empty for a local run without authentication. */
    private readonly botAppId: string,
  ) {}

  async send(ref: StoredConversationReference, activity: OutboundActivity): Promise<{ activityId: string }> {
    const client = await this.clientFor(ref.serviceUrl);
    const outgoing = asSentTo(ref, activity);
    // As TurnContext.sendActivity: a message unless it says otherwise, and never an id of its own.
    outgoing.type ??= 'message';
    delete outgoing.id;
    const response = await client.conversations
      .sendToConversation(ref.conversation.id, outgoing)
      .catch((err: unknown) => Promise.reject(toSendError(err)));
    return { activityId: response?.id ?? '' };
  }

  async update(
    ref: StoredConversationReference,
    activityId: string,
    activity: OutboundActivity,
  ): Promise<void> {
    const client = await this.clientFor(ref.serviceUrl);
    const outgoing = asSentTo(ref, { ...activity, id: activityId });
    await client.conversations
      .updateActivity(ref.conversation.id, activityId, outgoing)
      .catch((err: unknown) => Promise.reject(toSendError(err)));
  }

  /**
   * `createConversation` with the person as the only member and the tenant in channelData, as Teams
   * wants it (not `createConversationAsync`, which keeps the SDK's retry policy: it retried 429s three times).
   */
  async openPersonal(request: PersonalConversationRequest): Promise<StoredConversationReference> {
    const parameters = {
      isGroup: false,
      bot: { id: request.botId, name: '' },
      members: [{ id: request.aadObjectId, aadObjectId: request.aadObjectId, name: '' }],
      tenantId: request.tenantId,
      channelData: { tenant: { id: request.tenantId } },
    } as unknown as ConversationParameters;
    const client = await this.clientFor(request.serviceUrl);
    const created = await client.conversations
      .createConversation(parameters)
      .catch((err: unknown) => Promise.reject(toSendError(err)));
    const conversationId = created?.id ?? '';
    if (!conversationId) throw new SendError(undefined, undefined, 'NO_CONVERSATION_ID');
    return {
      serviceUrl: request.serviceUrl,
      channelId: 'msteams',
      conversation: {
        id: conversationId,
        tenantId: request.tenantId,
        conversationType: 'personal',
        isGroup: false,
      },
      bot: { id: request.botId },
      user: { id: request.aadObjectId, aadObjectId: request.aadObjectId },
    };
  }

  /** The kept client for a service URL; a failed attempt is forgotten so the next send tries again. */
  private clientFor(serviceUrl: string): Promise<ConnectorClientLike> {
    let client = this.clients.get(serviceUrl);
    if (!client) {
      // Teams has a handful of service URLs; the bound only guards against a flood of made-up ones.
      if (this.clients.size >= maxKeptClients) this.clients.clear();
      client = this.connectorClient(serviceUrl);
      client.catch(() => this.clients.delete(serviceUrl));
      this.clients.set(serviceUrl, client);
    }
    return client;
  }

  private async connectorClient(serviceUrl: string): Promise<ConnectorClientLike> {
    // Caught inside: a failure that escapes the callback goes to the adapter's turn error handler (the
    // app's, which logs it and posts an error message) instead of to the caller.
    let outcome: { client?: ConnectorClientLike; error?: unknown } = {};
    const reference = { serviceUrl, channelId: 'msteams', conversation: { id: 'panelbot:connector-client' } };
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        reference as Partial<ConversationReference>,
        async (ctx) => {
          try {
            const client = ctx.turnState.get(this.adapter.ConnectorClientKey) as ConnectorClientLike;
            withoutSdkRetries(client);
            outcome = { client };
          } catch (error) {
            outcome = { error };
          }
        },
      );
    } catch (err) {
      throw toSendError(err);
    }
    if (!outcome.client) throw toSendError(outcome.error);
    return outcome.client;
  }
}

const maxKeptClients = 32;

/**
 * The activity as `TurnContext.sendActivity`/`updateActivity` in a continuation would hand it to the
 * connector: the reference's channel, locale, service URL and conversation, from the bot to the person.
 */
function asSentTo(ref: StoredConversationReference, activity: OutboundActivity & { id?: string }) {
  const outgoing = { ...activity } as Partial<Activity>;
  outgoing.channelId = ref.channelId;
  outgoing.locale ??= ref.locale;
  outgoing.serviceUrl = ref.serviceUrl;
  outgoing.conversation = { ...ref.conversation } as Activity['conversation'];
  outgoing.from = { ...ref.bot } as Activity['from'];
  outgoing.recipient = (ref.user ? { ...ref.user } : undefined) as Activity['recipient'];
  return outgoing;
}

/** The part of botframework-connector's client used here (the package is botbuilder's, not ours). */
interface ConnectorClientLike {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    updateActivity(
      conversationId: string,
      activityId: string,
      activity: Partial<Activity>,
    ): Promise<{ id?: string }>;
    createConversation(parameters: ConversationParameters): Promise<{ id?: string }>;
  };
}

function withoutSdkRetries(connectorClient: unknown): void {
  const pipeline = (
    connectorClient as
      { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined
  )?.client?.pipeline;
  pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

interface HttpishError {
  statusCode?: unknown;
  code?: unknown;
  response?: { headers?: { get?: (name: string) => string | undefined } | Record<string, unknown> };
}

/** Maps a botbuilder/azure RestError (or a network error) to a {@link SendError} with codes only. */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  const e = (err ?? {}) as HttpishError;
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const code =
    typeof e.code === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(e.code)
      ? e.code
      : status
        ? 'HTTP'
        : 'UNKNOWN';
  return new SendError(status, status === 429 ? retryAfterMs(e) : undefined, code);
}

function retryAfterMs(e: HttpishError): number | undefined {
  const headers = e.response?.headers;
  const raw =
    typeof headers?.get === 'function'
      ? (headers.get as (name: string) => string | undefined)('retry-after')
      : (headers as Record<string, unknown> | undefined)?.['retry-after'];
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
