#!/usr/bin/env node
/**
 * Local run without Azure: the bot (embedded storage, demo organisation, auth off by LOCAL_NO_AUTH=1, on
 * 127.0.0.1) plus the Microsoft 365 Agents Playground as a Teams-like client, acting as one demo persona.
 *
 *   npm run dev                                   # as a medewerker
 *   npm run dev -- --as kernteamlid --playground-port 56151   # second window; reuses the running bot
 *   npm run dev -- --org genova --as digoffice    # the Genova example file, in Italian
 *   npm run dev -- --store cosmos                 # on Cosmos DB: the Cosmos test server, or COSMOS_ENDPOINT
 *
 * Flags: --org demo|gent|genova (the organisation file; ORG_CONFIG wins) --lang (default: the file's own)
 *        --as <persona>  --port <bot port, 3978>  --playground-port <56150>  --watch (restart bot on change)
 *        --json (the bot's log lines as it writes them; by default pino-pretty makes them readable here only:
 *        production and the tests keep pino's JSON)
 *        --store sqlite|cosmos (default sqlite: a file in DATA_DIR). With cosmos and no COSMOS_ENDPOINT, the
 *        Cosmos test server (@vercel/cosmosdb-server, in memory: its data is gone when dev stops) runs on
 *        127.0.0.1 as a child process; with COSMOS_ENDPOINT (and COSMOS_KEY) the bot uses that account.
 *        --no-playground (only the bot: for a second client, a script or a test)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pinoPretty from 'pino-pretty';
import { tsImport } from 'tsx/esm/api';

const root = resolve(import.meta.dirname, '..');
const { PERSONAS, ORG_FILES, parsePersona, parseOrgName, defaultLangOf, writePlaygroundConfig } =
  await tsImport('./playground-config.ts', import.meta.url);

const { values } = parseArgs({
  options: {
    as: { type: 'string', default: 'medewerker' },
    org: { type: 'string', default: 'demo' },
    port: { type: 'string', default: process.env.PORT ?? '3978' },
    'playground-port': { type: 'string', default: '56150' },
    watch: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    store: { type: 'string', default: 'sqlite' },
    'no-playground': { type: 'boolean', default: false },
    // The Playground always reports en-US; pin the bot's language to the organisation's own by default.
    lang: {
      type: 'string',
      ...(process.env.UI_LOCALE_OVERRIDE ? { default: process.env.UI_LOCALE_OVERRIDE } : {}),
    },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    `usage: npm run dev -- [--org ${Object.keys(ORG_FILES).join('|')}] [--as ${PERSONAS.join('|')}] [--port 3978]\n` +
      `       [--playground-port 56150] [--lang nl|nl-BE|en|it (default: the organisation's)] [--watch] [--json]\n` +
      '       [--store sqlite|cosmos] [--no-playground]',
  );
  process.exit(0);
}
if (values.store !== 'sqlite' && values.store !== 'cosmos') {
  console.error(`--store must be sqlite or cosmos, not ${values.store}`);
  process.exit(2);
}

let persona;
let orgName;
try {
  persona = parsePersona(values.as);
  orgName = parseOrgName(values.org);
} catch (err) {
  console.error(err.message);
  process.exit(2);
}
const botPort = Number(values.port);
const playgroundPort = Number(values['playground-port']);
const orgPath = process.env.ORG_CONFIG ?? ORG_FILES[orgName];
const lang = values.lang ?? defaultLangOf(resolve(root, orgPath));
const dataDir = process.env.DATA_DIR ?? '.data';
const configFile = resolve(root, '.playground', `${persona}.yml`);
const config = writePlaygroundConfig({ orgPath: resolve(root, orgPath), persona, outFile: configFile });

const children = new Set();
let stopping = false;

/** The bot's pino lines, readable: `[12:00:01.234] INFO: message` with the fields below it. Other lines pass as they are. */
const pretty = values.json
  ? (line) => `${line}\n`
  : pinoPretty.prettyFactory({
      colorize: pinoPretty.isColorSupported && process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'service',
    });

function run(name, args, env, onLine, format = (line) => `${line}\n`) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const pipe = (stream, out, fmt) => {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        onLine?.(line);
        out.write(fmt(line).replace(/^(?=.)/gm, `[${name}] `));
      }
    });
  };
  pipe(child.stdout, process.stdout, format);
  pipe(child.stderr, process.stderr, (line) => `${line}\n`);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[dev] ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code || 1);
    }
  });
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  const force = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
    process.exit(code);
  }, 5000);
  force.unref();
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      process.exit(code);
    }
  }, 50);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/**
 * Where the bot stores on `--store cosmos`: COSMOS_ENDPOINT when set, else the Cosmos test server started
 * here as a child process (it says where it listens over IPC). A plain-HTTP endpoint turns the SDK's
 * endpoint discovery off in the bot (src/storage/create-store.ts).
 */
