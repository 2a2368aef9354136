import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/platform/logger';
import { OrgReloader } from '../../src/platform/org/org-reloader';
import { Organisation } from '../../src/platform/org/organisation';
import { RoleSync, type GroupDirectory } from '../../src/platform/org/role-sync';
import { requireGraphForGroups } from '../../src/platform/org/org-graph-check';
import { loadConfig } from '../../src/config';
import { createRuntime } from '../../src/runtime';

const demo = () => JSON.parse(readFileSync('config/org.demo.json', 'utf8'));
const groups = {
  kernteam: '9a000000-0000-4000-8000-0000000000a1',
  rPride: '9a000000-0000-4000-8000-0000000000a2',
  programmateam: '9a000000-0000-4000-8000-0000000000a3',
};
const newcomer = '5e000000-0000-4000-8000-000000000001';
const other = '5e000000-0000-4000-8000-000000000002';

/** An in-memory directory: members per group, and groups that fail like Graph when it is down. */
class MemoryGroups implements GroupDirectory {
  members = new Map<string, string[]>();
  down = new Set<string>();
  async transitiveMemberIds(groupId: string): Promise<string[]> {
    if (this.down.has(groupId)) throw Object.assign(new Error('unavailable'), { code: 'GRAPH.UNAVAILABLE' });
    return this.members.get(groupId) ?? [];
  }
}

function logCapture() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger(
    { level: 'debug' },
    new Writable({ write: (c, _e, done) => (lines.push(JSON.parse(String(c))), done()) }),
  );
  return { logger, lines };
}

function withGroups() {
  const raw = demo();
  raw.roleGroups = { kernteamlid: groups.kernteam, programmateam: groups.programmateam };
  raw.networks.find((n: { id: string }) => n.id === 'r-pride').coordinatorsGroup = groups.rPride;
  return Organisation.fromObject(raw, 'org.json');
}

