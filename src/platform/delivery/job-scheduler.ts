import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { containers, type DocumentStore, type StoredDocument } from '../../storage/document-store.port';
import { isConcurrencyError, isConflictError, isNotFoundError } from '../../storage/store-errors';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { DeliveryOptions } from './delivery-options';
import type { ScheduledJob, Scheduler } from './delivery.port';
import type { JobDoc } from './job.types';
import { realTimers, type Timers } from './monotonic';
import { EPOCH } from './outbox.types';
import { backoffMs } from './send-policy';

const PK = 'job';
const DONE_TTL_SECONDS = 7 * 86_400;

/** A stored payload that does not match its kind's schema. */
class BadJobPayload extends Error {
  readonly code = 'JOB.BAD_PAYLOAD';
}

type Handler = (payload: unknown, job: ScheduledJob<unknown>) => Promise<void>;
type JobOptions = Pick<
  DeliveryOptions,
  'jobLeaseMs' | 'jobPollMs' | 'jobMaxAttempts' | 'backoffBaseMs' | 'backoffMaxMs'
>;

export interface JobSchedulerDeps {
  store: DocumentStore;
  clock: Clock;
  logger: Logger;
  options: JobOptions;
  /** Poll pauses and lease heartbeats; real by default. */
  timers?: Timers;
}

/**
 * Timed jobs (reminders, the poll after an atelier, sturingsgesprek rounds). Due jobs are claimed
 * with an etag-checked lease, so with several instances each job runs once; a handler that throws
 * is retried with back-off. Handlers should still be idempotent (a crash after the work but before
 * the job is marked done runs it again), e.g. by enqueueing with a broadcastId derived from the job id.
 */
export class JobScheduler implements Scheduler {
  private readonly handlers = new Map<string, Handler>();
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly store: DocumentStore;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly options: JobOptions;
  private readonly timers: Timers;

  constructor(deps: JobSchedulerDeps) {
    ({ store: this.store, clock: this.clock, logger: this.logger, options: this.options } = deps);
    this.timers = deps.timers ?? realTimers;
  }

