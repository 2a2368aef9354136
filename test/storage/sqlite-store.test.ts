import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containers } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { runDocumentStoreContract } from './document-store.contract';

const tempDir = () => mkdtempSync(join(tmpdir(), 'panelbot-sqlite-'));

runDocumentStoreContract('SQLite', async () => {
  const dir = tempDir();
  let now = Date.parse('2026-11-23T09:00:00Z');
  const store = new SqliteDocumentStore(join(dir, 'store.sqlite'), () => now);
  return {
    store,
    ttl: { kind: 'enforced', advance: (ms) => (now += ms) },
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteDocumentStore file', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps documents, etags and expiry across close and reopen', async () => {
    const file = join(dir, 'nested', 'panelbot.sqlite');
    let now = Date.parse('2026-11-23T09:00:00Z');
    const first = new SqliteDocumentStore(file, () => now);
    const saved = await first.create(containers.contact, { pk: 'case', id: 'c1', data: { topic: 'werk' }, ttlSeconds: 120 });
    await first.close();

    const second = new SqliteDocumentStore(file, () => now);
    now += 60_000;
    const reopened = await second.get(containers.contact, 'case', 'c1');
    expect(reopened).toEqual({ ...saved, ttlSeconds: 60 });
    const doc = { pk: 'case', id: 'c1', data: { topic: 'hr' }, ttlSeconds: reopened?.ttlSeconds };
    await expect(second.replace(containers.contact, doc, saved.etag)).resolves.toMatchObject({ data: { topic: 'hr' } });
    now += 61_000;
    expect(await second.get(containers.contact, 'case', 'c1')).toBeUndefined();
    await second.close();
  });

  it('purges expired documents from the file', async () => {
    let now = Date.parse('2026-11-23T09:00:00Z');
    const store = new SqliteDocumentStore(join(dir, 'purge.sqlite'), () => now);
    await store.create(containers.contact, { pk: 'case', id: 'old', data: {}, ttlSeconds: 10 });
    await store.create(containers.contact, { pk: 'case', id: 'kept', data: {} });
    expect(store.purgeExpired()).toBe(0);
    now += 11_000;
    expect(store.purgeExpired()).toBe(1);
    expect(await store.count(containers.contact)).toBe(1);
    await store.close();
  });
});
