import { DirectoryError, type GroupWriter } from '../directory/directory.port';
import type { Logger } from '../logger';
import { GraphAuthError, GraphNetworkError, graphError, statusDetail, type GraphHttp } from './graph-http';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * {@link GroupWriter} on Microsoft Graph: `POST /groups/{id}/members/$ref` with the user's directory
 * object. Needs `GroupMember.ReadWrite.All`. Graph answers 400 "already exist" for a member: success.
 */
export class GraphGroupWriter implements GroupWriter {
  constructor(
    private readonly http: GraphHttp,
    private readonly logger: Logger,
  ) {}

  async addMember(groupId: string, userId: string): Promise<void> {
    if (!guid.test(groupId) || !guid.test(userId)) throw new DirectoryError('groupNotFound', 'NOT_A_GUID');
    const ref = { '@odata.id': `${this.http.baseUrl}/directoryObjects/${userId.toLowerCase()}` };
    let response;
    try {
      response = await this.http.request('POST', `/groups/${groupId.toLowerCase()}/members/$ref`, ref);
    } catch (err) {
      if (err instanceof GraphNetworkError) throw new DirectoryError('unavailable', 'NETWORK');
      if (err instanceof GraphAuthError) throw new DirectoryError('unavailable', 'AUTH');
      throw err;
    }
    const { status, body } = response;
    if (status === 204 || status === 200) return;
    if (status === 400 && /already exist/i.test(graphError(body).message ?? '')) return;
    const detail = statusDetail(status, body);
    this.logger.warn({ status: detail }, 'graph: adding a group member failed');
    if (status === 404) throw new DirectoryError('groupNotFound', detail);
    if (status === 403 || status === 401) throw new DirectoryError('forbidden', detail);
    throw new DirectoryError('unavailable', detail);
  }
}
