import type { Clock } from '../clock';
import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { updateWithRetry, type Mutation } from '../../storage/optimistic';
import { isConcurrencyError } from '../../storage/store-errors';
import {
  DOC_ID,
  MAX_ATTEMPTS,
  norm,
  promote,
  seatName,
  signupErrors,
  statusIn,
  ttlUntil,
  type SignupListDoc,
  type SignupSettings,
  type SignupStatus,
} from './signups.model';

export { signupErrors, type SignupSettings, type SignupStatus } from './signups.model';

/** One change to a list: whether to write it, the answer, and (optionally) a new expiry in seconds. */
interface Change<R> {
  write: boolean;
  result: R;
  ttlSeconds?: number;
}

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
      names: {},
      updatedAt: this.clock.now().toISOString(),
    };
    const ttlSeconds = ttlUntil(settings.keepUntil, this.clock.now());
    try {
      await this.store.create(containers.signups, { pk: listId, id: DOC_ID, data, ttlSeconds });
    } catch (e) {
      // Opening twice (a retried create) keeps the existing list and its seats.
      if ((e as { code?: string }).code !== 'STORE.CONFLICT') throw e;
    }
  }

  /** `keepUntil` moves the list's expiry (an event moved); the other settings as for {@link open}. */
  async update(listId: string, settings: Partial<SignupSettings>): Promise<{ promoted: string[] }> {
    const ttlSeconds = ttlUntil(settings.keepUntil, this.clock.now());
    return this.mutate(listId, (list) => {
      if ('capacity' in settings && settings.capacity !== undefined) list.capacity = settings.capacity;
      if ('deadline' in settings) list.deadline = settings.deadline;
      if (settings.closed !== undefined) list.closed = settings.closed;
      // Lowering the capacity never takes a seat away from someone who has one.
      const promoted = list.closed ? [] : promote(list);
      return { write: true, result: { promoted }, ttlSeconds };
    });
  }

  /**
   * Takes a seat (or a waitlist place). `name` is the person's display name as Teams gave it in this
   * turn: kept with the place, for the organisers' roster, and removed with it.
   */
  async signUp(
    listId: string,
    userId: string,
    name?: string,
  ): Promise<{ status: SignupStatus; changed: boolean }> {
    const id = norm(userId);
    const kept = seatName(name);
    const now = this.clock.now().toISOString();
    return this.mutate<{ status: SignupStatus; changed: boolean }>(listId, (list) => {
      const current = statusIn(list, id);
      // Double-clicks and Teams' invoke retries land here: same answer, no second seat. A name that
      // changed in Teams (or a place taken before names were kept) is brought up to date.
      if (current.state !== 'none') {
        const rename = !!kept && list.names?.[id] !== kept;
        if (rename) list.names = { ...list.names, [id]: kept };
        return { write: rename, result: { status: current, changed: false } };
      }
      if (list.closed) throw signupErrors.closed();
      if (list.deadline && now >= list.deadline) throw signupErrors.deadlinePassed();
      const hasSeat = list.capacity === null || list.attending.length < list.capacity;
      if (hasSeat) list.attending.push(id);
      else list.waitlist.push(id);
      if (kept) list.names = { ...list.names, [id]: kept };
      return { write: true, result: { status: statusIn(list, id), changed: true } };
    });
  }

  async cancel(listId: string, userId: string): Promise<{ changed: boolean; promoted: string[] }> {
    const id = norm(userId);
    return this.mutate<{ changed: boolean; promoted: string[] }>(listId, (list) => {
      if (statusIn(list, id).state === 'none')
        return { write: false, result: { changed: false, promoted: [] } };
      if (list.closed) throw signupErrors.closed();
      list.attending = list.attending.filter((u) => u !== id);
      list.waitlist = list.waitlist.filter((u) => u !== id);
      if (list.names) delete list.names[id];
      return { write: true, result: { changed: true, promoted: promote(list) } };
    });
  }

  async status(listId: string, userId: string): Promise<SignupStatus> {
    const doc = await this.read(listId);
    return doc ? statusIn(doc.data, norm(userId)) : { state: 'none' };
  }

  async summary(
    listId: string,
  ): Promise<{ capacity: number | null; attending: number; waitlisted: number; closed: boolean }> {
    const list = await this.require(listId);
    return {
      capacity: list.capacity,
      attending: list.attending.length,
      waitlisted: list.waitlist.length,
      closed: list.closed,
    };
  }

  /** aadObjectIds in order; callers decide who may see them. */
  async roster(listId: string): Promise<{ attending: string[]; waitlist: string[] }> {
    const list = await this.require(listId);
    return { attending: [...list.attending], waitlist: [...list.waitlist] };
  }

  /** {@link roster} with the names kept with the places (by lower-case id; not everyone has one). */
  async namedRoster(
    listId: string,
  ): Promise<{ attending: string[]; waitlist: string[]; names: Map<string, string> }> {
    const list = await this.require(listId);
    const onList = new Set([...list.attending, ...list.waitlist]);
    const kept = Object.entries(list.names ?? {});
    const names = new Map(kept.filter(([id, name]) => onList.has(id) && typeof name === 'string'));
    return { attending: [...list.attending], waitlist: [...list.waitlist], names };
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
  private mutate<R>(listId: string, change: (list: SignupListDoc) => Change<R>): Promise<R> {
    return this.serial(listId, () => this.mutateNow(listId, change));
  }

  private async mutateNow<R>(listId: string, change: (list: SignupListDoc) => Change<R>): Promise<R> {
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
          const { write, result, ttlSeconds } = change(list);
          if (!write) return { kind: 'skip', result };
          return { kind: 'write', data: { ...list, updatedAt: now }, result, ttlSeconds };
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
