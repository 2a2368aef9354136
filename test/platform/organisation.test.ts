import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { Organisation, OrgFileError } from '../../src/platform/org/organisation';

const demo = () => JSON.parse(readFileSync('config/org.demo.json', 'utf8'));

describe('Organisation', () => {
  it('loads the demo organisation with Rotterdam structure', () => {
    const org = Organisation.load('config/org.demo.json');
    expect(org.networks.map((n) => n.id)).toEqual(
      expect.arrayContaining(['r-pride', 'neurodiversiteit', 'jong-r', 'inclusiviteitspanel']),
    );
    expect(org.clusters).toHaveLength(7);
    expect(org.referralDestinations.map((r) => r.id)).toEqual([
      'vertrouwenspersoon',
      'integriteit',
      'hr',
      'leidinggevende',
    ]);
    expect(org.doorbraken).toHaveLength(11);
  });

  it('derives roles from the file, keyed by Entra object id', () => {
    const org = Organisation.load('config/org.demo.json');
    const lotte = org.people.find((p) => p.name === 'Lotte Visser')!;
    const actor = org.actor(lotte.aadObjectId.toUpperCase(), 'nl');
    expect([...actor.roles]).toEqual(['netwerkcoordinator']);
    expect(actor.coordinatorOf).toEqual(['r-pride']);
    const stranger = org.actor('00000000-0000-4000-8000-000000000999', 'en');
    expect(stranger.roles.size).toBe(0);
    expect(stranger.person).toBeUndefined();
  });

  it('rejects a file whose coordinator is not a known person, saying where', () => {
    const raw = demo();
    raw.networks[0].coordinators = ['00000000-0000-4000-8000-000000000999'];
    expect(() => Organisation.fromObject(raw, 'org.json')).toThrow(
      /networks\.0\.coordinators\.0: not in people/,
    );
  });

  it('rejects missing default-locale text and bad ids', () => {
    const raw = demo();
    raw.urgentHelp = { en: 'Call 112' };
    raw.people[0].aadObjectId = 'sanne@example.org';
    let message = '';
    try {
      Organisation.fromObject(raw, 'org.json');
    } catch (err) {
      expect(err).toBeInstanceOf(OrgFileError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/urgentHelp: missing the default locale "nl"/);
    expect(message).toMatch(/people\.0\.aadObjectId: must be an Entra object id/);
  });

  it('reads YAML as well as JSON', () => {
    const file = join(tmpdir(), `org-${process.pid}.yaml`);
    writeFileSync(file, YAML.stringify(demo()));
    expect(Organisation.load(file).data.organisation.name).toBe('Gemeente Rotterdam (demo)');
  });
});