  on<S extends z.ZodTypeAny>(
    kind: string,
    schema: S,
    handler: (payload: z.output<S>, job: ScheduledJob<z.output<S>>) => Promise<void>,
  ): void {
    this.handlers.set(kind, async (payload, job) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) throw new BadJobPayload();
      await handler(parsed.data, { ...job, payload: parsed.data });
    });
  }

  async schedule<P>(job: ScheduledJob<P>): Promise<void> {
    const runAt = job.runAt.toISOString();
    const data = (generation: number): JobDoc => ({
      kind: job.kind,
      payload: job.payload,
      runAt,
      dueAt: runAt,
      status: 'scheduled',
      attempts: 0,
      leaseUntil: EPOCH,
      generation,
    });
    // Not updateWithRetry: a finished job carries a TTL, and a rescheduled one must lose it.
    for (let attempt = 0; ; attempt++) {
      const current = await this.store.get<JobDoc>(containers.jobs, PK, job.id);
      try {
        if (!current) await this.store.create(containers.jobs, { pk: PK, id: job.id, data: data(1) });
        else
          await this.store.replace(
            containers.jobs,
            { pk: PK, id: job.id, data: data(current.data.generation + 1) },
            current.etag,
          );
        break;
      } catch (err) {
        const lostRace = isConcurrencyError(err) || isConflictError(err);
        if (!lostRace || attempt >= 20) throw err;
      }
    }
    if (job.runAt <= this.clock.now()) this.wake?.();
  }

  async cancel(id: string): Promise<void> {
    await this.store.delete(containers.jobs, PK, id);
  }

  /** Runs every job due now; returns how many ran (for tests and the poll loop). */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const claimed = await this.claimDue();
      if (!claimed.length) return ran;
      for (const job of claimed) await this.run(job);
      ran += claimed.length;
    }
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.runDue().catch((err: unknown) => this.logger.error({ err }, 'scheduler.poll_failed'));
        const { done, wake } = this.timers.pause(this.options.jobPollMs);
        this.wake = wake;
        await done;
        this.wake = undefined;
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async claimDue(): Promise<StoredDocument<JobDoc>[]> {
    const kinds = [...this.handlers.keys()];
    if (!kinds.length) return [];
    const now = this.clock.now();
    const due = await this.store.query<JobDoc>(containers.jobs, {
      pk: PK,
      where: [
        { field: 'status', op: '=', value: 'scheduled' },
        { field: 'dueAt', op: '<=', value: now.toISOString() },
        { field: 'leaseUntil', op: '<=', value: now.toISOString() },
        { field: 'kind', op: 'in', value: kinds },
      ],
      orderBy: [{ field: 'dueAt' }],
      limit: 20,
    });
    const leaseUntil = new Date(now.getTime() + this.options.jobLeaseMs).toISOString();
    const claimed = await Promise.all(
      due.map((doc) => this.replace(doc, { ...doc.data, leaseUntil, leaseToken: randomUUID() })),
    );
    return claimed.filter((d): d is StoredDocument<JobDoc> => d !== undefined);
  }

  private async run(claimed: StoredDocument<JobDoc>): Promise<void> {
    let doc = claimed;
    const handler = this.handlers.get(doc.data.kind) as Handler;
    const job: ScheduledJob<unknown> = {
      id: doc.id,
      kind: doc.data.kind,
      runAt: new Date(doc.data.runAt),
      payload: doc.data.payload,
    };
    // Long handlers (a 12,000-recipient enqueue) keep their lease alive; heartbeat and outcome are serialised.
    let writing: Promise<unknown> = Promise.resolve();
    const stopHeartbeat = this.timers.every(this.options.jobLeaseMs / 3, () => {
      writing = writing.then(async () => {
        const leaseUntil = new Date(this.clock.now().getTime() + this.options.jobLeaseMs).toISOString();
        doc = (await this.replace(doc, { ...doc.data, leaseUntil })) ?? doc;
      });
    });
    let outcome: Partial<JobDoc>;
    try {
      await handler(job.payload, job);
      outcome = { status: 'done', doneAt: this.clock.now().toISOString(), lastError: undefined };
      this.logger.info({ jobId: doc.id, kind: doc.data.kind }, 'scheduler.job_done');
    } catch (err) {
      outcome = this.failure(doc, err);
    } finally {
      stopHeartbeat();
    }
    await writing;
    const ttl = outcome.status ? DONE_TTL_SECONDS : undefined;
    await this.replace(doc, { ...doc.data, ...outcome, leaseUntil: EPOCH, leaseToken: undefined }, ttl);
  }

  /** A failed run is retried with back-off up to the bound; a payload that does not parse never is. */
  private failure(doc: StoredDocument<JobDoc>, err: unknown): Partial<JobDoc> {
    const attempts = doc.data.attempts + 1;
    const doneAt = this.clock.now().toISOString();
    if (err instanceof BadJobPayload) {
      this.logger.error({ jobId: doc.id, kind: doc.data.kind, code: err.code }, 'scheduler.job_rejected');
      return { status: 'failed', attempts, lastError: err.code, doneAt };
    }
    const code = (err as { code?: unknown }).code;
    const lastError = typeof code === 'string' ? code : ((err as Error).name ?? 'Error');
    this.logger.warn({ jobId: doc.id, kind: doc.data.kind, attempts, lastError }, 'scheduler.job_failed');
    if (attempts >= this.options.jobMaxAttempts) return { status: 'failed', attempts, lastError, doneAt };
    const backoff = backoffMs(attempts, this.options.backoffBaseMs, this.options.backoffMaxMs);
    return { attempts, lastError, dueAt: new Date(this.clock.now().getTime() + backoff).toISOString() };
  }

  /** Etag-checked write; undefined when the job was rescheduled, cancelled or taken meanwhile. */
  private async replace(
    doc: StoredDocument<JobDoc>,
    data: JobDoc,
    ttlSeconds?: number,
  ): Promise<StoredDocument<JobDoc> | undefined> {
    try {
      return await this.store.replace(containers.jobs, { pk: PK, id: doc.id, data, ttlSeconds }, doc.etag);
    } catch (err) {
      if (isConcurrencyError(err) || isNotFoundError(err)) return undefined;
      throw err;
    }
  }
}
