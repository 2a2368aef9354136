#!/usr/bin/env node
/**
 * Builds the Teams app package an admin uploads: appPackage/build/panelbot.zip with manifest.json,
 * en-us.json and the two icons. The committed manifest holds placeholder GUIDs; the real ids come from
 * the environment at package time, and the result is validated offline against the bundled schema.
 *
 *   BOT_ID=<Entra app id of the bot> [TEAMS_APP_ID=<guid>] [APP_VERSION=1.2.3] [PUBLIC_BASE_URL=https://…]
 *     npm run package:teams
 *   With PUBLIC_BASE_URL (https) the Inzicht tab is included, served from that host, with Teams SSO for it
 *   (webApplicationInfo.resource api://<host>/botid-<bot id>, the Application ID URI docs/inzicht.md sets up).
 *   (BOT_ID falls back to MicrosoftAppId; --out <file> writes elsewhere)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { encodeZip } from './lib/binary.mjs';

const dir = resolve(import.meta.dirname, '..', 'appPackage');
const { values } = parseArgs({
  options: { out: { type: 'string', default: resolve(dir, 'build', 'panelbot.zip') } },
});
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER_BOT_ID = '00000000-0000-0000-0000-000000000000';

function fail(message) {
  console.error(`package-teams: ${message}`);
  process.exit(1);
}

const botId = process.env.BOT_ID ?? process.env.MicrosoftAppId;
if (!botId || !GUID.test(botId) || botId === PLACEHOLDER_BOT_ID) {
  fail('set BOT_ID (or MicrosoftAppId) to the Entra application (client) id of the Azure Bot, a GUID');
}
const appId = process.env.TEAMS_APP_ID;
if (appId !== undefined && !GUID.test(appId)) fail('TEAMS_APP_ID must be a GUID');

const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8'));
manifest.bots[0].botId = botId;
// Proactive install through Graph (reaching people who never opened the bot) needs the app's Entra id here.
manifest.webApplicationInfo = { id: botId, resource: `api://botid-${botId}` };
const base = process.env.PUBLIC_BASE_URL;
if (base && URL.canParse(base) && new URL(base).protocol === 'https:') {
  const host = new URL(base).host;
  manifest.staticTabs[0].contentUrl = `https://${host}/inzicht/?lang={locale}`;
  manifest.validDomains = [host];
  // Tab SSO: the token's audience is this Application ID URI (or the app id), checked by the bot.
  manifest.webApplicationInfo.resource = `api://${host}/botid-${botId}`;
} else {
  // No public host known: a bot-only package (the tab needs the bot's https address).
  delete manifest.staticTabs;
  delete manifest.validDomains;
}
if (appId) manifest.id = appId;
if (process.env.APP_VERSION) manifest.version = process.env.APP_VERSION;

const { validateManifest } = await tsImport('./lib/manifest-validation.ts', import.meta.url);
const { languageFiles, problems } = await validateManifest(manifest, dir);
if (problems.length) fail(`the manifest does not validate:\n  ${problems.join('\n  ')}`);

const entries = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) },
  ...[manifest.icons.color, manifest.icons.outline, ...languageFiles].map((name) => ({
    name,
    data: readFileSync(resolve(dir, name)),
  })),
];
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, encodeZip(entries));
console.log(
  `package-teams: wrote ${values.out} (${entries.map((e) => e.name).join(', ')}); bot ${botId}, app ${manifest.id}, version ${manifest.version}`,
);
