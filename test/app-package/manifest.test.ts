import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { TeamsManifest } from '@microsoft/app-manifest';
import { validateManifest } from '../../scripts/lib/manifest-validation';
import { readPng, readZip } from './zip-png-readers';

// @microsoft/app-manifest require()s strip-bom 5, an ES module: Node 20.19+ loads that, jest's module
// registry does not. The tests never read files through it, so a stand-in is enough.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const root = resolve(__dirname, '../..');
const dir = join(root, 'appPackage');
const run = promisify(execFile);

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[];
}
type Manifest = TeamsManifest & {
  manifestVersion: string;
  bots: Bot[];
  icons: { color: string; outline: string };
};

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
const english = readJson<Record<string, string>>(join(dir, 'en-us.json'));
const languageFiles = ['en-us.json', 'it-it.json', 'nl-be.json'];

describe('Teams app manifest', () => {
  it('validates offline against the schema bundled for its version, with its English, Italian and Flemish files', async () => {
    const { problems, languageFiles: listed } = await validateManifest(manifest, dir);
    expect(problems).toEqual([]);
    expect(listed).toEqual(languageFiles);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
  });

  it('reports problems in the manifest and in the language file (the check can fail)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'manifest-'));
    try {
      cpSync(dir, tmp, { recursive: true });
      writeFileSync(
        join(tmp, 'en-us.json'),
        JSON.stringify({
          ...english,
          'description.short': 'x'.repeat(81),
          'bots[0].commandLists[0].unknown': 'y',
        }),
      );
      const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: '${{BOT_ID}}' }] } as Manifest;
      const { problems } = await validateManifest(broken, tmp);
      expect(problems.some((p) => p.startsWith('manifest.json/bots/0/botId'))).toBe(true);
      expect(problems.some((p) => p.startsWith('en-us.json/description.short'))).toBe(true);
      expect(problems.some((p) => p.startsWith('en-us.json') && p.includes('additional properties'))).toBe(
        true,
      );
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('is a bot for personal chat, teams and group chats, without files, in Dutch by default', () => {
    const bot = manifest.bots[0];
    expect(new Set(bot.scopes)).toEqual(new Set(['personal', 'team', 'groupChat']));
    expect(bot.supportsFiles).toBe(false);
    expect(
      (manifest as { localizationInfo?: { defaultLanguageTag: string } }).localizationInfo
        ?.defaultLanguageTag,
    ).toBe('nl-NL');
    const personal = bot.commandLists.find((l) => l.scopes.includes('personal'));
    expect(personal?.commands.map((c) => c.title)).toEqual([
      'help',
      'vertrouwelijk',
      'ateliers',
      'netwerken',
      'sturingsgesprek',
      'peiling',
      'panel inschakelen',
    ]);
    // Confidential contact starts in private only, never in a channel's command menu.
    const shared = bot.commandLists
      .filter((l) => !l.scopes.includes('personal'))
      .flatMap((l) => l.commands.map((c) => c.title));
    expect(shared).not.toContain('vertrouwelijk');
  });

  it.each(languageFiles)('%s has a title and description for every command, and no other', (file) => {
    const strings = readJson<Record<string, string>>(join(dir, file));
    const expected: string[] = [];
    manifest.bots[0].commandLists.forEach((list, i) =>
      list.commands.forEach((_, j) => {
        for (const part of ['title', 'description']) {
          const key = `bots[0].commandLists[${i}].commands[${j}].${part}`;
          expected.push(key);
          expect({ key, text: strings[key] }).toEqual({ key, text: expect.stringMatching(/\S/) });
        }
      }),
    );
    const commandKeys = Object.keys(strings).filter((k) => k.startsWith('bots['));
    expect(commandKeys.sort()).toEqual(expected.sort());
  });

  it('ships a 192x192 colour icon and a 32x32 white-on-transparent outline icon', () => {
    const color = readPng(readFileSync(join(dir, manifest.icons.color)));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = readPng(readFileSync(join(dir, manifest.icons.outline)));
    expect([outline.width, outline.height, outline.bitDepth, outline.colorType]).toEqual([32, 32, 8, 6]);
    let opaque = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      if (a > 0) expect([r, g, b]).toEqual([255, 255, 255]);
      if (a === 255) opaque++;
    }
    expect(opaque).toBeGreaterThan(100); // there is a shape, not an empty image
    expect(outline.pixels[3]).toBe(0); // the corner is transparent
  });
});

describe('npm run package:teams', () => {
  // Each case starts Node with tsx in a child process: seconds on a loaded 2-core machine, not a race.
  jest.setTimeout(60_000);
  const tmp = mkdtempSync(join(tmpdir(), 'package-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const env = (extra: Record<string, string>) => {
    const rest = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !['BOT_ID', 'MicrosoftAppId', 'TEAMS_APP_ID'].includes(k)),
    );
    return { ...rest, ...extra };
  };

  it('writes a zip with the manifest (real bot id filled in), both icons and the English strings', async () => {
    const out = join(tmp, 'panelbot.zip');
    const botId = '1b2c3d4e-0000-4000-8000-00000000abcd';
    await run(process.execPath, ['scripts/package-teams.mjs', '--out', out], {
      cwd: root,
      env: env({ BOT_ID: botId }),
    });
    const entries = readZip(readFileSync(out));
    expect([...entries.keys()].sort()).toEqual([
      'color.png',
      'en-us.json',
      'it-it.json',
      'manifest.json',
      'nl-be.json',
      'outline.png',
    ]);
    const packed = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    expect(packed.bots[0].botId).toBe(botId);
    expect((packed as { webApplicationInfo?: unknown }).webApplicationInfo).toEqual({
      id: botId,
      resource: `api://botid-${botId}`,
    });
    expect(entries.get('color.png')!.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
  });

  it('adds the Inzicht tab with SSO for the public host when PUBLIC_BASE_URL is given', async () => {
    const out = join(tmp, 'panelbot-tab.zip');
    const botId = '1b2c3d4e-0000-4000-8000-00000000abcd';
    await run(process.execPath, ['scripts/package-teams.mjs', '--out', out], {
      cwd: root,
      env: env({ BOT_ID: botId, PUBLIC_BASE_URL: 'https://panelbot.rotterdam.example' }),
    });
    const packed = JSON.parse(
      readZip(readFileSync(out)).get('manifest.json')!.toString('utf8'),
    ) as Manifest & {
      staticTabs: Array<{ entityId: string; contentUrl: string; scopes: string[] }>;
      validDomains: string[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(packed.staticTabs).toEqual([
      expect.objectContaining({
        entityId: 'inzicht',
        contentUrl: 'https://panelbot.rotterdam.example/inzicht/?lang={locale}',
        scopes: ['personal'],
      }),
    ]);
    expect(packed.validDomains).toEqual(['panelbot.rotterdam.example']);
    expect(packed.webApplicationInfo).toEqual({
      id: botId,
      resource: `api://panelbot.rotterdam.example/botid-${botId}`,
    });
    expect(english['staticTabs[0].name']).toBe('Insight');
  });

  it('refuses to package without a bot id', async () => {
    await expect(
      run(process.execPath, ['scripts/package-teams.mjs', '--out', join(tmp, 'x.zip')], {
        cwd: root,
        env: env({}),
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('BOT_ID'),
    });
  });
});
