import type { Clock } from '../clock';
import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { updateWithRetry, type Mutation } from '../../storage/optimistic';
import { isConcurrencyError } from '../../storage/store-errors';
import { DOC_ID, MAX_ATTEMPTS, norm, promote, signupErrors, statusIn, type SignupListDoc, type SignupSettings, type SignupStatus } from './signups.model';

export { signupErrors, type SignupSettings, type SignupStatus } from './signups.model';

/** Seats and waitlists for anything people sign up for (ateliers, meetups). Knows nothing of features. */
export class SignupService {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  async open(listId: string, settings: SignupSettings): Promise<void> {
    const data: SignupListDoc = {
      listId,
      capacity: settings.capacity,
      deadline: settings.deadline,
      closed: settings.closed ?? false,
      attending: [],
      waitlist: [],
      updatedAt: this.clock.now().toISOString(),
    };
    try {
      await this.store.create(containers.signups, { pk: listId, id: DOC_ID, data });
    } catch (e) {
      // Opening twice (a retried create) keeps the existing list and its seats.
      if ((e as { code?: string }).code !== 'STORE.CONFLICT') throw e;
    }
  }

  async update(listId: string, settings: Partial<SignupSettings>): Promise<{ promoted: string[] }> {
    return this.mutate(listId, (list) => {
      if ('capacity' in settings && settings.capacity !== undefined) list.capacity = settings.capacity;
      if ('deadline' in settings) list.deadline = settings.deadline;
      if (settings.closed !== undefined) list.closed = settings.closed;
      // Lowering the capacity never takes a seat away from someone who has one.
      const promoted = list.closed ? [] : promote(list);
      return { write: true, result: { promoted } };
    });
  }

  async signUp(listId: string, userId: string): Promise<{ status: SignupStatus; changed: boolean }> {
    const id = norm(userId);
    const now = this.clock.now().toISOString();
    return this.mutate<{ status: SignupStatus; changed: boolean }>(listId, (list) => {
      const current = statusIn(list, id);
      // Double-clicks and Teams' invoke retries land here: same answer, no second seat.
      if (current.state !== 'none') return { write: false, result: { status: current, changed: false } };
      if (list.closed) throw signupErrors.closed();
      if (list.deadline && now >= list.deadline) throw signupErrors.deadlinePassed();
      const hasSeat = list.capacity === null || list.attending.length < list.capacity;
      if (hasSeat) list.attending.push(id);
      else list.waitlist.push(id);
      return { write: true, result: { status: statusIn(list, id), changed: true } };
    });
  }

  async cancel(listId: string, userId: string): Promise<{ changed: boolean; promoted: string[] }> {
    const id = norm(userId);
    return this.mutate<{ changed: boolean; promoted: string[] }>(listId, (list) => {
      if (statusIn(list, id).state === 'none') return { write: false, result: { changed: false, promoted: [] } };
      if (list.closed) throw signupErrors.closed();
      list.attending = list.attending.filter((u) => u !== id);
      list.waitlist = list.waitlist.filter((u) => u !== id);
      return { write: true, result: { changed: true, promoted: promote(list) } };
    });
  }

  async status(listId: string, userId: string): Promise<SignupStatus> {
    const doc = await this.read(listId);
    return doc ? statusIn(doc.data, norm(userId)) : { state: 'none' };
  }

  async summary(listId: string): Promise<{ capacity: number | null; attending: number; waitlisted: number; closed: boolean }> {
    const list = await this.require(listId);
    return { capacity: list.capacity, attending: list.attending.length, waitlisted: list.waitlist.length, closed: list.closed };
  }

  /** aadObjectIds in order; callers decide who may see them. */
  async roster(listId: string): Promise<{ attending: string[]; waitlist: string[] }> {
    const list = await this.require(listId);
    return { attending: [...list.attending], waitlist: [...list.waitlist] };
  }

  private read(listId: string): Promise<StoredDocument<SignupListDoc> | undefined> {
    return this.store.get<SignupListDoc>(containers.signups, listId, DOC_ID);
  }

  private async require(listId: string): Promise<SignupListDoc> {
    const doc = await this.read(listId);
    if (!doc) throw signupErrors.notFound();
    return doc.data;
  }

  /**
   * One write per list at a time in this process. Only an optimisation: correctness comes from the
   * etag, which still guards against other instances (and this queue being bypassed).
   */
  private serial<R>(key: string, work: () => Promise<R>): Promise<R> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }

  /** `change` works on a copy and may run several times (it is retried after a lost race). */
  private mutate<R>(listId: string, change: (list: SignupListDoc) => { write: boolean; result: R }): Promise<R> {
    return this.serial(listId, () => this.mutateNow(listId, change));
  }

  private async mutateNow<R>(listId: string, change: (list: SignupListDoc) => { write: boolean; result: R }): Promise<R> {
    const now = this.clock.now().toISOString();
    try {
      return await updateWithRetry<SignupListDoc, R>(
        this.store,
        containers.signups,
        listId,
        DOC_ID,
        (current): Mutation<SignupListDoc, R> => {
          if (!current) throw signupErrors.notFound();
          const list: SignupListDoc = structuredClone(current.data);
          const { write, result } = change(list);
          return write ? { kind: 'write', data: { ...list, updatedAt: now }, result } : { kind: 'skip', result };
        },
        MAX_ATTEMPTS,
      );
    } catch (e) {
      if (isConcurrencyError(e)) throw signupErrors.busy();
      throw e;
    }
  }
}

export { registerSignupMessages } from './signups.messages';
