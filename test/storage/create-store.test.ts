import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/storage/create-store';
import { containers } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { startCosmosServer } from '../support/cosmos-server';

describe('createStore', () => {
  it('opens the SQLite file from the config and uses the given time source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panelbot-create-'));
    let now = Date.parse('2026-11-23T09:00:00Z');
    const store = await createStore(
      { kind: 'sqlite', file: join(dir, 'data', 'panelbot.sqlite') },
      { now: () => now },
    );
    expect(store).toBeInstanceOf(SqliteDocumentStore);
    await store.create(containers.jobs, { pk: 'job', id: 'j1', data: {}, ttlSeconds: 5 });
    now += 6_000;
    expect(await store.get(containers.jobs, 'job', 'j1')).toBeUndefined();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a Cosmos config with neither key nor managed identity', async () => {
    const storage = {
      kind: 'cosmos' as const,
      endpoint: 'http://127.0.0.1:1',
      database: 'x',
      managedIdentity: false,
    };
    await expect(createStore(storage)).rejects.toThrow(/key or managed identity/);
  });

  it('opens a plain-HTTP Cosmos endpoint (the test server) with discovery off, and says so', async () => {
    const server = await startCosmosServer();
    const notices: string[] = [];
    try {
      const store = await createStore(
        {
          kind: 'cosmos',
          endpoint: server.endpoint,
          key: server.key,
          database: 'plain',
          managedIdentity: false,
        },
        { onNotice: (m) => notices.push(m) },
      );
      await store.create(containers.jobs, { pk: 'job', id: 'j1', data: { n: 1 } });
      expect((await store.get(containers.jobs, 'job', 'j1'))?.data).toEqual({ n: 1 });
      await store.close();
    } finally {
      await server.stop();
    }
    expect(notices).toEqual(['Cosmos DB endpoint is plain HTTP: endpoint discovery is off']);
  });
});
