import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

jest.setTimeout(120_000);

const root = resolve(__dirname, '../..');
const depcruise = join(root, 'node_modules/.bin/depcruise');
const config = join(root, '.dependency-cruiser.cjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: Array<{ name: string }>;
}

/** Runs dependency-cruiser with the project's rules; depcruise exits non-zero on violations, the JSON says which. */
function cruise(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(depcruise, ['src', '--config', config, '--output-type', 'json'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
  } catch (err) {
    out = (err as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

/** A throw-away tree beside the project (so node_modules resolves), one file per edge to prove. */
function probeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(root, '.probe-'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'commonjs', moduleResolution: 'node', esModuleInterop: true },
    }),
  );
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, dirname(path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('import graph', () => {
  it('the source tree has no cycle and no forbidden edge', () => {
    expect(cruise(root).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  describe('each rule fails on a throw-away file', () => {
    let dir: string;
    let violations: Violation[];
    beforeAll(() => {
      dir = probeTree({
        'src/app.ts': 'export const app = 1;\n',
        'src/storage/sqlite-store.ts': 'export const sqlite = 1;\n',
        'src/platform/clock.ts': 'export const now = () => 1;\n',
        'src/platform/uses-feature.ts':
          "import { b } from '../features/beta/beta.service';\nexport const p = b;\n",
        'src/features/alpha/alpha.service.ts':
          "import { now } from '../../platform/clock';\nexport const a = now;\n",
        'src/features/alpha/alpha.sibling.ts':
          "import { b } from '../beta/beta.service';\nexport const s = b;\n",
        'src/features/alpha/alpha.deep.ts':
          "import { b } from '../../features/beta/beta.service';\nexport const d = b;\n",
        'src/features/alpha/alpha.composition.ts':
          "import { app } from '../../app';\nexport const c = app;\n",
        'src/features/alpha/alpha.adapter.ts':
          "import { sqlite } from '../../storage/sqlite-store';\nexport const x = sqlite;\n",
        'src/features/alpha/alpha.bot.service.ts':
          "import type { TurnContext } from 'botbuilder';\nexport type T = TurnContext;\n",
        'src/features/alpha/alpha.handlers.ts':
          "import type { TurnContext } from 'botbuilder';\nexport type H = TurnContext;\n",
        'src/features/beta/beta.service.ts': 'export const b = 1;\n',
        'src/features/beta/beta.one.ts':
          "import type { Two } from './beta.two';\nexport interface One { two?: Two }\n",
        'src/features/beta/beta.two.ts':
          "import type { One } from './beta.one';\nexport interface Two { one?: One }\n",
      });
      violations = cruise(dir);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const hits = (rule: string) =>
      violations
        .filter((v) => v.rule.name === rule)
        .map((v) => v.from)
        .sort();

    it('another feature, by a sibling path and by a path through src/features', () => {
      expect(hits('feature-isolation')).toEqual([
        'src/features/alpha/alpha.deep.ts',
        'src/features/alpha/alpha.sibling.ts',
      ]);
    });
    it('platform importing a feature', () => {
      expect(hits('platform-knows-no-feature')).toEqual(['src/platform/uses-feature.ts']);
    });
    it('a feature importing the composition (app.ts)', () => {
      expect(hits('nothing-imports-the-composition')).toEqual(['src/features/alpha/alpha.composition.ts']);
    });
    it('a feature importing a storage adapter', () => {
      expect(hits('storage-through-the-port')).toEqual(['src/features/alpha/alpha.adapter.ts']);
    });
    it('a service importing the bot framework (type-only), while a handlers file may', () => {
      expect(hits('bot-frameworks-at-the-edge')).toEqual(['src/features/alpha/alpha.bot.service.ts']);
    });
    it('a type-only import cycle', () => {
      const [cycle, ...more] = violations.filter((v) => v.rule.name === 'no-cycle');
      expect(more).toEqual([]);
      expect([cycle.from, cycle.to].sort()).toEqual([
        'src/features/beta/beta.one.ts',
        'src/features/beta/beta.two.ts',
      ]);
    });
    it('nothing else: the allowed imports pass', () => {
      const allowed = violations.filter((v) =>
        ['alpha.service.ts', 'alpha.handlers.ts', 'beta.service.ts'].some((f) => v.from.endsWith(f)),
      );
      expect(allowed).toEqual([]);
    });
  });
});
