import type { DocumentStore } from '../../storage/document-store.port';
import type { Clock } from '../clock';
import type { ConversationDirectory } from '../conversations';
import type { Logger } from '../logger';
import { AppRateLimiter } from './app-rate-limiter';
import { ConversationLimiter } from './conversation-limiter';
import { resolveDeliveryOptions, type DeliveryOptions } from './delivery-options';
import type { Delivery, Scheduler } from './delivery.port';
import { DeliveryService } from './delivery.service';
import { DeliveryWorker } from './delivery-worker';
import { DirectSender } from './direct-sender';
import { ItemProcessor } from './item-processor';
import { JobScheduler } from './job-scheduler';
import { realTimers, type Timers } from './monotonic';
import { OutboxClaimer } from './outbox-claimer';
import { OutboxRepository } from './outbox.repository';
import { RateBudget } from './rate-budget';
import { PersonReach, type PersonReachOptions } from './person-reach';
import type { ProactiveSender } from './proactive-sender.port';
import { ReferenceCache } from './reference-cache';
import { PersonSendCaps } from './person-send-caps';
import { SendCalendar, type CalendarSource } from './send-calendar';
import { SendCalendarGate } from './send-calendar-gate';
import { SendGate } from './send-gate';
import type { WorkerStats } from './worker-stats';

export * from './delivery.port';
export { SendError, type ProactiveSender, type StoredConversationReference } from './proactive-sender.port';
export { defaultDeliveryOptions, type DeliveryOptions } from './delivery-options';
export type { ReachVia, UnreachableReason } from './person-reach';
export { SendCalendar, type CalendarSource } from './send-calendar';

export interface DeliveryDeps {
  store: DocumentStore;
  sender: ProactiveSender;
  directory: ConversationDirectory;
  clock: Clock;
  logger: Logger;
  options?: Partial<DeliveryOptions>;
  /** Monotonic time for limits, waits and timeouts; tests give virtual time. Real by default. */
  timers?: Timers;
  /**
   * Reaching people with no stored conversation (installer: Graph's, when configured). Without this,
   * such a person is marked inactive (`NO_REFERENCE`).
   */
  reach?: Omit<PersonReachOptions, 'opener' | 'conversations' | 'logger' | 'installPacer'>;
  /** The organisation (its `calendar` and `timeZone`, read at every send): when normal messages may go. */
  calendar: CalendarSource;
  /**
   * Several instances on one store: `ratePerSecond` is then the app's rate for all of them together,
   * shared through the store (rate-budget.ts). Without this the instance uses the whole rate.
   */
  sharedBudget?: { instanceId: string };
}

export interface WorkerControl {
  start(): void;
  /** Graceful: sends in flight finish, claimed-but-unsent items are handed back. */
  stop(): Promise<void>;
  /** Look for work now instead of at the next poll. */
  kick(): void;
  /** For tests: send until nothing is due. */
  drain(): Promise<void>;
  stats(): WorkerStats;
  /** The app limiter's current rate (lower than configured after 429s). */
  currentRate(): number;
}

export interface SchedulerControl extends Scheduler {
  runDue(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export interface DeliveryEngine {
  delivery: Delivery;
  scheduler: SchedulerControl;
  worker: WorkerControl;
  options: DeliveryOptions;
}

/** Wires the outbox, its worker, the direct (unstored) path and the job scheduler on one store. */
export function createDelivery(deps: DeliveryDeps): DeliveryEngine {
  const options = resolveDeliveryOptions(deps.options);
  const { clock, logger, timers = realTimers } = deps;
  const repo = new OutboxRepository(deps.store, options.retentionDays * 86_400, clock);
  const now = () => timers.now();
  const budget = deps.sharedBudget
    ? new RateBudget({
        store: deps.store,
        clock,
        timers,
        logger: logger.child({ part: 'rate-budget' }),
        instanceId: deps.sharedBudget.instanceId,
        ratePerSecond: options.ratePerSecond,
      })
    : undefined;
  const app = new AppRateLimiter({
    ratePerSecond: options.ratePerSecond,
    burst: options.burst,
    now,
    wait: (ms) => timers.sleep(ms),
    onDemand: budget ? () => budget.demand() : undefined,
  });
  if (budget) {
    app.setShare(0);
    budget.onShare((share) => app.setShare(share));
  }
  const conversations = new ConversationLimiter(options.perConversation, now);
  const { sendTimeoutMs, defaultRetryAfterMs } = options;
  const gate = new SendGate({
    sender: deps.sender,
    app,
    conversations,
    sendTimeoutMs,
    defaultRetryAfterMs,
    timers,
  });
  const refs = new ReferenceCache(deps.directory, { now });
  const claimer = new OutboxClaimer(repo, clock, options.leaseMs);
  const sendCalendar = new SendCalendar(deps.calendar);
  const calendar = new SendCalendarGate(
    sendCalendar,
    new PersonSendCaps(deps.store, sendCalendar, () => deps.calendar.calendar.caps),
  );
  const installRate = deps.reach?.installRatePerSecond;
  const installPacer = installRate
    ? new AppRateLimiter({
        ratePerSecond: installRate,
        burst: Math.max(1, Math.ceil(installRate / 10)),
        now,
        wait: (ms) => timers.sleep(ms),
      })
    : undefined;
  const reach = deps.reach
    ? new PersonReach({
        installPacer,
        ...deps.reach,
        opener: gate,
        conversations: deps.directory,
        logger: logger.child({ part: 'reach' }),
      })
    : undefined;
  // One way: the worker drives the processor and acts on what it returns (a 429'd item goes back in its queue).
  const processor = new ItemProcessor({
    repo,
    claimer,
    gate,
    refs,
    clock,
    logger,
    options,
    reach,
    calendar,
  });
  const w = new DeliveryWorker({
    claimer,
    processor,
    refs,
    clock,
    logger,
    options,
    rate: () => app.ratePerSecond,
    timers,
  });
  const direct = new DirectSender({ gate, refs, logger, options, timers, reach });
  const delivery = new DeliveryService(
    repo,
    direct,
    clock,
    () => w.kick(),
    calendar,
    reach?.graphEnabled ?? false,
  );
  const scheduler = new JobScheduler({
    store: deps.store,
    clock,
    logger: logger.child({ part: 'scheduler' }),
    options,
    timers,
  });
  return {
    delivery,
    scheduler,
    options,
    worker: {
      start: () => {
        budget?.start();
        w.start();
      },
      stop: async () => {
        await w.stop();
        await budget?.stop();
      },
      kick: () => w.kick(),
      drain: () => w.drain(),
      stats: () => ({ ...w.stats }),
      currentRate: () => app.ratePerSecond,
    },
  };
}
