import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { updateWithRetry, type Mutation } from '../../storage/optimistic';
import type { Availability, ContactCase, RequesterLink } from './contact.types';

/**
 * The `contact` container:
 * - pk 'case', id = caseId (random UUID): one {@link ContactCase}.
 * - pk 'requester', id = the requester's aadObjectId: {@link RequesterLink} to their one open case.
 *   Deleted when the case closes, so afterwards nothing links a person to a case.
 * - pk 'availability', id = a kernteamlid's aadObjectId: {@link Availability}. No document = available.
 * Open cases also carry a TTL (the retention period) as a safety net: nothing identifying outlives it.
 */
const C = containers.contact;
const CASE = 'case';
const REQUESTER = 'requester';
const AVAILABILITY = 'availability';

const norm = (id: string) => id.trim().toLowerCase();

export class ContactRepository {
  constructor(private readonly store: DocumentStore) {}

  async getCase(caseId: string): Promise<StoredDocument<ContactCase> | undefined> {
    return this.store.get<ContactCase>(C, CASE, caseId);
  }

  async createCase(data: ContactCase, ttlSeconds: number): Promise<void> {
    await this.store.create(C, { pk: CASE, id: data.caseId, data, ttlSeconds });
  }

  async deleteCase(caseId: string): Promise<void> {
    await this.store.delete(C, CASE, caseId);
  }

  /** Etag-guarded read-modify-write; `mutate` may run several times. */
  async updateCase<R>(
    caseId: string,
    mutate: (current: ContactCase | undefined) => Mutation<ContactCase, R>,
  ): Promise<R> {
    return updateWithRetry<ContactCase, R>(this.store, C, CASE, caseId, (doc) => mutate(doc?.data), 80);
  }

  /** Replaces the whole document (used at closure, where fields are removed, not merged). */
  async replaceCase(doc: StoredDocument<ContactCase>, data: ContactCase, ttlSeconds: number): Promise<void> {
    await this.store.replace(C, { pk: CASE, id: doc.id, data, ttlSeconds }, doc.etag);
  }

  async activeCaseByCode(code: string): Promise<ContactCase | undefined> {
    const docs = await this.store.query<ContactCase>(C, {
      pk: CASE,
      where: [
        { field: 'code', op: '=', value: code },
        { field: 'status', op: 'in', value: ['waiting', 'open'] },
      ],
      limit: 5,
    });
    return docs[0]?.data;
  }

  async openCasesOf(kernteamlidId: string): Promise<ContactCase[]> {
    const docs = await this.store.query<ContactCase>(C, {
      pk: CASE,
      where: [
        { field: 'kernteamlidId', op: '=', value: norm(kernteamlidId) },
        { field: 'status', op: '=', value: 'open' },
      ],
      orderBy: [{ field: 'pickedUpAt' }],
      limit: 100,
    });
    return docs.map((d) => d.data);
  }

  async waitingCases(): Promise<ContactCase[]> {
    const docs = await this.store.query<ContactCase>(C, {
      pk: CASE,
      where: [{ field: 'status', op: '=', value: 'waiting' }],
      limit: 200,
    });
    return docs.map((d) => d.data);
  }

  async closedCases(): Promise<ContactCase[]> {
    const docs = await this.store.query<ContactCase>(C, {
      pk: CASE,
      where: [{ field: 'status', op: '=', value: 'closed' }],
    });
    return docs.map((d) => d.data);
  }

  async getLink(requesterId: string): Promise<RequesterLink | undefined> {
    return (await this.store.get<RequesterLink>(C, REQUESTER, norm(requesterId)))?.data;
  }

  /** Fails with a ConflictError when the requester already has an open case: one at a time. */
  async createLink(requesterId: string, link: RequesterLink, ttlSeconds: number): Promise<void> {
    await this.store.create(C, { pk: REQUESTER, id: norm(requesterId), data: link, ttlSeconds });
  }

  async deleteLink(requesterId: string): Promise<void> {
    await this.store.delete(C, REQUESTER, norm(requesterId));
  }

  async isAvailable(kernteamlidId: string): Promise<boolean> {
    const doc = await this.store.get<Availability>(C, AVAILABILITY, norm(kernteamlidId));
    return doc?.data.available ?? true;
  }

  async setAvailability(kernteamlidId: string, available: boolean, at: string): Promise<void> {
    await this.store.upsert<Availability>(C, {
      pk: AVAILABILITY,
      id: norm(kernteamlidId),
      data: { available, updatedAt: at },
    });
  }
}
