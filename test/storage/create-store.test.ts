import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/storage/create-store';
import { containers } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';

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
});
