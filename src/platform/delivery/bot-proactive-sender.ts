import type {
  Activity,
  CloudAdapter,
  ConversationParameters,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
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
 * @remarks The connector client's own retry policy is removed for each send: it would retry 429s and
 * 5xx up to three times on its own, hiding them from the app-wide limiter and multiplying attempts.
 */
export class BotProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** MicrosoftAppId; empty for a local run without authentication. */
    private readonly botAppId: string,
  ) {}

  async send(ref: StoredConversationReference, activity: OutboundActivity): Promise<{ activityId: string }> {
    let activityId = '';
    await this.continueWith(ref, async (ctx) => {
      const response = await ctx.sendActivity(activity as Partial<Activity>);
      activityId = response?.id ?? '';
    });
    return { activityId };
  }

  async update(
    ref: StoredConversationReference,
    activityId: string,
    activity: OutboundActivity,
  ): Promise<void> {
    await this.continueWith(ref, async (ctx) => {
      await ctx.updateActivity({ ...(activity as Partial<Activity>), id: activityId });
    });
  }

  /**
   * `createConversationAsync` with the person as the only member and the tenant in channelData, as
   * Teams wants it; the new conversation's reference comes back through the callback's turn context.
   */
  async openPersonal(request: PersonalConversationRequest): Promise<StoredConversationReference> {
    const parameters = {
      isGroup: false,
      bot: { id: request.botId, name: '' },
      members: [{ id: request.aadObjectId, aadObjectId: request.aadObjectId, name: '' }],
      tenantId: request.tenantId,
      channelData: { tenant: { id: request.tenantId } },
    } as unknown as ConversationParameters;
    let conversationId = '';
    try {
      const { serviceUrl } = request;
      await this.adapter.createConversationAsync(
        this.botAppId,
        'msteams',
        serviceUrl,
        '',
        parameters,
        async (ctx) => {
          conversationId = ctx.activity.conversation?.id ?? '';
        },
      );
    } catch (err) {
      throw toSendError(err);
    }
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

  private async continueWith(
    ref: StoredConversationReference,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<void> {
    // The adapter hands an error inside the turn to its onTurnError (the app's error boundary), which
    // does not rethrow: caught here, or a failed send would count as sent and never be retried.
    let failure: { err: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(
        this.botAppId,
        ref as Partial<ConversationReference>,
        async (ctx) => {
          withoutSdkRetries(ctx.turnState.get(this.adapter.ConnectorClientKey));
          // The continuation activity has a made-up id; without this, sends become replies to it.
          (ctx.activity as { id?: string }).id = undefined;
          try {
            await logic(ctx);
          } catch (err) {
            failure = { err };
          }
        },
      );
    } catch (err) {
      throw toSendError(err);
    }
    if (failure) throw toSendError(failure.err);
  }
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
