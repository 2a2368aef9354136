import type { ConversationDirectory } from '../conversations';
import type { AppInstaller, InstallFailureReason } from '../directory/directory.port';
import type { Logger } from '../logger';
import type { RecipientKey } from './delivery.port';
import {
  SendError,
  type PersonalConversationRequest,
  type StoredConversationReference,
} from './proactive-sender.port';

/** How a person's copy found its way: a stored conversation, a new one through the connector, or an install. */
export type ReachVia = 'stored' | 'createConversation' | 'install';

/**
 * Why a person cannot be reached: an install failure (see {@link InstallFailureReason}), `appRemoved`
 * (Teams said the bot is gone from their chat: the person removed the app; we do not push it back), or
 * `notConfigured` also when Graph is off and Teams refused a conversation.
 */
export type UnreachableReason = InstallFailureReason | 'appRemoved';

export type ReachOutcome =
  | { ok: true; reference: StoredConversationReference; via: Exclude<ReachVia, 'stored'> }
  | { ok: false; reason: UnreachableReason; detail?: string };

/** The connector side of reaching someone: the send gate in production (limiter + 429 feedback). */
export interface ConversationOpener {
  readonly canOpen: boolean;
  /** Waits for the app-wide budget (and this recipient's slot). */
  ready(key: RecipientKey): Promise<void>;
  openPersonal(request: PersonalConversationRequest): Promise<StoredConversationReference>;
}

/** Thrown for a failure that may pass (Graph throttling or outage beyond its retries): back off, try later. */
export class ReachRetryableError extends SendError {
  constructor(reason: string) {
    super(undefined, undefined, `REACH_${reason}`);
  }
}

export interface PersonReachOptions {
  /** Graph's installer; undefined when Graph is not configured. */
  installer?: AppInstaller;
  opener?: ConversationOpener;
  conversations: ConversationDirectory;
  logger: Logger;
  /** The tenant the bot serves (single-tenant bot); else the tenant Teams last wrote from. */
  tenantId?: string;
  /** Used until Teams has sent the bot anything (e.g. `TEAMS_SERVICE_URL`). */
  fallbackServiceUrl?: string;
  /** `28:<MicrosoftAppId>`; used until Teams has sent the bot anything. */
  fallbackBotId?: string;
  /**
   * Installs per second (Graph throttles installs on their own). An install is three Graph calls
   * (install, find it, its chat); the Graph client's own limiter covers all calls and 429s.
   */
  installRatePerSecond?: number;
  /** Paces installs; built by `createDelivery` from `installRatePerSecond`. */
  installPacer?: { acquire(): Promise<void> };
}

/**
 * Gets a 1:1 conversation with a person who has none stored, and stores it (with how it was obtained).
 *
 * @remarks The order. With Graph, install first: Graph answers 409 for people who already have the app
 * and still gives the chat id, so one install call covers both cases, and it spends Graph's budget, not
 * Teams'. A createConversation first would cost a Teams request from the same ~50/s budget as the sends
 * for every person without the app (most of a large tenant at first), which would double the floor of a
 * big broadcast. Without Graph, createConversation is the only way: it works when the app is installed
 * for the person in some scope (a team they are in, an admin's setup policy).
 */
export class PersonReach {
  constructor(private readonly options: PersonReachOptions) {}

  get graphEnabled(): boolean {
    return this.options.installer !== undefined;
  }

  /**
   * @param prefer `install` (default: the outbox, see the class remarks) or `connector`: one
   * createConversation first, for a single person in a turn (someone who clicked a card in a team the
   * bot is in can be reached that way at once, without an install event or Graph's latency).
   * @throws {ReachRetryableError} when Graph may answer later; {@link SendError} from the connector
   * (429, 5xx, network), which the caller treats like a failed send.
   */
  async reach(key: RecipientKey, prefer: 'install' | 'connector' = 'install'): Promise<ReachOutcome> {
    if (!key.startsWith('user:')) return { ok: false, reason: 'userNotFound', detail: 'NOT_A_PERSON' };
    const aadObjectId = key.slice('user:'.length);
    if (prefer === 'connector' && this.options.installer) {
      const opened = await this.open(key, aadObjectId);
      if (opened.ok) return opened;
    }
    const installed = await this.install(key, aadObjectId);
    // Graph is there but the app is not in the tenant's catalog (or Graph is off): Teams may still open
    // a chat when the app reached the person another way (a team, an admin's setup policy).
    if (installed && !(installed.ok === false && installed.reason === 'notConfigured')) return installed;
    if (prefer === 'connector' && this.options.installer) return installed ?? notConfigured('NO_CONNECTOR');
    return this.open(key, aadObjectId);
  }

  private async install(key: RecipientKey, aadObjectId: string): Promise<ReachOutcome | undefined> {
    const { installer } = this.options;
    if (!installer) return undefined;
    await this.options.installPacer?.acquire();
    const outcome = await installer.installForUser(aadObjectId);
    if (!outcome.ok) {
      if (outcome.retryable) throw new ReachRetryableError(outcome.detail ?? outcome.reason);
      return { ok: false, reason: outcome.reason, detail: outcome.detail };
    }
    const where = await this.where();
    // Installed, but Teams has never written to the bot and TEAMS_SERVICE_URL is unset: the install
    // event Teams sends now brings the service URL (and the chat), so a later try gets through.
    if (!where) throw new ReachRetryableError('NO_SERVICE_URL');
    const reference: StoredConversationReference = {
      serviceUrl: where.serviceUrl,
      channelId: 'msteams',
      conversation: {
        id: outcome.chatId,
        tenantId: where.tenantId,
        conversationType: 'personal',
        isGroup: false,
      },
      bot: { id: where.botId },
      user: { id: aadObjectId, aadObjectId },
    };
    await this.options.conversations.save(key, reference, { via: 'install' });
    return { ok: true, reference, via: 'install' };
  }

  private async open(key: RecipientKey, aadObjectId: string): Promise<ReachOutcome> {
    const { opener } = this.options;
    const where = opener?.canOpen ? await this.where() : undefined;
    if (!opener || !where) return notConfigured(opener?.canOpen ? 'NO_SERVICE_URL' : 'NO_CONNECTOR');
    await opener.ready(key);
    try {
      const reference = await opener.openPersonal({ ...where, aadObjectId });
      await this.options.conversations.save(key, reference, { via: 'createConversation' });
      return { ok: true, reference, via: 'createConversation' };
    } catch (err) {
      // 403: the app is installed nowhere for this person, and without Graph we cannot install it.
      if (err instanceof SendError && (err.statusCode === 403 || err.statusCode === 404)) {
        return notConfigured(`HTTP_${err.statusCode}`);
      }
      throw err;
    }
  }

  private async where(): Promise<{ serviceUrl: string; tenantId: string; botId: string } | undefined> {
    const seen = await this.options.conversations.service(this.options.tenantId);
    const serviceUrl = seen?.serviceUrl ?? this.options.fallbackServiceUrl;
    const tenantId = this.options.tenantId ?? seen?.tenantId;
    const botId = seen?.botId ?? this.options.fallbackBotId;
    if (!serviceUrl || !tenantId || !botId) return undefined;
    return { serviceUrl, tenantId, botId };
  }
}

const notConfigured = (detail: string): ReachOutcome => ({ ok: false, reason: 'notConfigured', detail });
