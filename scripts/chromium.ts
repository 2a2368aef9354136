/**
 * Which Chromium the end-to-end tests drive, decided in one place. Used by `npm test` (scripts/test.mjs,
 * which prints `describe`) and by the end-to-end harness (test/e2e/support/client.ts). In this order:
 *
 *  1. `CHROMIUM_PATH`, when set: that binary, or an error if it is not there;
 *  2. the system Chromium, `/usr/bin/chromium` (Debian's `chromium` package; `.ci/run` installs it);
 *  3. otherwise the Chromium inside the `@sparticuz/chromium` devDependency, so `npm install && npm test`
 *     is enough on a fresh machine. The package ships a Brotli-packed headless-shell build; its own
 *     `executablePath()` unpacks it (with fonts and SwiftShader) into the temp folder. We point that at
 *     `node_modules/.cache/sparticuz-chromium-<version>/` instead: one copy per installed version, gone with
 *     `node_modules`, never mistaken for another version's `/tmp/chromium`, and moved into place in one
 *     rename, so two processes unpacking at once cannot launch a half-written binary.
 *
 * The package is built for AWS Lambda; its `chromium.args` (`--single-process`, `--disable-web-security`,
 * SwiftShader WebGL, ...) work around Lambda's sandbox and are not needed on Debian. Both Chromiums get the
 * same few flags below. The binary links only libnss3, libnspr4 and libexpat1 dynamically (ldd), and reads
 * the system's fontconfig; without `/etc/fonts/fonts.conf` it is given the package's own fonts (Open Sans).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Headless in a container, as root: no sandbox, no GPU, nothing that phones home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface ChromiumChoice {
  executablePath: string;
  /** Where it came from: the variable, the system package, or the npm package. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  /** What `chromium --version` says, e.g. `Chromium 147.0.7727.0`. */
  version: string;
  args: string[];
  /** Environment for the browser process: process.env plus anything this Chromium needs. */
  env: Record<string, string | undefined>;
  /** One line for the test output: which Chromium the end-to-end tests use and where it came from. */
  describe: string;
}

const repoRoot = resolve(__dirname, '..');
let chosen: ChromiumChoice | undefined;

/** Picks (and on first use unpacks) the Chromium for the end-to-end tests; throws with what to do if there is none. */
export function findChromium(): ChromiumChoice {
  chosen ??= choose();
  return chosen;
}

function choose(): ChromiumChoice {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new Error(
        `CHROMIUM_PATH is set to ${fromEnv}, which does not exist. Unset it to use ${SYSTEM_CHROMIUM} or the Chromium from @sparticuz/chromium.`,
      );
    const version = versionOf(fromEnv);
    return {
      executablePath: fromEnv,
      source: 'CHROMIUM_PATH',
      version,
      args: CHROMIUM_FLAGS,
      env: { ...process.env },
      describe: `End-to-end tests use ${version} from CHROMIUM_PATH=${fromEnv}`,
    };
  }
  if (existsSync(SYSTEM_CHROMIUM)) {
    const version = versionOf(SYSTEM_CHROMIUM);
    return {
      executablePath: SYSTEM_CHROMIUM,
      source: 'system',
      version,
      args: CHROMIUM_FLAGS,
      env: { ...process.env },
      describe: `End-to-end tests use ${version}, the system's ${SYSTEM_CHROMIUM}`,
    };
  }
  return fromNpmPackage();
}

function fromNpmPackage(): ChromiumChoice {
  const require = createRequire(join(repoRoot, 'package.json'));
  let entry: string;
  try {
    entry = require.resolve('@sparticuz/chromium'); // <pkg>/build/cjs/index.cjs (its exports hide package.json)
  } catch {
    throw new Error(
      `No Chromium: ${SYSTEM_CHROMIUM} is missing and @sparticuz/chromium is not installed. Run npm install (or apt-get install -y chromium, or set CHROMIUM_PATH).`,
    );
  }
  const pkgDir = resolve(dirname(entry), '..', '..');
  const pkgVersion = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string })
    .version;
  const dir = join(repoRoot, 'node_modules', '.cache', `sparticuz-chromium-${pkgVersion}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) unpack(entry, join(pkgDir, 'bin'), dir);

  const env: Record<string, string | undefined> = { ...process.env };
  if (!existsSync('/etc/fonts/fonts.conf') && !process.env.FONTCONFIG_FILE)
    env.FONTCONFIG_FILE = bundledFontsConfig(dir);
  const version = versionOf(executablePath);
  return {
    executablePath,
    source: '@sparticuz/chromium',
    version,
    args: CHROMIUM_FLAGS,
    env,
    describe: `End-to-end tests use ${version} from @sparticuz/chromium ${pkgVersion} (no ${SYSTEM_CHROMIUM}; unpacked in ${relative(repoRoot, dir)}${env.FONTCONFIG_FILE === process.env.FONTCONFIG_FILE ? '' : ', with its own fonts'})`,
  };
}

/** The package unpacks into os.tmpdir(); a child with TMPDIR set to a fresh folder, then one rename into place. */
function unpack(entry: string, binDir: string, dir: string): void {
  const staging = `${dir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const script = `require(${JSON.stringify(entry)}).executablePath(${JSON.stringify(binDir)}).then((p) => process.stdout.write(p), (e) => { console.error(e); process.exit(1); })`;
  const result = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, TMPDIR: staging },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(join(staging, 'chromium'))) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(
      `Unpacking the Chromium from @sparticuz/chromium failed: ${(result.stderr || result.error?.message || '').trim()}`,
    );
  }
  try {
    renameSync(staging, dir);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(dir, 'chromium'))) throw err; // otherwise another process got there first: use theirs
  }
}

function bundledFontsConfig(dir: string): string {
  const file = join(dir, 'fonts.conf');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
  }
  return file;
}

/** `chromium --version`; a binary that cannot start (a missing shared library) fails here, with what to install. */
function versionOf(executable: string): string {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (result.status === 0)
    return result.stdout
      .trim()
      .split('\n')[0]!
      .replace(/\s+built on .*/, '');
  const why = (result.stderr || result.error?.message || `exit ${result.status}`).trim();
  const missing = /error while loading shared libraries: (\S+?):/.exec(why)?.[1];
  throw new Error(
    missing
      ? `Chromium (${executable}) cannot start: the shared library ${missing} is missing. The one from @sparticuz/chromium needs libnss3, libnspr4 and libexpat1: apt-get install -y libnss3 libexpat1 (or apt-get install -y chromium).`
      : `Chromium (${executable}) does not start: ${why}`,
  );
}
