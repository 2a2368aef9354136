import { CosmosClient } from '@azure/cosmos';
import { decodeCosmosId, encodeCosmosId } from '../../src/storage/cosmos-ids';
import { CosmosDocumentStore } from '../../src/storage/cosmos-store';
import { containers } from '../../src/storage/document-store.port';
import { startCosmosServer, testConnectionPolicy, type CosmosTestServer } from '../support/cosmos-server';
import { runDocumentStoreContract } from './document-store.contract';

let server: CosmosTestServer;
let raw: CosmosClient;
let dbCounter = 0;
const runId = `${process.pid}-${Date.now()}`;

beforeAll(async () => {
  server = await startCosmosServer();
  raw = new CosmosClient({
    endpoint: server.endpoint,
    key: server.key,
    connectionPolicy: testConnectionPolicy,
  });
});
afterAll(async () => {
  raw.dispose();
  await server.stop();
});

async function openStore(database = `panelbot-${runId}-${++dbCounter}`) {
  const store = new CosmosDocumentStore({
    endpoint: server.endpoint,
    key: server.key,
    database,
    connectionPolicy: testConnectionPolicy,
  });
  try {
    await store.init();
  } catch (err) {
    await store.close();
    throw err;
  }
  return { store, database };
}

runDocumentStoreContract('Cosmos DB (SDK against @vercel/cosmosdb-server)', async () => {
  const { store, database } = await openStore();
  return {
    store,
    ttl: {
      kind: 'written',
      rawTtl: async (container, pk, id) => {
        const { resource } = await raw
          .database(database)
          .container(container)
          .item(encodeCosmosId(id), pk)
          .read<{ ttl?: number }>();
        return resource?.ttl;
      },
    },
    cleanup: async () => {
      await store.close();
      await raw.database(database).delete();
    },
  };
});

describe('CosmosDocumentStore specifics', () => {
  it('creates every container on /pk with ttl on, and init is repeatable', async () => {
    const { store, database } = await openStore();
    await store.init();
    const { resources } = await raw.database(database).containers.readAll().fetchAll();
    expect(resources.map((c) => c.id).sort()).toEqual(Object.values(containers).sort());
    for (const c of resources) {
      expect(c.partitionKey?.paths).toEqual(['/pk']);
      expect(c.defaultTtl).toBe(-1);
    }
    await store.close();
  });

  it('turns ttl on for an existing container without it, and refuses one on another partition key', async () => {
    const database = `panelbot-${runId}-pre-${++dbCounter}`;
    const { database: db } = await raw.databases.createIfNotExists({ id: database });
    await db.containers.createIfNotExists({ id: containers.contact, partitionKey: { paths: ['/pk'] } });
    const { store } = await openStore(database);
    const { resource } = await db.container(containers.contact).read();
    expect(resource?.defaultTtl).toBe(-1);
    await store.close();

    const other = `panelbot-${runId}-bad-${++dbCounter}`;
    const { database: bad } = await raw.databases.createIfNotExists({ id: other });
    await bad.containers.createIfNotExists({ id: containers.jobs, partitionKey: { paths: ['/tenant'] } });
    await expect(openStore(other)).rejects.toThrow(/must be partitioned on \/pk/);
  });

  it('stores { id, pk, data, ttl } with the id escaped and data nested', async () => {
    const { store, database } = await openStore();
    await store.create(containers.conversations, {
      pk: 'channel',
      id: 'channel:19:a/b?c#d@thread.tacv2',
      data: { ref: 1 },
      ttlSeconds: 90,
    });
    const { resources } = await raw
      .database(database)
      .container(containers.conversations)
      .items.readAll()
      .fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({
      id: 'channel:19:a%2Fb%3Fc%23d@thread.tacv2',
      pk: 'channel',
      data: { ref: 1 },
      ttl: 90,
    });
    await store.close();
  });

  it('reports ttl left since the last write, so a rewrite keeps the expiry', async () => {
    let now = Date.now();
    const { database } = await openStore();
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database,
      connectionPolicy: testConnectionPolicy,
      now: () => now,
    });
    await store.create(containers.contact, { pk: 'case', id: 'c1', data: {}, ttlSeconds: 600 });
    now += 100_000;
    const ttl = (await store.get(containers.contact, 'case', 'c1'))?.ttlSeconds ?? 0;
    // Whole seconds on both sides: the write may land in the second after `now` was taken.
    expect(ttl).toBeGreaterThanOrEqual(499);
    expect(ttl).toBeLessThanOrEqual(501);
    now += 10_000_000;
    expect((await store.get(containers.contact, 'case', 'c1'))?.ttlSeconds).toBe(1);
    await store.close();
  });

  it('fails ping when the database is gone', async () => {
    const { store, database } = await openStore();
    await expect(store.ping()).resolves.toBeUndefined();
    await raw.database(database).delete();
    await expect(store.ping()).rejects.toMatchObject({ code: 404 });
    await store.close();
  });

  it('encodes ids reversibly and without the characters Cosmos forbids', () => {
    for (const id of ['plain', 'a/b\\c?d#e', '%2F', '100%', 'ü:@ ']) {
      expect(encodeCosmosId(id)).not.toMatch(/[/\\?#]/);
      expect(decodeCosmosId(encodeCosmosId(id))).toBe(id);
    }
    expect(encodeCosmosId('a/b')).not.toBe(encodeCosmosId('a%2Fb'));
  });
});