describe('roles from Entra ID groups', () => {
  it('gives the role to group members beside the people listed, and takes it away when they leave', async () => {
    const org = withGroups();
    const directory = new MemoryGroups();
    const { logger, lines } = logCapture();
    const sync = new RoleSync(org, directory, logger);
    expect(org.actor(newcomer, 'nl').roles.size).toBe(0);

    directory.members.set(groups.kernteam, [newcomer.toUpperCase()]);
    directory.members.set(groups.rPride, [newcomer]);
    await sync.refresh('schedule');
    const actor = org.actor(newcomer, 'nl');
    expect([...actor.roles].sort()).toEqual(['kernteamlid', 'netwerkcoordinator']);
    expect(actor.coordinatorOf).toEqual(['r-pride']);
    expect(org.idsWithRole('kernteamlid')).toContain(newcomer);
    expect(org.peopleWithRole('kernteamlid').length).toBe(
      org.people.filter((p) => p.roles.includes('kernteamlid')).length + 1,
    );

    directory.members.set(groups.rPride, []);
    await sync.refresh('7a11e1b0-0000-4000-8000-000000000001');
    expect(org.actor(newcomer, 'nl').coordinatorOf).toEqual([]);
    expect(org.actor(newcomer, 'nl').roles.has('kernteamlid')).toBe(true);

    const changes = lines.filter((l) => l.msg === 'role group changed');
    expect(changes).toEqual([
      expect.objectContaining({ grants: 'kernteamlid', members: 1, added: 1, removed: 0, by: 'schedule' }),
      expect.objectContaining({
        grants: 'coordinator:r-pride',
        members: 1,
        added: 1,
        removed: 0,
        by: 'schedule',
      }),
      expect.objectContaining({
        grants: 'coordinator:r-pride',
        members: 0,
        added: 0,
        removed: 1,
        by: '7a11e1b0-0000-4000-8000-000000000001',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(newcomer);
  });

  it('keeps the last good members of a group it cannot read, and says so', async () => {
    const org = withGroups();
    const directory = new MemoryGroups();
    const sync = new RoleSync(org, directory, logCapture().logger);
    directory.members.set(groups.kernteam, [newcomer, other]);
    await sync.refresh('schedule');
    directory.down.add(groups.kernteam);
    directory.members.set(groups.kernteam, []);
    const result = await sync.refresh('schedule');
    expect(result.kept).toEqual(['kernteamlid']);
    expect(org.idsWithRole('kernteamlid')).toEqual(expect.arrayContaining([newcomer, other]));
  });

  it('refuses a group id that is not a GUID, and an unknown role in roleGroups', () => {
    const raw = demo();
    raw.roleGroups = { kernteamlid: 'kernteam@example.org', admins: groups.kernteam };
    expect(() => Organisation.fromObject(raw, 'org.json')).toThrow(
      /roleGroups\.kernteamlid: must be an Entra group object id[\s\S]*roleGroups: Unrecognized key/,
    );
  });
});

describe('role groups need Microsoft Graph (fail closed)', () => {
  it('refuses to start when the file names groups and Graph is not configured', async () => {
    const config = loadConfig({ LOCAL_NO_AUTH: '1', DATA_DIR: join(tmpdir(), `groups-${process.pid}`) });
    await expect(createRuntime(config, { org: withGroups() })).rejects.toThrow(
      'roleGroups.programmateam, roleGroups.kernteamlid, networks.r-pride.coordinatorsGroup: role groups need Microsoft Graph',
    );
  });

  it('refuses a reloaded file that adds a group while Graph is off, and keeps the old one', async () => {
    const file = join(tmpdir(), `org-groups-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(demo()));
    const org = Organisation.load(file);
    const { logger, lines } = logCapture();
    const reloader = new OrgReloader(org, file, logger, { accept: requireGraphForGroups(false) });
    const raw = demo();
    raw.roleGroups = { kernteamlid: groups.kernteam };
    writeFileSync(file, JSON.stringify(raw));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(await reloader.check()).toBe(false);
    expect(org.data.roleGroups).toEqual({});
    expect(lines.some((l) => String(l.problems).includes('role groups need Microsoft Graph'))).toBe(true);
  });
});

describe('organisation file reload', () => {
  const file = join(tmpdir(), `org-reload-${process.pid}.json`);
  let tick = 1_800_000_000;
  const write = (raw: unknown, text = JSON.stringify(raw)) => {
    writeFileSync(file, text);
    utimesSync(file, ++tick, tick);
  };

  it('picks up a valid edit without a restart: a new coordinator gets the role', async () => {
    write(demo());
    const org = Organisation.load(file);
    const changed = jest.fn(async () => undefined);
    const reloader = new OrgReloader(org, file, logCapture().logger, { onChange: changed });
    const lotte = org.people.find((p) => p.name === 'Lotte Visser')!.aadObjectId;
    const sanne = org.people.find((p) => p.name === 'Sanne de Vries')!.aadObjectId;
    expect(org.actor(sanne, 'nl').coordinatorOf).not.toContain('r-pride');
    expect(await reloader.check()).toBe(false);

    const raw = demo();
    raw.networks.find((n: { id: string }) => n.id === 'r-pride').coordinators = [lotte, sanne];
    write(raw);
    expect(await reloader.check()).toBe(true);
    expect(org.actor(sanne, 'nl').coordinatorOf).toContain('r-pride');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('keeps the old organisation when the edit is invalid, and logs where without quoting the file', async () => {
    write(demo());
    const org = Organisation.load(file);
    const { logger, lines } = logCapture();
    const reloader = new OrgReloader(org, file, logger);

    const bad = demo();
    bad.networks[0].coordinators = ['00000000-0000-4000-8000-000000000999'];
    write(bad);
    expect(await reloader.check()).toBe(false);
    write(demo(), '{ "people": [ { "name": "Sanne de Vries", ');
    expect(await reloader.check()).toBe(false);

    expect(org.networks[0].coordinators).toEqual(demo().networks[0].coordinators);
    const rejected = lines.filter(
      (l) => l.msg === 'organisation file rejected; the previous one stays in force',
    );
    expect(rejected.map((l) => l.problems)).toEqual([
      ['networks.0.coordinators.0: not in people'],
      ['not valid JSON'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('Sanne');
  });
});
