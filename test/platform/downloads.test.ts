import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/platform/clock';
import { Downloads } from '../../src/platform/downloads';
import { CosmosDocumentStore } from '../../src/storage/cosmos-store';
import type { DocumentStore } from '../../src/storage/document-store.port';
import { SqliteDocumentStore } from '../../src/storage/sqlite-store';
import { StoreSpentLinks } from '../../src/storage/spent-links';
import { startCosmosServer, testConnectionPolicy } from '../support/cosmos-server';
import { startTestBot, type TestBot } from '../support/test-bot';

const minutes = (n: number) => n * 60_000;
const tokenOf = (url: string) => url.split('/files/')[1];

describe('finding 9: download links are week-long bearer tokens', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
    bot.deps.downloads.register('report-test', async (id, subject) => ({
      filename: `${id}.txt`,
      contentType: 'text/plain',
      body: `report ${id} for ${subject}`,
    }));
  });
  afterAll(() => bot.stop());
  const open = (url: string) => fetch(url.replace('http://127.0.0.1:1', bot.url));

  it('serves a link once; a second request (a proxy, a log reader) gets the refusal page', async () => {
    const url = bot.deps.downloads.link('report-test', 'r1', 'user-1');
    const first = await open(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('report r1 for user-1');
    const again = await open(url);
    expect(again.status).toBe(404);
    expect(await again.text()).toContain('verlopen of al gebruikt');
  });

  it('expires ten minutes after it was made', async () => {
    const inTime = bot.deps.downloads.link('report-test', 'r2', 'user-1');
    const late = bot.deps.downloads.link('report-test', 'r3', 'user-1');
    bot.clock.advance(minutes(9));
    expect((await open(inTime)).status).toBe(200);
    bot.clock.advance(minutes(1) + 1);
    expect((await open(late)).status).toBe(404);
  });

  it('keeps the token out of the logs and out of referrers', async () => {
    const url = bot.deps.downloads.link('report-test', 'r4', 'user-1');
    const res = await open(url);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toContain('no-store');
    const logs = bot.logs().join('\n');
    expect(logs).toContain('"route":"files"');
    expect(logs).not.toContain(tokenOf(url).slice(0, 24));
    expect(logs).not.toContain('/files/');
  });
});

describe('finding 9: a link is spent for every instance sharing the store', () => {
  async function spendTwice(store: DocumentStore) {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const spent = () => new StoreSpentLinks(store, () => clock.now().getTime());
    const a = new Downloads('https://bot.example', 'k'.repeat(8), () => clock.now(), spent());
    const b = new Downloads('https://bot.example', 'k'.repeat(8), () => clock.now(), spent());
    for (const d of [a, b])
      d.register('csv', async (id) => ({ filename: `${id}.csv`, contentType: 'text/csv', body: id }));
    const token = tokenOf(a.link('csv', 'export-1', 'user-1'));
    const results = await Promise.all([a.resolve(token), b.resolve(token), b.resolve(token)]);
    return results.filter(Boolean).length;
  }

  it('SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panelbot-links-'));
    const store = new SqliteDocumentStore(join(dir, 'db.sqlite'));
    try {
      expect(await spendTwice(store)).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Cosmos DB', async () => {
    const server = await startCosmosServer();
    const store = new CosmosDocumentStore({
      endpoint: server.endpoint,
      key: server.key,
      database: `links-${process.pid}`,
      connectionPolicy: testConnectionPolicy,
    });
    try {
      await store.init();
      expect(await spendTwice(store)).toBe(1);
    } finally {
      await store.close();
      await server.stop();
    }
  });
});
