import type { Logger } from '../logger';
import type { AppInstaller, InstallOutcome } from '../directory/directory.port';
import {
  GraphAuthError,
  graphError,
  GraphNetworkError,
  statusDetail,
  type GraphHttp,
  type GraphResponse,
} from './graph-http';
import { retryableStatuses } from './graph-middleware';

const GUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/;

export interface GraphAppInstallerOptions {
  /** The manifest id; its catalog id is looked up once. */
  teamsAppId?: string;
  /** The catalog id, when configured: no look-up. */
  catalogAppId?: string;
  /** Tries to find the fresh installation and its chat (Teams may need a moment after a 201). */
  lookupAttempts?: number;
  /** How long "not in the catalog" is believed before asking again (an admin may publish it meanwhile). */
  notInCatalogTtlMs?: number;
  now?: () => number;
}

type Failure = Extract<InstallOutcome, { ok: false }>;

/**
 * What a failed install says about the person, from the status and Graph's error body.
 *
 * Documented or observed answers of `POST /users/{id}/teamwork/installedApps`:
 * - 404 → the user does not exist (`userNotFound`);
 * - 403 "App is blocked by app permission policy" (inner code `AccessDenied`) → `blocked`;
 * - 403 "Failed to get license information for the user…" or "Teams is disabled for …" → `noLicense`;
 * - 403 mentioning "disabled" otherwise (the account) → `disabled`;
 * - 403 about scopes or privileges → `failed` (admin consent missing: a set-up fault, not the person's);
 * - 401 → `failed` (credentials), 400 → `failed` (request or catalog id);
 * - 429 / 5xx after the retries, or no answer → `failed` with `retryable`.
 * Any other 403 and every 404 are checked against the user (`GET /users/{id}?$select=id,accountEnabled`):
 * 404 → `userNotFound`, `accountEnabled: false` → `disabled`, otherwise `failed`.
 * Returns undefined when that check should decide.
 */
export function classifyInstallFailure(status: number, body: unknown): Failure | undefined {
  const detail = statusDetail(status, body);
  if (status === 429 || retryableStatuses.has(status))
    return { ok: false, reason: 'failed', detail, retryable: true };
  if (status === 403) {
    const { message = '', innerCode = '' } = graphError(body);
    // "Teams is disabled for …" is what a person without the Teams service plan gets.
    if (/licen[cs]e|teams is disabled/i.test(message)) return { ok: false, reason: 'noLicense', detail };
    if (/blocked/i.test(message)) return { ok: false, reason: 'blocked', detail };
    if (/disabled/i.test(message)) return { ok: false, reason: 'disabled', detail };
    if (
      /scope|privilege|not authorized|consent/i.test(message) ||
      innerCode === 'Authorization_RequestDenied'
    ) {
      return { ok: false, reason: 'failed', detail: `${detail}:PERMISSION` };
    }
    return undefined;
  }
  if (status === 404) return undefined;
  return { ok: false, reason: 'failed', detail };
}

/**
 * {@link AppInstaller} on Microsoft Graph: installs the app in the person's personal scope (201, or 409
 * when it already is), finds that installation, and returns its 1:1 chat id. Needs the application
 * permission `TeamsAppInstallation.ReadWriteSelfForUser.All`, the manifest's `webApplicationInfo`, and
 * `AppCatalog.Read.All` only when the catalog id must be looked up.
 */
