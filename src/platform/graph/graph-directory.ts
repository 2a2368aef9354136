import type { Logger } from '../logger';
import { DirectoryError, type Directory, type PersonProfile } from '../directory/directory.port';
import { GraphAuthError, GraphNetworkError, statusDetail, type GraphHttp } from './graph-http';
import { retryableStatuses } from './graph-middleware';

/** Graph's JSON batching takes at most 20 requests in one $batch. */
export const graphBatchLimit = 20;

export interface GraphDirectoryOptions {
  /** $batch requests in flight at once (each counts once against the shared limiter). */
  concurrency?: number;
  /** Directory objects per page of group members; Graph allows up to 999. */
  pageSize?: number;
  /** A guard against a next link that never ends. */
  maxPages?: number;
}

interface BatchItemResponse {
  id?: unknown;
  status?: unknown;
  headers?: Record<string, unknown>;
  body?: unknown;
}

/**
 * {@link Directory} on Microsoft Graph: user profiles through JSON batching (20 per `$batch`), group
 * members through `transitiveMembers` with paging. Needs `User.Read.All` (preferredLanguage is not
 * part of `User.ReadBasic.All`) and `GroupMember.Read.All`.
 */
export class GraphDirectory implements Directory {
  private readonly concurrency: number;
  private readonly pageSize: number;
  private readonly maxPages: number;

  constructor(
    private readonly http: GraphHttp,
    private readonly logger: Logger,
    options: GraphDirectoryOptions = {},
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.pageSize = Math.min(999, Math.max(1, options.pageSize ?? 999));
    this.maxPages = options.maxPages ?? 10_000;
  }

  async profiles(ids: string[]): Promise<Map<string, PersonProfile>> {
    const unique = [...new Set(ids.map((id) => id.trim().toLowerCase()).filter((id) => id !== ''))];
    const found = new Map<string, PersonProfile>();
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += graphBatchLimit)
      chunks.push(unique.slice(i, i + graphBatchLimit));
    const refused = new Map<number, number>();
    let next = 0;
    let failed = false;
    const worker = async () => {
      try {
        while (!failed && next < chunks.length) await this.batch(chunks[next++], found, refused);
      } catch (err) {
        failed = true; // the other workers stop taking chunks: the caller gets the error, not half a map
        throw err;
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, chunks.length) }, worker));
    if (refused.size)
      this.logger.warn({ refused: Object.fromEntries(refused) }, 'graph refused some profile look-ups');
    this.logger.debug(
      { requested: unique.length, found: found.size, batches: chunks.length },
      'graph profiles resolved',
    );
    return found;
  }

  /** One chunk of ≤ 20 ids; throttled or failed items go again, alone, until done or out of budget. */
  private async batch(
    ids: string[],
    found: Map<string, PersonProfile>,
    refused: Map<number, number>,
  ): Promise<void> {
    let pending = ids.map((id, i) => ({ key: String(i + 1), id }));
    let failures = 0;
    let throttles = 0;
    while (pending.length) {
      const requests = pending.map((p) => ({
        id: p.key,
        method: 'GET',
        url: `/users/${encodeURIComponent(p.id)}?$select=id,displayName,preferredLanguage`,
      }));
      const response = await this.send('POST', '/$batch', { requests });
      if (response.status !== 200)
        throw new DirectoryError('unavailable', statusDetail(response.status, response.body));
      const items = (response.body as { responses?: BatchItemResponse[] } | undefined)?.responses ?? [];
      // Responses may come in any order: match them by id.
      const byKey = new Map(items.map((item) => [String(item.id), item]));
      const again: typeof pending = [];
      let retryAfter: number | undefined;
      let throttled = false;
      for (const p of pending) {
        const item = byKey.get(p.key);
        const status = typeof item?.status === 'number' ? item.status : 0;
        if (status === 200) {
          const profile = profileOf(item?.body);
          if (profile) found.set(p.id, profile);
        } else if (status === 429) {
          throttled = true;
          retryAfter = Math.max(retryAfter ?? 0, this.http.retryAfterOf(item?.headers) ?? 0);
          again.push(p);
        } else if (status === 0 || retryableStatuses.has(status)) {
          again.push(p);
        } else if (status !== 404 && status !== 400) {
          // 404: no such user; 400: not a valid id. Anything else (403: permission missing) is worth a warning.
          refused.set(status, (refused.get(status) ?? 0) + 1);
        }
      }
      pending = again;
      if (!pending.length) return;
      if (throttled) {
        throttles += 1;
        if (throttles > this.http.policy.maxThrottles) throw new DirectoryError('unavailable', 'THROTTLED');
        // Pauses every Graph caller; the next $batch waits in the limiter until Retry-After has passed.
        this.http.throttled(retryAfter || undefined);
      } else {
        failures += 1;
        if (failures >= this.http.policy.maxAttempts)
          throw new DirectoryError('unavailable', 'BATCH_ITEMS_FAILED');
        await this.http.backoff(failures);
      }
    }
  }

  async transitiveMemberIds(groupId: string): Promise<string[]> {
    const members = new Set<string>();
    let path: string | undefined =
      `/groups/${encodeURIComponent(groupId.trim().toLowerCase())}/transitiveMembers/microsoft.graph.user?$select=id&$top=${this.pageSize}`;
    let pages = 0;
    while (path) {
      if (++pages > this.maxPages) throw new DirectoryError('unavailable', 'TOO_MANY_PAGES');
      const response = await this.send('GET', path);
      if (response.status === 404)
        throw new DirectoryError('groupNotFound', statusDetail(404, response.body));
      if (response.status === 401 || response.status === 403)
        throw new DirectoryError('forbidden', statusDetail(response.status, response.body));
      if (response.status !== 200)
        throw new DirectoryError('unavailable', statusDetail(response.status, response.body));
      const page = response.body as
        { value?: Array<{ id?: unknown; '@odata.type'?: unknown }>; '@odata.nextLink'?: unknown } | undefined;
      for (const member of page?.value ?? []) {
        const type = member['@odata.type'];
        if (typeof member.id === 'string' && (type === undefined || type === '#microsoft.graph.user'))
          members.add(member.id.toLowerCase());
      }
      const nextLink = page?.['@odata.nextLink'];
      try {
        path = typeof nextLink === 'string' ? this.http.relative(nextLink) : undefined;
      } catch {
        throw new DirectoryError('unavailable', 'FOREIGN_NEXT_LINK');
      }
    }
    this.logger.debug({ groupId, members: members.size, pages }, 'graph group members resolved');
    return [...members];
  }

  private async send(method: 'GET' | 'POST', path: string, body?: unknown) {
    try {
      return await this.http.request(method, path, body);
    } catch (err) {
      if (err instanceof GraphNetworkError) throw new DirectoryError('unavailable', 'NETWORK');
      if (err instanceof GraphAuthError) throw new DirectoryError('unavailable', 'AUTH');
      throw err;
    }
  }
}

function profileOf(body: unknown): PersonProfile | undefined {
  const user = body as { displayName?: unknown; preferredLanguage?: unknown } | undefined;
  if (typeof user?.displayName !== 'string' || user.displayName.trim() === '') return undefined;
  const language =
    typeof user.preferredLanguage === 'string' && user.preferredLanguage.trim() !== ''
      ? user.preferredLanguage
      : undefined;
  return language
    ? { displayName: user.displayName, preferredLanguage: language }
    : { displayName: user.displayName };
}
