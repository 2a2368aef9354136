import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/platform/clock';
import { ConversationDirectory } from '../../../src/platform/conversations';
import { BotProactiveSender } from '../../../src/platform/delivery/bot-proactive-sender';
import {
  createDelivery,
  userKey,
  type CalendarSource,
  type DeliveryDeps,
  type DeliveryOptions,
  type ProactiveSender,
  type RecipientKey,
} from '../../../src/platform/delivery';
import { silentLogger, type Logger } from '../../../src/platform/logger';
import type { DocumentStore } from '../../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';
import { FakeConnector, type FakeConnectorOptions } from '../../support/fake-connector';
import { alwaysOpen } from '../../support/open-calendar';
import { VirtualTimers } from '../../support/virtual-timers';

export const conversationOf = (n: number) => `conv-u${n}`;
export const keyOf = (n: number): RecipientKey => userKey(`u${n}`);

/** A real CloudAdapter without authentication: it posts to the reference's serviceUrl. */
export function botSender(): ProactiveSender {
  return new BotProactiveSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
}

export async function seedUsers(
  directory: ConversationDirectory,
  serviceUrl: string,
  count: number,
): Promise<RecipientKey[]> {
  const keys: RecipientKey[] = [];
  for (let n = 1; n <= count; n++) {
    await directory.save(keyOf(n), {
      serviceUrl,
      channelId: 'msteams',
      conversation: { id: conversationOf(n), conversationType: 'personal', tenantId: 't1' },
      bot: { id: '28:bot' },
      user: { id: `29:u${n}`, aadObjectId: `u${n}` },
    });
    keys.push(keyOf(n));
  }
  return keys;
}

export const message = (text: string) => ({ type: 'message' as const, text });

/** A sender whose requests hold virtual time still while they are in flight. */
export function trackedSender(timers: VirtualTimers, inner: ProactiveSender = botSender()): ProactiveSender {
  const open = inner.openPersonal?.bind(inner);
  return {
    send: (ref, activity) => timers.track(inner.send(ref, activity)),
    update: (ref, activityId, activity) => timers.track(inner.update(ref, activityId, activity)),
    ...(open ? { openPersonal: (request) => timers.track(open(request)) } : {}),
  };
}

type Engine = ReturnType<typeof createDelivery>;

/**
 * The engine and the fake connector share virtual monotonic time ({@link VirtualTimers}); the business
 * clock is a ManualClock. Time moves only inside `run`/`drain`, so nothing depends on the machine's speed.
 */
export interface Fixture {
  connector: FakeConnector;
  clock: ManualClock;
  timers: VirtualTimers;
  store: SqliteDocumentStore;
  directory: ConversationDirectory;
  engine: Engine;
  keys: RecipientKey[];
  /** Another engine (another instance) on the same database file. */
  another(
    options?: Partial<DeliveryOptions>,
    sender?: ProactiveSender,
  ): Engine & { store: SqliteDocumentStore };
  /** A sender to the fake connector on virtual time (to wrap in a test's own sender). */
  sender(): ProactiveSender;
  /** Awaits `work` while virtual time moves on (see VirtualTimers.run). */
  run<T>(work: Promise<T>): Promise<T>;
  /** Sends until nothing is due, on virtual time. */
  drain(engine?: Engine): Promise<void>;
  close(): Promise<void>;
}

export async function startFixture(
  setup: {
    users?: number;
    connector?: FakeConnectorOptions;
    delivery?: Partial<DeliveryOptions>;
    sender?: ProactiveSender;
    logger?: Logger;
    /** Reaching people with no stored conversation (see PersonReach); given the virtual timers to track calls. */
    reach?: (timers: VirtualTimers) => DeliveryDeps['reach'];
    /** The organisation's sending calendar; by default one that is always open. */
    calendar?: CalendarSource;
    /** The store as the engine sees it (e.g. slowed down on virtual time); the fixture's own is unwrapped. */
    engineStore?: (store: DocumentStore, timers: VirtualTimers) => DocumentStore;
  } = {},
): Promise<Fixture> {
  const timers = new VirtualTimers();
  const connector = await FakeConnector.start({ now: timers.now, ...setup.connector });
  const clock = new ManualClock();
  const dir = mkdtempSync(join(tmpdir(), 'delivery-'));
  const file = join(dir, 'store.db');
  const stores: SqliteDocumentStore[] = [];
  const openStore = () => {
    const s = new SqliteDocumentStore(file, () => clock.now().getTime());
    stores.push(s);
    return s;
  };
  const store = openStore();
  const directory = new ConversationDirectory(store, () => clock.now());
  const keys = await seedUsers(directory, connector.url, setup.users ?? 0);
  const build = (store: SqliteDocumentStore, options?: Partial<DeliveryOptions>, sender?: ProactiveSender) =>
    createDelivery({
      store: setup.engineStore?.(store, timers) ?? store,
      sender: sender ?? trackedSender(timers),
      directory: new ConversationDirectory(store, () => clock.now()),
      clock,
      timers,
      calendar: setup.calendar ?? alwaysOpen,
      logger: setup.logger ?? silentLogger(),
      options: { pollMs: 20, backoffBaseMs: 1_000, ...options },
      reach: setup.reach?.(timers),
    });
  const engine = build(store, setup.delivery, setup.sender);
  return {
    connector,
    clock,
    timers,
    store,
    directory,
    engine,
    keys,
    another: (options, sender) => {
      const own = openStore();
      return { ...build(own, { ...setup.delivery, ...options }, sender), store: own };
    },
    sender: () => trackedSender(timers),
    run: (work) => timers.run(work),
    drain: (which = engine) => timers.run(which.worker.drain()),
    close: async () => {
      await connector.stop();
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