async function cosmosEnv() {
  const database = process.env.COSMOS_DATABASE || 'panelbot';
  if (process.env.COSMOS_ENDPOINT) {
    console.log(`[dev] Storing on Cosmos DB at ${process.env.COSMOS_ENDPOINT} (database ${database})`);
    return { STORAGE: 'cosmos', COSMOS_DATABASE: database };
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/cosmos-server-process.ts'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`[dev] the Cosmos test server stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      stop(code || 1);
    }
  });
  const { endpoint, key } = await new Promise((res, rej) => {
    child.once('message', res);
    child.once('exit', () => rej(new Error('the Cosmos test server did not start')));
  });
  console.log(`[dev] Storing on the Cosmos test server at ${endpoint} (in memory: gone when dev stops)`);
  return { STORAGE: 'cosmos', COSMOS_ENDPOINT: endpoint, COSMOS_KEY: key, COSMOS_DATABASE: database };
}

async function answers(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.status < 500;
  } catch {
    return false;
  }
}

async function waitFor(url, what, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (stopping) return;
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.error(`[dev] ${what} did not answer at ${url} within ${timeoutMs / 1000}s`);
  stop(1);
}

// The bot listens on 127.0.0.1 only (LOCAL_NO_AUTH); "localhost" may resolve to ::1 first.
const botUrl = `http://127.0.0.1:${botPort}`;
if (await answers(`${botUrl}/healthz`)) {
  console.log(`[dev] a bot already answers on ${botUrl}: reusing it (start with --port to run a second one)`);
} else {
  mkdirSync(resolve(root, dataDir), { recursive: true, mode: 0o700 });
  const storeEnv = values.store === 'cosmos' ? await cosmosEnv() : { STORAGE: 'sqlite' };
  // `--import tsx` keeps the bot in one process, so a signal reaches it directly; watch mode needs the tsx CLI.
  const args = values.watch
    ? [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', 'src/index.ts']
    : ['--import', 'tsx', 'src/index.ts'];
  run(
    'bot',
    args,
    {
      PORT: String(botPort),
      ORG_CONFIG: orgPath,
      DATA_DIR: dataDir,
      UI_LOCALE_OVERRIDE: lang,
      // The one way to run without authentication; the bot then listens on 127.0.0.1 only.
      LOCAL_NO_AUTH: '1',
      MicrosoftAppId: '',
      // A strong secret per `npm run dev` (kept across --watch restarts), unless one is given.
      LINK_SIGNING_SECRET: process.env.LINK_SIGNING_SECRET || randomBytes(32).toString('base64url'),
      ...storeEnv,
    },
    undefined,
    pretty,
  );
}

if (values['no-playground']) {
  await waitFor(`${botUrl}/healthz`, 'The bot', 120_000);
  if (!stopping) console.log(`[dev] Panelbot is running at ${botUrl} (no Playground). Ctrl-C stops it.`);
} else await startPlayground();

async function startPlayground() {
  // The Playground silently moves to a random port when the requested one is taken: believe its own words.
  let announced;
  const playgroundListening = new Promise((res) => (announced = res));
  run(
    'playground',
    [
      resolve(root, 'node_modules/@microsoft/m365agentsplayground/cli.js'),
      '-e',
      `${botUrl}/api/messages`,
      '-c',
      'msteams',
      '-p',
      String(playgroundPort),
      '--disable-telemetry',
    ],
    { TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile },
    (line) => {
      const m = /Listening on (\d+)/.exec(line);
      if (m) announced(Number(m[1]));
    },
  );

  await waitFor(`${botUrl}/healthz`, 'The bot', 120_000);
  const actualPort = await Promise.race([
    playgroundListening,
    new Promise((r) => setTimeout(r, 30_000, undefined)),
  ]);
  if (!stopping && actualPort === undefined) {
    console.error('[dev] The Playground did not start within 30s');
    stop(1);
  }
  if (!stopping) await waitFor(`http://localhost:${actualPort}/`, 'The Playground', 30_000);
  if (!stopping) {
    const me = config.currentUser;
    console.log('');
    console.log(`[dev] Panelbot is running; you are ${me.name} (${persona}, aadObjectId ${me.aadObjectId}).`);
    if (actualPort !== playgroundPort)
      console.log(`[dev] Port ${playgroundPort} was taken; the Playground chose ${actualPort}.`);
    console.log(`[dev] Open http://localhost:${actualPort} in your browser. Ctrl-C stops everything.`);
    console.log('');
  }
}
