import type { Clock } from '../clock';
import {
  containers,
  MAX_BATCH,
  type DocumentStore,
  type StoredDocument,
} from '../../storage/document-store.port';
import { isConcurrencyError, isConflictError } from '../../storage/store-errors';
import { migrateLegacyList } from './signups.migration';
import {
  freeSeats,
  isLegacy,
  MAX_ATTEMPTS,
  norm,
  seatName,
  signupErrors,
  STATE_ID,
  ttlUntil,
  type SignupPersonDoc,
  type SignupSettings,
  type SignupStateDoc,
  type SignupStatus,
} from './signups.model';
import { SignupRepository } from './signups.repository';

export { signupErrors, type SignupSettings, type SignupStatus } from './signups.model';

/** How a lost race waits before the next attempt; tests give a seeded `random` so runs repeat. */
export interface SignupRetry {
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realRetry: SignupRetry = {
  random: Math.random,
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

type State = StoredDocument<SignupStateDoc>;
/** One attempt's outcome: what to write (state and people) and the answer; `write: null` writes nothing. */
interface Change<R> {
  write: { state: SignupStateDoc; people: SignupPersonDoc[] } | null;
  result: R;
}

export interface SignupSummary {
  capacity: number | null;
  attending: number;
  waitlisted: number;
  closed: boolean;
}

export interface SignUpOutcome {
  status: SignupStatus;
  changed: boolean;
  summary: SignupSummary;
}

const summaryOf = (state: SignupStateDoc): SignupSummary => ({
  capacity: state.capacity,
  attending: state.seatsTaken,
  waitlisted: state.waiting,
  closed: state.closed,
});

/** Most people one change promotes; one batch holds the state and these (Cosmos: 100 operations). */
const PROMOTE_PER_CHANGE = MAX_BATCH - 2;

/**
 * Seats and waitlists for anything people sign up for (ateliers, meetups, advies seats). Knows nothing
 * of features. A sign-up reads two small documents and writes them back in one batch, whatever the size
 * of the list (see {@link SignupStateDoc} for the design).
 */
export class SignupService {
  private readonly queues = new Map<string, Promise<unknown>>();
  /**
   * The state this instance last wrote, per list, kept only while changes to that list queue up here: the
   * next change in a burst starts from it instead of reading it again. Safe because the batch is
   * conditional on its etag and every person document is read after it was written.
   */
  private readonly written = new Map<string, State>();
  private readonly repo: SignupRepository;

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
    private readonly retry: SignupRetry = realRetry,
  ) {
    this.repo = new SignupRepository(store);
  }

  async open(listId: string, settings: SignupSettings): Promise<void> {
    const data: SignupStateDoc = {
      schema: 2,
      listId,
      capacity: settings.capacity,
      ...(settings.deadline ? { deadline: settings.deadline } : {}),
      closed: settings.closed ?? false,
      ...(settings.keepUntil ? { keepUntil: settings.keepUntil } : {}),
      seatsTaken: 0,
      waiting: 0,
      nextSeq: 1,
      updatedAt: this.clock.now().toISOString(),
    };
    const ttlSeconds = ttlUntil(settings.keepUntil, this.clock.now());
    try {
      await this.store.create(containers.signups, { pk: listId, id: STATE_ID, data, ttlSeconds });
    } catch (e) {
      // Opening twice (a retried create) keeps the existing list and its seats.
      if (!isConflictError(e)) throw e;
    }
  }

  /** `keepUntil` moves the list's expiry (an event moved); the other settings as for {@link open}. */
  async update(listId: string, settings: Partial<SignupSettings>): Promise<{ promoted: string[] }> {
    const promoted: string[] = [];
    const before = await this.require(listId);
    const moved = settings.keepUntil !== undefined && settings.keepUntil !== before.keepUntil;
    // Raising the capacity by more than one batch holds promotes in rounds, each a change of its own.
    for (let round = 0; ; round++) {
      const step = await this.mutate(listId, async (current) => {
        const state = { ...current.data };
        if (settings.capacity !== undefined) state.capacity = settings.capacity;
        if ('deadline' in settings) state.deadline = settings.deadline;
        if (settings.closed !== undefined) state.closed = settings.closed;
        if (settings.keepUntil !== undefined) state.keepUntil = settings.keepUntil;
        // Lowering the capacity never takes a seat away from someone who has one.
        const people = await this.promote(listId, state, PROMOTE_PER_CHANGE);
        const result = { ids: people.map((p) => p.userId), more: freeSeats(state) > 0 };
        // Later rounds only promote; with nobody left to move up there is nothing to write.
        return { write: round > 0 && people.length === 0 ? null : { state, people }, result };
      });
      promoted.push(...step.ids);
      if (!step.more || step.ids.length === 0) break;
    }
    if (moved) await this.repo.moveExpiry(listId, ttlUntil(settings.keepUntil, this.clock.now()));
    return { promoted };
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
    const { status, changed } = await this.signUpWithCounts(listId, userId, name);
    return { status, changed };
  }

  /**
   * {@link signUp}, with the list's counts as this change left them: a card that shows the new place
   * and the counts needs no second read of the list.
   */
  async signUpWithCounts(listId: string, userId: string, name?: string): Promise<SignUpOutcome> {
    const id = norm(userId);
    const kept = seatName(name);
    return this.mutate<SignUpOutcome>(listId, async (current) => {
      const now = this.clock.now().toISOString();
      const mine = (await this.repo.getPerson(listId, id))?.data;
      // Double-clicks and Teams' invoke retries land here: same answer, no second place. A name that
      // changed in Teams (or a place taken before names were kept) is brought up to date.
      if (mine && mine.state !== 'withdrawn') {
        const status = await this.statusOf(listId, mine);
        const rename = !!kept && mine.name !== kept;
        const write = rename
          ? { state: { ...current.data, updatedAt: now }, people: [{ ...mine, name: kept, updatedAt: now }] }
          : null;
        return { write, result: { status, changed: false, summary: summaryOf(current.data) } };
      }
      const state = { ...current.data };
      if (state.closed) throw signupErrors.closed();
      if (state.deadline && now >= state.deadline) throw signupErrors.deadlinePassed();
      const hasSeat = state.capacity === null || state.seatsTaken < state.capacity;
      const person: SignupPersonDoc = {
        userId: id,
        state: hasSeat ? 'attending' : 'waitlisted',
        seq: state.nextSeq++,
        ...(kept ? { name: kept } : {}),
        signedUpAt: now,
        updatedAt: now,
      };
      if (hasSeat) state.seatsTaken++;
      else state.waiting++;
      // A newcomer on the waitlist is its last: their position is the number waiting.
      const status: SignupStatus = hasSeat
        ? { state: 'attending' }
        : { state: 'waitlisted', position: state.waiting };
      return {
        write: { state, people: [person] },
        result: { status, changed: true, summary: summaryOf(state) },
      };
    });
  }

  async cancel(listId: string, userId: string): Promise<{ changed: boolean; promoted: string[] }> {
    const id = norm(userId);
    return this.mutate<{ changed: boolean; promoted: string[] }>(listId, async (current) => {
      const mine = (await this.repo.getPerson(listId, id))?.data;
      if (!mine || mine.state === 'withdrawn')
        return { write: null, result: { changed: false, promoted: [] } };
      if (current.data.closed) throw signupErrors.closed();
      const now = this.clock.now().toISOString();
      const state = { ...current.data };
      if (mine.state === 'attending') state.seatsTaken--;
      else state.waiting--;
      const gone: SignupPersonDoc = {
        userId: id,
        state: 'withdrawn',
        seq: mine.seq,
        signedUpAt: mine.signedUpAt,
        updatedAt: now,
      };
      const promoted = await this.promote(listId, state, PROMOTE_PER_CHANGE);
      return {
        write: { state, people: [gone, ...promoted] },
        result: { changed: true, promoted: promoted.map((p) => p.userId) },
      };
    });
  }

  /**
   * One's own place: one's own document (and, on the waitlist, a count of those before). The state is
   * read alongside, not after: a list still stored the old way is migrated before its answer counts.
   */
  async status(listId: string, userId: string): Promise<SignupStatus> {
    const id = norm(userId);
    const [state, mine] = await Promise.all([this.repo.getState(listId), this.repo.getPerson(listId, id)]);
    if (!state) return { state: 'none' };
    if (isLegacy(state.data)) {
      await this.state(listId);
      return this.status(listId, userId);
    }
    return mine ? this.statusOf(listId, mine.data) : { state: 'none' };
  }

  /** The counts, from the state document alone. */
  async summary(listId: string): Promise<SignupSummary> {
    return summaryOf(await this.require(listId));
  }

  /** aadObjectIds in order (paged reads); callers decide who may see them. */
  async roster(listId: string): Promise<{ attending: string[]; waitlist: string[] }> {
    const { attending, waitlist } = await this.namedRoster(listId);
    return { attending, waitlist };
  }

  /** {@link roster} with the names kept with the places (by lower-case id; not everyone has one). */
  async namedRoster(
    listId: string,
  ): Promise<{ attending: string[]; waitlist: string[]; names: Map<string, string> }> {
    await this.require(listId);
    const names = new Map<string, string>();
    const collect = async (state: 'attending' | 'waitlisted') => {
      const ids: string[] = [];
      for await (const page of this.repo.pages(listId, state)) {
        for (const p of page) {
          ids.push(p.userId);
          if (typeof p.name === 'string') names.set(p.userId, p.name);
        }
      }
      return ids;
    };
    const attending = await collect('attending');
    const waitlist = await collect('waitlisted');
    return { attending, waitlist, names };
  }

  /** Everyone with a place, a page at a time in order, for rosters and exports of any size. */
  async *rosterPages(
    listId: string,
    state: 'attending' | 'waitlisted',
  ): AsyncGenerator<{ userId: string; name?: string }[]> {
    await this.require(listId);
    for await (const page of this.repo.pages(listId, state))
      yield page.map(({ userId, name }) => ({ userId, name }));
  }

  private async statusOf(listId: string, mine: SignupPersonDoc): Promise<SignupStatus> {
    if (mine.state === 'attending') return { state: 'attending' };
    if (mine.state === 'withdrawn') return { state: 'none' };
    return { state: 'waitlisted', position: (await this.repo.waitingBefore(listId, mine.seq)) + 1 };
  }

  /** Moves people from the head of the waitlist into free seats (at most `max`); new sequence numbers. */
  private async promote(listId: string, state: SignupStateDoc, max: number): Promise<SignupPersonDoc[]> {
    const head = await this.repo.headOfWaitlist(listId, Math.min(max, freeSeats(state)));
    const now = this.clock.now().toISOString();
    state.seatsTaken += head.length;
    state.waiting -= head.length;
    return head.map((p) => ({ ...p, state: 'attending', seq: state.nextSeq++, updatedAt: now }));
  }

  /** The state document; a list stored the old way is migrated first. */
  private async state(listId: string): Promise<State | undefined> {
    for (let attempt = 1; ; attempt++) {
      const doc = await this.repo.getState(listId);
      if (!doc) return undefined;
      if (!isLegacy(doc.data)) return doc as State;
      const done = await migrateLegacyList(this.store, listId, { ...doc, data: doc.data }, this.clock.now());
      if (!done && attempt >= MAX_ATTEMPTS) throw signupErrors.busy();
      if (!done) await this.backOff(attempt);
    }
  }

  private async require(listId: string): Promise<SignupStateDoc> {
    const doc = await this.state(listId);
    if (!doc) throw signupErrors.notFound();
    return doc.data;
  }

  /**
   * One change per list at a time in this process. Only an optimisation (fewer lost races, and the
   * state from {@link written}): correctness comes from the state document's etag, which still guards against other instances (and this queue being bypassed).
   */
  private serial<R>(key: string, work: () => Promise<R>): Promise<R> {
    const run = (this.queues.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) !== tail) return;
      this.queues.delete(key);
      this.written.delete(key);
    });
    return run;
  }

  /** `change` reads what it needs after the state and may run several times (after a lost race). */
  private mutate<R>(listId: string, change: (current: State) => Promise<Change<R>>): Promise<R> {
    return this.serial(listId, () => this.mutateNow(listId, change));
  }

  private async mutateNow<R>(listId: string, change: (current: State) => Promise<Change<R>>): Promise<R> {
    for (let attempt = 1; ; attempt++) {
      // What this instance wrote last is the state as of our own write; a newer one makes the batch fail.
      const cached = this.written.get(listId);
      this.written.delete(listId);
      const current = cached ?? (await this.state(listId));
      if (!current) throw signupErrors.notFound();
      let outcome: Change<R>;
      try {
        outcome = await change(current);
      } catch (e) {
        // A refusal (closed, deadline) is only given on a state read from the store.
        if (cached) continue;
        throw e;
      }
      const { write, result } = outcome;
      if (!write) return result;
      const state = { ...write.state, updatedAt: this.clock.now().toISOString() };
      const ttl = ttlUntil(state.keepUntil, this.clock.now());
      try {
        const etag = await this.repo.commit(listId, { data: state, etag: current.etag }, write.people, ttl);
        if (this.queues.has(listId))
          this.written.set(listId, { pk: listId, id: STATE_ID, data: state, etag });
        return result;
      } catch (e) {
        if (!isConcurrencyError(e)) throw e;
        if (attempt >= MAX_ATTEMPTS) throw signupErrors.busy();
        await this.backOff(attempt);
      }
    }
  }

  /** Jittered, growing with the attempt: racing instances spread out instead of colliding again. */
  private backOff(attempt: number): Promise<void> {
    return this.retry.sleep(this.retry.random() * 5 * attempt);
  }
}

export { registerSignupMessages } from './signups.messages';
