import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** The bot through tsx's CLI, or with `preload` as `node --require <preload> --import tsx src/index.ts`. */
function run(
  env: Record<string, string>,
  preload?: string,
): {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
} {
  const inherited = { ...process.env };
  for (const key of ['MicrosoftAppId', 'LOCAL_NO_AUTH', 'WEBSITE_SITE_NAME', 'LINK_SIGNING_SECRET'])
    delete inherited[key];
  const launch = preload ? ['--require', preload, '--import', 'tsx'] : [require.resolve('tsx/cli')];
  const child = spawn(process.execPath, [...launch, 'src/index.ts'], {
    env: { ...inherited, ...env, LOG_LEVEL: 'info' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

const externalAddress = () =>
  Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

async function waitForReady(port: number, deadline = Date.now() + 30_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('bot did not become ready');
}

describe('the bot process', () => {
  jest.setTimeout(60_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-proc-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on embedded storage, says loudly that auth is off, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const proc = run({ PORT: String(port), DATA_DIR: dataDir, LOCAL_NO_AUTH: '1' });
    await waitForReady(port);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(proc.output()).toContain('AUTHENTICATION IS OFF (LOCAL_NO_AUTH=1)');
    expect(proc.output()).toContain(`"url":"http://127.0.0.1:${port}/api/messages"`);
    // Bound to loopback only: another address of this machine is refused.
    const other = externalAddress();
    if (other) await expect(fetch(`http://${other}:${port}/healthz`)).rejects.toThrow();
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toContain('"msg":"stopped"');
  });

  it('loads only what a start needs: the storage adapter in use, not Cosmos DB, Word or calendar files', async () => {
    const port = await freePort();
    const list = join(dataDir, 'loaded-packages.json');
    const proc = run(
      { PORT: String(port), DATA_DIR: dataDir, LOCAL_NO_AUTH: '1', LOADED_PACKAGES_FILE: list },
      join(__dirname, '../support/loaded-packages.js'),
    );
    try {
      await waitForReady(port);
      proc.child.kill('SIGUSR2');
      for (let i = 0; i < 500 && !existsSync(list); i++) await new Promise((r) => setTimeout(r, 20));
      const loaded = JSON.parse(readFileSync(list, 'utf8')) as string[];
      // What the start does use is listed: the check sees the packages a start loads.
      expect(loaded).toEqual(
        expect.arrayContaining(['better-sqlite3', 'botbuilder', 'adaptivecards-templating']),
      );
      expect(loaded.filter((name) => ['@azure/cosmos', 'docx', 'ics'].includes(name))).toEqual([]);
    } finally {
      proc.child.kill('SIGTERM');
    }
    expect(await proc.exited).toBe(0);
  });

  /** A Bot Connector that accepts a reply and never answers: the turn that sends it stays in flight. */
  async function silentConnector() {
    const heard: IncomingMessage[] = [];
    let arrived: () => void = () => undefined;
    const first = new Promise<void>((resolve) => (arrived = resolve));
    const srv = createHttpServer((req) => {
      heard.push(req);
      arrived();
    });
    await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(srv.address() as { port: number }).port}`;
    const close = () => {
      srv.closeAllConnections();
      return new Promise<void>((resolve) => srv.close(() => resolve()));
    };
    return { url, first, close };
  }

  function helpMessage(serviceUrl: string) {
    return {
      type: 'message',
      id: 'stop-1',
      text: 'help',
      channelId: 'msteams',
      serviceUrl,
      from: { id: '29:someone', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Iemand' },
      recipient: { id: '28:panelbot', name: 'Panelbot' },
      conversation: { id: 'a:stop-test', conversationType: 'personal' },
      locale: 'nl-NL',
    };
  }

  /** Closed after each test, also when one fails half-way (an open server keeps jest from exiting). */
  const opened: Array<{ close: () => Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });

  async function startStuck() {
    const connector = await silentConnector();
    const port = await freePort();
    const proc = run({ PORT: String(port), DATA_DIR: dataDir, LOCAL_NO_AUTH: '1' });
    opened.push(connector);
    await waitForReady(port);
    // A turn whose reply Teams never acknowledges, and an idle keep-alive connection beside it.
    const turn = fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(helpMessage(connector.url)),
    }).then(
      (r) => r.status,
      () => 'connection closed',
    );
    await fetch(`http://127.0.0.1:${port}/healthz`, { keepalive: true });
    await connector.first;
    return { proc, turn, connector };
  }

  it('ends within its bound with exit code 0 on SIGTERM, even with a turn stuck in flight', async () => {
    const { proc, turn, connector } = await startStuck();
    const sentAt = Date.now();
    proc.child.kill('SIGTERM');
    const code = await proc.exited;
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(15_000);
    expect(await turn).toBeDefined();
    expect(proc.output()).toContain('"msg":"stopped"');
    await connector.close();
  });

  it('exits at once on a second SIGTERM while the first is still waiting for a turn', async () => {
    const { proc, connector } = await startStuck();
    proc.child.kill('SIGTERM');
    while (!proc.output().includes('stopping: finishing turns in flight')) {
      await new Promise((r) => setTimeout(r, 20));
    }
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('second signal: exiting now');
    expect(proc.output()).not.toContain('"msg":"stopped"');
    await connector.close();
  });

  it('refuses to start with a bad variable or organisation file, one clear line per problem', async () => {
    const badOrg = join(dataDir, 'org.json');
    writeFileSync(badOrg, JSON.stringify({ organisation: { name: 'X' } }));
    const proc = run({ PORT: 'not-a-port', ORG_CONFIG: badOrg, DATA_DIR: dataDir, LOCAL_NO_AUTH: '1' });
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toMatch(/PORT: Expected number/);

    const proc2 = run({
      PORT: String(await freePort()),
      ORG_CONFIG: badOrg,
      DATA_DIR: dataDir,
      LOCAL_NO_AUTH: '1',
    });
    expect(await proc2.exited).toBe(1);
    expect(proc2.output()).toMatch(/Organisation file .*org\.json is invalid/);
    expect(proc2.output()).toMatch(/people: Required/);
  });

  describe('finding 2: authentication fails closed', () => {
    it.each([
      [{}, /^ {2}- MicrosoftAppId: required;.*LOCAL_NO_AUTH=1/m],
      [{ MicrosoftAppID: '3f1b8a52-0c4e-4a51-9d3e-0a9a1b2c3d4e' }, /found MicrosoftAppID/],
      [{ LOCAL_NO_AUTH: '1', WEBSITE_SITE_NAME: 'app-panelbot' }, /^ {2}- LOCAL_NO_AUTH: refused in Azure/m],
      [{ LOCAL_NO_AUTH: '1', NODE_ENV: 'production' }, /^ {2}- LOCAL_NO_AUTH: refused with NODE_ENV/m],
    ])('refuses to start without authentication: %j', async (env, line) => {
      const port = await freePort();
      const proc = run({ PORT: String(port), DATA_DIR: dataDir, ...env });
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toMatch(line);
      expect(proc.output()).not.toContain('bot listening');
    });

    it('refuses a weak LINK_SIGNING_SECRET with one line and a non-zero exit', async () => {
      const proc = run({
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
        LOCAL_NO_AUTH: '1',
        LINK_SIGNING_SECRET: 'changeme',
      });
      expect(await proc.exited).toBe(1);
      expect(proc.output()).toContain('LINK_SIGNING_SECRET: is shorter than 32 bytes');
    });
  });
});
