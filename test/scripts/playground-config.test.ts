import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import Ajv from 'ajv';
import YAML from 'yaml';
import { Organisation } from '../../src/platform/org/organisation';
import {
  buildPlaygroundConfig,
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
