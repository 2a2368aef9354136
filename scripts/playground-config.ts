/**
 * Builds an Agents Playground config (schema 0.1.1) whose users are people from the organisation file, so a
 * local run acts as a real demo persona (roles are looked up by aadObjectId, exactly as in Teams).
 * Shared by `npm run dev` (scripts/dev.mjs) and the end-to-end harness (test/e2e/support).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import YAML from 'yaml';
import { Organisation } from '../src/platform/org/organisation';
import type { OrgFile } from '../src/platform/org/org.schema';

export const PERSONAS = [
  'medewerker',
  'kernteamlid',
  'programmateam',
  'coordinator',
  'director',
  'secretaris',
  'digoffice',
] as const;
export type Persona = (typeof PERSONAS)[number];

/** Fictional ids: stable so stored conversation references survive a restart of `npm run dev`. */
export const DEMO_TENANT_ID = '7a11e1b0-7e4a-4000-8000-00000000d340';
export const DEMO_BOT_ID = '7a11e1b0-b07a-4000-8000-00000000d340';

interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string; // sic: the Playground schema spells it this way
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: { id: string; name: string }[] };
}

type Person = OrgFile['people'][number];

/** `npm run dev -- --org <name>`: Rotterdam's demo file and the example files for other organisations. */
export const ORG_FILES = {
  demo: 'config/org.demo.json',
  rotterdam: 'config/org.demo.json',
  gent: 'config/org.gent.example.json',
  genova: 'config/org.genova.example.json',
} as const;
export type OrgName = keyof typeof ORG_FILES;

export function parseOrgName(value: string | undefined): OrgName {
  const v = (value ?? 'demo').toLowerCase();
  if (v === 'genoa' || v === 'genua') return 'genova';
  if (v in ORG_FILES) return v as OrgName;
  throw new Error(`Unknown organisation "${value}". Choose one of: ${Object.keys(ORG_FILES).join(', ')}`);
}

/** The organisation file's own language, the `--lang` of a dev run unless one is given. */
export function defaultLangOf(orgPath: string): string {
  return Organisation.load(orgPath).data.organisation.defaultLocale;
}

function isPersona(value: string): value is Persona {
  return (PERSONAS as readonly string[]).includes(value);
}

export function parsePersona(value: string | undefined): Persona {
  const v = (value ?? 'medewerker').toLowerCase();
  if (v === 'gemeentesecretaris') return 'secretaris';
  if (isPersona(v)) return v;
  throw new Error(`Unknown persona "${value}". Choose one of: ${PERSONAS.join(', ')}`);
}

/** The person who plays a persona: of those holding that role, the one with the fewest other roles (first wins a tie). */
export function personFor(org: OrgFile, persona: Persona): Person {
  const coordinators = new Set(org.networks.flatMap((n) => n.coordinators));
  const directors = new Set(org.clusters.map((c) => c.director));
  const byRole = (role: Person['roles'][number]) => (p: Person) => p.roles.includes(role);
  const match: Record<Persona, (p: Person) => boolean> = {
    medewerker: (p) =>
      p.roles.length === 0 && !coordinators.has(p.aadObjectId) && !directors.has(p.aadObjectId),
    kernteamlid: byRole('kernteamlid'),
    programmateam: byRole('programmateam'),
    coordinator: (p) => coordinators.has(p.aadObjectId),
    director: (p) => directors.has(p.aadObjectId),
    secretaris: byRole('gemeentesecretaris'),
    digoffice: byRole('digOffice'),
  };
  const weight = (p: Person) =>
    p.roles.length + Number(coordinators.has(p.aadObjectId)) + Number(directors.has(p.aadObjectId));
  const person = org.people
    .filter(match[persona])
    .reduce<Person | undefined>((best, p) => (!best || weight(p) < weight(best) ? p : best), undefined);
  if (!person) throw new Error(`The organisation file has nobody for persona "${persona}"`);
  return person;
}

function toUser(p: Person): PlaygroundUser {
  const [givenName, ...rest] = p.name.trim().split(/\s+/);
  const slug = p.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  const email = `${slug}@demo.example`;
  // Teams user ids look like "29:…"; the bot never keys on them, only on aadObjectId.
  return {
    id: `29:${p.aadObjectId}`,
    name: p.name,
    userPrincipleName: email,
    aadObjectId: p.aadObjectId,
    givenName,
    surname: rest.join(' ') || givenName,
    email,
  };
}

export function buildPlaygroundConfig(org: OrgFile, persona: Persona): PlaygroundConfig {
  const me = personFor(org, persona);
  // The schema wants exactly 5 other users: the other personas first, so mentions in the team reach them.
  const others: Person[] = [];
  for (const p of [...PERSONAS.map((x) => personFor(org, x)), ...org.people]) {
    if (p.aadObjectId !== me.aadObjectId && !others.includes(p) && others.length < 5) others.push(p);
  }
  if (others.length < 5) throw new Error('The Playground needs at least 6 people in the organisation file');
  return {
    version: '0.1.1',
    tenantId: org.organisation.tenantId ?? DEMO_TENANT_ID,
    bot: { id: DEMO_BOT_ID, name: 'Panelbot' },
    currentUser: toUser(me),
    users: others.map(toUser),
    personalChat: { id: `a:demo-personal-${me.aadObjectId}` },
    groupChat: { id: '19:demo-groupchat@thread.v2', name: 'Panel demo groepschat' },
    team: {
      id: '19:demo-team-general@thread.tacv2',
      name: org.organisation.panelName[org.organisation.defaultLocale] ?? 'Panel',
      aadGroupId: '7a11e1b0-6a0b-4000-8000-00000000d340',
      channels: [{ id: '19:demo-announcements@thread.tacv2', name: 'Aankondigingen' }],
    },
  };
}

/** Every scalar is a quoted string: a bare number or date where the schema wants a string makes the CLI exit 1 silently. */
export function renderPlaygroundYaml(config: PlaygroundConfig): string {
  const header = '# Generated by scripts/playground-config.ts from the organisation file. Do not edit.\n';
  return header + YAML.stringify(config, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
}

export function writePlaygroundConfig(opts: {
  orgPath: string;
  persona: Persona;
  outFile: string;
}): PlaygroundConfig {
  const config = buildPlaygroundConfig(Organisation.load(opts.orgPath).data, opts.persona);
  mkdirSync(dirname(opts.outFile), { recursive: true });
  writeFileSync(opts.outFile, renderPlaygroundYaml(config));
  return config;
}
