import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    const saved = await first.create(containers.contact, {
      pk: 'case',
      id: 'c1',
      data: { topic: 'werk' },
      ttlSeconds: 120,
    });
    await first.close();

    const second = new SqliteDocumentStore(file, () => now);
    now += 60_000;
    const reopened = await second.get(containers.contact, 'case', 'c1');
    expect(reopened).toEqual({ ...saved, ttlSeconds: 60 });
    const doc = { pk: 'case', id: 'c1', data: { topic: 'hr' }, ttlSeconds: reopened?.ttlSeconds };
    await expect(second.replace(containers.contact, doc, saved.etag)).resolves.toMatchObject({
      data: { topic: 'hr' },
    });
    now += 61_000;
    expect(await second.get(containers.contact, 'case', 'c1')).toBeUndefined();
    await second.close();
  });

  it('overwritten and deleted text leaves the write-ahead log within five minutes', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const file = join(dir, 'wal.sqlite');
      const store = new SqliteDocumentStore(file);
      const onDisk = () =>
        [file, `${file}-wal`]
          .filter(existsSync)
          .map((f) => readFileSync(f).toString('latin1'))
          .join('');
      const saved = await store.create(containers.contact, {
        pk: 'case',
        id: 'c1',
        data: { requester: 'GEHEIM-ID-7f3a' },
      });
      await store.replace(
        containers.contact,
        { pk: 'case', id: 'c1', data: { requester: null } },
        saved.etag,
      );
      await store.create(containers.contact, { pk: 'case', id: 'c2', data: { text: 'WEG-TEKST-91b2' } });
      await store.delete(containers.contact, 'case', 'c2');
      expect(onDisk()).toContain('GEHEIM-ID-7f3a');

      jest.advanceTimersByTime(5 * 60_000);
      const after = onDisk();
      expect(after).not.toContain('GEHEIM-ID-7f3a');
      expect(after).not.toContain('WEG-TEKST-91b2');
      expect(await store.get(containers.contact, 'case', 'c1')).toMatchObject({ data: { requester: null } });
      await store.close();
    } finally {
      jest.useRealTimers();
    }
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
