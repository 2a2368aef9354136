import { containers, type DocumentStore } from '../../storage/document-store.port';
import { updateWithRetry } from '../../storage/optimistic';
import { isConflictError } from '../../storage/store-errors';
import type { MemberDoc } from './networks.types';

const norm = (id: string) => id.trim().toLowerCase();

/**
 * Members (special-category data, see {@link MemberDoc}) in container `networks`, pk = networkId,
 * id = the member's aadObjectId (lower-case). One partition per network, so a coordinator's list and a
 * broadcast's recipients are single-partition queries.
 */
export class MembershipRepository {
  constructor(private readonly store: DocumentStore) {}

  async get(networkId: string, aadObjectId: string): Promise<MemberDoc | undefined> {
    return (await this.store.get<MemberDoc>(containers.networks, networkId, norm(aadObjectId)))?.data;
  }

  /** False when already a member (a retried join changes nothing). */
  async add(member: Omit<MemberDoc, 'type'>): Promise<boolean> {
    const id = norm(member.aadObjectId);
    try {
      await this.store.create<MemberDoc>(containers.networks, {
        pk: member.networkId,
        id,
        data: { ...member, aadObjectId: id, type: 'member' },
      });
      return true;
    } catch (err) {
      if (isConflictError(err)) return false;
      throw err;
    }
  }

  async remove(networkId: string, aadObjectId: string): Promise<boolean> {
    return this.store.delete(containers.networks, networkId, norm(aadObjectId));
  }

  /** Sets (or clears) the snooze; false when the person is not a member. */
  async setSnooze(networkId: string, aadObjectId: string, until: string | undefined): Promise<boolean> {
    return updateWithRetry<MemberDoc, boolean>(
      this.store,
      containers.networks,
      networkId,
      norm(aadObjectId),
      (current) => {
        if (!current) return { kind: 'skip', result: false };
        const { snoozedUntil: _old, ...rest } = current.data;
        return { kind: 'write', data: until ? { ...rest, snoozedUntil: until } : rest, result: true };
      },
    );
  }

  async list(networkId: string): Promise<MemberDoc[]> {
    const docs = await this.store.query<MemberDoc>(containers.networks, {
      pk: networkId,
      where: [{ field: 'type', op: '=', value: 'member' }],
    });
    return docs.map((d) => d.data);
  }

  async count(networkId: string): Promise<number> {
    return this.store.count(containers.networks, {
      pk: networkId,
      where: [{ field: 'type', op: '=', value: 'member' }],
    });
  }
}
