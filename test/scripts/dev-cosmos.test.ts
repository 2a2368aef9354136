import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });

/** `npm run dev -- --store cosmos`: the Cosmos test server as a child process and the bot on it. */
describe('npm run dev -- --store cosmos', () => {
  // Starting the test server and the bot's Cosmos containers takes a while on a busy 2-core machine.
  jest.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'panelbot-dev-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts the bot on the Cosmos test server, answers /healthz and /readyz, and stops both', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    for (const key of ['COSMOS_ENDPOINT', 'COSMOS_KEY', 'STORAGE', 'PORT', 'MicrosoftAppId']) delete env[key];
    const dev = spawn(
      process.execPath,
      ['scripts/dev.mjs', '--store', 'cosmos', '--no-playground', '--json', '--port', String(port)],
      { env },
    );
    let out = '';
    const exited = new Promise<number | null>((resolve) => dev.on('exit', (code) => resolve(code)));
    const running = new Promise<void>((resolve, reject) => {
      const look = (d: Buffer) => {
        out += d;
        if (out.includes('[dev] Panelbot is running at')) resolve();
      };
      dev.stdout.on('data', look);
      dev.stderr.on('data', look);
      void exited.then((code) => reject(new Error(`dev exited (${code}) before the bot ran:\n${out}`)));
    });
    try {
      await running;
      const endpoint = /Cosmos test server at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      expect(endpoint).toBeDefined();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      // Ready means the store answers: a round trip to the Cosmos test server.
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      expect(out).toContain('Cosmos DB endpoint is plain HTTP: endpoint discovery is off');
      expect(out).toContain('"storage":{"kind":"cosmos"');

      dev.kill('SIGINT');
      expect(await exited).toBe(0);
      // Both children went with it: neither the bot nor the Cosmos test server still listens.
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
      await expect(fetch(`${endpoint}/`)).rejects.toThrow();
    } finally {
      if (dev.exitCode === null) dev.kill('SIGKILL');
    }
  });
});
