import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../../src/platform/clock';
import { ConversationDirectory } from '../../../src/platform/conversations';
import { BotProactiveSender } from '../../../src/platform/delivery/bot-proactive-sender';
import { createDelivery, userKey, type DeliveryOptions, type ProactiveSender, type RecipientKey } from '../../../src/platform/delivery';
import { silentLogger, type Logger } from '../../../src/platform/logger';
import { SqliteDocumentStore } from '../../../src/storage/sqlite-store';
import { FakeConnector, type FakeConnectorOptions } from '../../support/fake-connector';

export const conversationOf = (n: number) => `conv-u${n}`;
export const keyOf = (n: number): RecipientKey => userKey(`u${n}`);

/** A real CloudAdapter without authentication: it posts to the reference's serviceUrl. */
export function botSender(): ProactiveSender {
  return new BotProactiveSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
}

export async function seedUsers(directory: ConversationDirectory, serviceUrl: string, count: number): Promise<RecipientKey[]> {
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

export interface Fixture {
  connector: FakeConnector;
  clock: ManualClock;
  store: SqliteDocumentStore;
  directory: ConversationDirectory;
  engine: ReturnType<typeof createDelivery>;
  keys: RecipientKey[];
  /** Another engine (another instance) on the same database file. */
  another(options?: Partial<DeliveryOptions>, sender?: ProactiveSender): ReturnType<typeof createDelivery> & { store: SqliteDocumentStore };
  close(): Promise<void>;
}

export async function startFixture(setup: {
  users?: number;
  connector?: FakeConnectorOptions;
  delivery?: Partial<DeliveryOptions>;
  sender?: ProactiveSender;
  logger?: Logger;
} = {}): Promise<Fixture> {
  const connector = await FakeConnector.start(setup.connector);
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
      store,
      sender: sender ?? botSender(),
      directory: new ConversationDirectory(store, () => clock.now()),
      clock,
      logger: setup.logger ?? silentLogger(),
      options: { pollMs: 20, backoffBaseMs: 1_000, ...options },
    });
  const engine = build(store, setup.delivery, setup.sender);
  return {
    connector,
    clock,
    store,
    directory,
    engine,
    keys,
    another: (options, sender) => {
      const own = openStore();
      return { ...build(own, { ...setup.delivery, ...options }, sender), store: own };
    },
    close: async () => {
      await connector.stop();
      for (const s of stores) await s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
