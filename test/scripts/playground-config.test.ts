import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import Ajv from 'ajv';
import YAML from 'yaml';
import { Organisation } from '../../src/platform/org/organisation';
import {
  buildPlaygroundConfig,
  defaultLangOf,
  ORG_FILES,
  parseOrgName,
  parsePersona,
  PERSONAS,
  renderPlaygroundYaml,
  type Persona,
} from '../../scripts/playground-config';

const root = resolve(__dirname, '../..');
const org = Organisation.load(join(root, 'config/org.demo.json')).data;

/** The config schema the Playground validates against, taken from its own bundle (it ships no separate file). */
function playgroundSchema(): object {
  const bundle = readFileSync(
    join(root, 'node_modules/@microsoft/m365agentsplayground/dist/index.js'),
    'utf8',
  );
  const m =
    /JSON\.parse\(('\{"\$id":"https:\/\/aka\.ms\/teams-app-test-tool-config\/0\.1\.1\/config\.schema\.json"(?:[^'\\]|\\.)*')\)/.exec(
      bundle,
    );
  if (!m) throw new Error('config schema not found in the Playground bundle');
  return JSON.parse(runInNewContext(m[1]) as string) as object;
}

const roleOf: Record<Persona, (id: string) => boolean> = {
  medewerker: (id) =>
    !org.people.find((p) => p.aadObjectId === id)!.roles.length &&
    !org.networks.some((n) => n.coordinators.includes(id)) &&
    !org.clusters.some((c) => c.director === id),
  kernteamlid: (id) => org.people.find((p) => p.aadObjectId === id)!.roles.includes('kernteamlid'),
  programmateam: (id) => org.people.find((p) => p.aadObjectId === id)!.roles.includes('programmateam'),
  coordinator: (id) => org.networks.some((n) => n.coordinators.includes(id)),
  director: (id) => org.clusters.some((c) => c.director === id),
  secretaris: (id) => org.people.find((p) => p.aadObjectId === id)!.roles.includes('gemeentesecretaris'),
  digoffice: (id) => org.people.find((p) => p.aadObjectId === id)!.roles.includes('digOffice'),
};

describe('Playground config from the organisation file', () => {
  const validate = new Ajv({ strict: false }).compile(playgroundSchema());

  it.each(PERSONAS)(
    'makes %s the current user, with 5 other demo people, valid for the Playground',
    (persona) => {
      const config = buildPlaygroundConfig(org, persona);
      expect(roleOf[persona](config.currentUser.aadObjectId)).toBe(true);
      expect(config.users).toHaveLength(5);
      const ids = [config.currentUser.id, ...config.users.map((u) => u.id)];
      expect(new Set(ids).size).toBe(6);
      for (const u of [config.currentUser, ...config.users])
        expect(org.people.map((p) => p.aadObjectId)).toContain(u.aadObjectId);

      const yaml = renderPlaygroundYaml(config);
      const parsed: unknown = YAML.parse(yaml);
      expect(parsed).toEqual(config);
      expect(validate(parsed)).toBe(true);
    },
  );

  it('quotes every value, so nothing is read back as a number, date or boolean', () => {
    const yaml = renderPlaygroundYaml(buildPlaygroundConfig(org, 'director'));
    for (const line of yaml.split('\n').filter((l) => /:\s+\S/.test(l) && !l.trimStart().startsWith('#')))
      expect(line).toMatch(/:\s+"/);
  });

  it('gives each persona its own personal chat, so two Playgrounds on one bot do not mix', () => {
    const chats = PERSONAS.map((p) => buildPlaygroundConfig(org, p).personalChat.id);
    expect(new Set(chats).size).toBe(PERSONAS.length);
  });

  it('the schema check can fail: a bare number where a string belongs is rejected', () => {
    const config = buildPlaygroundConfig(org, 'medewerker') as unknown as {
      currentUser: { surname: unknown };
    };
    config.currentUser.surname = 1;
    expect(validate(config)).toBe(false);
  });

  it('reads --as, accepting gemeentesecretaris for secretaris and rejecting unknown personas', () => {
    expect(parsePersona(undefined)).toBe('medewerker');
    expect(parsePersona('Gemeentesecretaris')).toBe('secretaris');
    expect(() => parsePersona('wethouder')).toThrow(/Choose one of/);
  });
});

describe('npm run dev -- --org gent|genova: the example organisation files', () => {
  const validate = new Ajv({ strict: false }).compile(playgroundSchema());

  it.each([
    ['gent', 'config/org.gent.example.json', 'nl-BE'],
    ['genova', 'config/org.genova.example.json', 'it'],
    ['demo', 'config/org.demo.json', 'nl'],
  ] as const)('--org %s uses %s, in %s unless --lang says otherwise', (name, file, lang) => {
    expect(ORG_FILES[parseOrgName(name)]).toBe(file);
    expect(defaultLangOf(join(root, file))).toBe(lang);
  });

  it('accepts Genoa and Genua for genova, and refuses an organisation without a file', () => {
    expect(parseOrgName('Genoa')).toBe('genova');
    expect(parseOrgName('genua')).toBe('genova');
    expect(parseOrgName(undefined)).toBe('demo');
    expect(() => parseOrgName('paris')).toThrow(/Choose one of: demo, rotterdam, gent, genova/);
  });

  const cases = (['gent', 'genova'] as const).flatMap((name) => PERSONAS.map((p) => [name, p] as const));
  it.each(cases)('%s: finds %s by role and builds a valid Playground config', (name, persona) => {
    const exampleOrg = Organisation.load(join(root, ORG_FILES[name])).data;
    const config = buildPlaygroundConfig(exampleOrg, persona);
    const me = exampleOrg.people.find((p) => p.aadObjectId === config.currentUser.aadObjectId)!;
    const isDirector = exampleOrg.clusters.some((c) => c.director === me.aadObjectId);
    const isCoordinator = exampleOrg.networks.some((n) => n.coordinators.includes(me.aadObjectId));
    const expected: Record<Persona, boolean> = {
      medewerker: me.roles.length === 0 && !isDirector && !isCoordinator,
      kernteamlid: me.roles.includes('kernteamlid'),
      programmateam: me.roles.includes('programmateam'),
      coordinator: isCoordinator,
      director: isDirector,
      secretaris: me.roles.includes('gemeentesecretaris'),
      digoffice: me.roles.includes('digOffice'),
    };
    expect(expected[persona]).toBe(true);
    expect(config.team.name).toBe(name === 'gent' ? 'Inclusiepanel' : "Panel per l'inclusione");
    expect(validate(YAML.parse(renderPlaygroundYaml(config)))).toBe(true);
  });
});
