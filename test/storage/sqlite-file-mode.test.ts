import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containers } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('finding 14: files', () => {
  const root = mkdtempSync(join(tmpdir(), 'panelbot-mode-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the database folder 0700 and the database file (and its WAL) 0600', async () => {
    const dir = join(root, 'data', 'nested');
    const file = join(dir, 'panelbot.sqlite');
    const store = new SqliteDocumentStore(file);
    try {
      await store.upsert(containers.jobs, { pk: 'job', id: 'j1', data: { ok: true } });
      expect(mode(join(root, 'data'))).toBe(0o700);
      expect(mode(dir)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
      expect(mode(`${file}-wal`)).toBe(0o600);
      expect(mode(`${file}-shm`)).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('tightens a database file left world-readable by an earlier version', async () => {
    const file = join(root, 'old.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const store = new SqliteDocumentStore(file);
    await store.close();
    expect(mode(file)).toBe(0o600);
  });
});