export class GraphAppInstaller implements AppInstaller {
  private catalog?: Promise<string | undefined>;
  private notInCatalogUntil = -Infinity;
  private readonly lookupAttempts: number;
  private readonly notInCatalogTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly http: GraphHttp,
    private readonly logger: Logger,
    private readonly options: GraphAppInstallerOptions,
  ) {
    if (!options.teamsAppId && !options.catalogAppId)
      throw new Error('GraphAppInstaller: teamsAppId or catalogAppId is required');
    this.lookupAttempts = Math.max(1, options.lookupAttempts ?? 3);
    this.notInCatalogTtlMs = options.notInCatalogTtlMs ?? 5 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async installForUser(aadObjectId: string): Promise<InstallOutcome> {
    const userId = aadObjectId.trim().toLowerCase();
    const outcome = await this.install(userId).catch((err: unknown): InstallOutcome => {
      if (err instanceof GraphNetworkError)
        return { ok: false, reason: 'failed', detail: 'NETWORK', retryable: true };
      if (err instanceof GraphAuthError) return { ok: false, reason: 'failed', detail: 'AUTH' };
      throw err;
    });
    if (outcome.ok)
      this.logger.debug(
        { userId, alreadyInstalled: outcome.alreadyInstalled },
        'graph app installed for user',
      );
    else
      this.logger.info(
        { userId, reason: outcome.reason, detail: outcome.detail, retryable: outcome.retryable },
        'graph app install failed',
      );
    return outcome;
  }

  private async install(userId: string): Promise<InstallOutcome> {
    if (!GUID.test(userId)) return { ok: false, reason: 'userNotFound', detail: 'INVALID_ID' };
    const catalogAppId = await this.catalogAppId();
    if (typeof catalogAppId !== 'string') return catalogAppId;
    const user = encodeURIComponent(userId);
    const created = await this.http.request('POST', `/users/${user}/teamwork/installedApps`, {
      'teamsApp@odata.bind': `${this.http.baseUrl}/appCatalogs/teamsApps/${catalogAppId}`,
    });
    let alreadyInstalled: boolean;
    if (created.status >= 200 && created.status < 300) alreadyInstalled = false;
    else if (created.status === 409) alreadyInstalled = true;
    else return classifyInstallFailure(created.status, created.body) ?? (await this.explain(userId, created));
    return this.chatOf(userId, catalogAppId, alreadyInstalled);
  }

  /** A 404 or an unexplained 403: ask the directory whether the account exists and is enabled. */
  private async explain(userId: string, failed: GraphResponse): Promise<Failure> {
    const detail = statusDetail(failed.status, failed.body);
    const probe = await this.http.request(
      'GET',
      `/users/${encodeURIComponent(userId)}?$select=id,accountEnabled`,
    );
    if (probe.status === 404) return { ok: false, reason: 'userNotFound', detail };
    if (
      probe.status === 200 &&
      (probe.body as { accountEnabled?: unknown } | undefined)?.accountEnabled === false
    ) {
      return { ok: false, reason: 'disabled', detail };
    }
    // The account exists and is enabled: the failure is about something else (e.g. the catalog id).
    return { ok: false, reason: 'failed', detail };
  }

  /** The installation of our app for this user, then its chat. */
  private async chatOf(
    userId: string,
    catalogAppId: string,
    alreadyInstalled: boolean,
  ): Promise<InstallOutcome> {
    const user = encodeURIComponent(userId);
    let last = 'INSTALLATION_NOT_FOUND';
    for (let attempt = 1; attempt <= this.lookupAttempts; attempt++) {
      if (attempt > 1) await this.http.backoff(attempt - 1);
      const list = await this.http.request(
        'GET',
        `/users/${user}/teamwork/installedApps?$expand=teamsApp&$filter=teamsApp/id eq '${catalogAppId}'`,
      );
      if (list.status !== 200) {
        const failure = classifyInstallFailure(list.status, list.body);
        if (failure && !failure.retryable) return failure;
        last = statusDetail(list.status, list.body);
        continue;
      }
      const installations =
        (list.body as { value?: Array<{ id?: unknown; teamsApp?: { id?: unknown } }> } | undefined)?.value ??
        [];
      const installation = installations.find(
        (i) =>
          typeof i.id === 'string' &&
          (i.teamsApp?.id === undefined || String(i.teamsApp.id).toLowerCase() === catalogAppId),
      );
      if (!installation) {
        last = 'INSTALLATION_NOT_FOUND';
        continue;
      }
      const chat = await this.http.request(
        'GET',
        `/users/${user}/teamwork/installedApps/${encodeURIComponent(installation.id as string)}/chat`,
      );
      const chatId = (chat.body as { id?: unknown } | undefined)?.id;
      if (chat.status === 200 && typeof chatId === 'string' && chatId !== '')
        return { ok: true, chatId, alreadyInstalled };
      last = chat.status === 200 ? 'CHAT_WITHOUT_ID' : statusDetail(chat.status, chat.body);
    }
    return { ok: false, reason: 'failed', detail: last, retryable: true };
  }

  /** The app's id in the organisation's catalog: configured, or looked up once by its manifest id. */
  private async catalogAppId(): Promise<string | Failure> {
    if (this.options.catalogAppId) return this.options.catalogAppId.toLowerCase();
    if (this.now() < this.notInCatalogUntil)
      return { ok: false, reason: 'notConfigured', detail: 'APP_NOT_IN_CATALOG' };
    this.catalog ??= this.lookUpCatalogAppId();
    let id: string | undefined;
    try {
      id = await this.catalog;
    } catch (err) {
      this.catalog = undefined;
      if (err instanceof CatalogLookupError)
        return { ok: false, reason: 'failed', detail: `CATALOG:${err.detail}`, retryable: err.retryable };
      throw err;
    }
    if (id) return id;
    this.catalog = undefined;
    this.notInCatalogUntil = this.now() + this.notInCatalogTtlMs;
    this.logger.warn(
      { teamsAppId: this.options.teamsAppId },
      'graph: the Teams app is not in the organisation catalog',
    );
    return { ok: false, reason: 'notConfigured', detail: 'APP_NOT_IN_CATALOG' };
  }

  private async lookUpCatalogAppId(): Promise<string | undefined> {
    const manifestId = (this.options.teamsAppId as string).toLowerCase();
    const response = await this.http.request(
      'GET',
      `/appCatalogs/teamsApps?$filter=externalId eq '${manifestId}'`,
    );
    if (response.status !== 200) {
      throw new CatalogLookupError(
        statusDetail(response.status, response.body),
        response.status === 429 || retryableStatuses.has(response.status),
      );
    }
    const apps =
      (response.body as { value?: Array<{ id?: unknown; distributionMethod?: unknown }> } | undefined)
        ?.value ?? [];
    const usable = apps.filter((a) => typeof a.id === 'string');
    // An app uploaded for the organisation wins over a side-loaded copy with the same manifest id.
    const app = usable.find((a) => a.distributionMethod === 'organization') ?? usable[0];
    const id = app ? (app.id as string).toLowerCase() : undefined;
    if (id)
      this.logger.info(
        { teamsAppId: manifestId, catalogAppId: id },
        'graph: catalog id of the Teams app found',
      );
    return id;
  }
}

class CatalogLookupError extends Error {
  constructor(
    readonly detail: string,
    readonly retryable: boolean,
  ) {
    super(`catalog look-up failed: ${detail}`);
  }
}
