import { readFileSync } from 'node:fs';
import { Organisation } from '../../src/platform/org/organisation';

const demo = () => JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as Record<string, unknown>;
const listed = '7a11e1b0-0000-4000-8000-0000000000f1';
const group = '9a9a9a9a-0000-4000-8000-000000000001';
const fromGroup = '0c0c0c0c-0000-4000-8000-0000000000aa';
const granted = '0c0c0c0c-0000-4000-8000-0000000000bb';

describe('organisation: the W&S panel (people who opted in for selection committees)', () => {
  it('is the role wsPanellid: listed people, the members of its role group, and grants through meedoen', () => {
    const file = demo() as { people: unknown[]; roleGroups?: Record<string, string> };
    file.people.push({ aadObjectId: listed, name: 'Panellid', roles: ['wsPanellid'] });
    file.roleGroups = { ...file.roleGroups, wsPanellid: group };
    const org = Organisation.fromObject(file);
    expect(org.roleGroupIds()).toContainEqual({
      groupId: group,
      grants: 'wsPanellid',
      path: 'roleGroups.wsPanellid',
    });
    expect(org.wsPanelIds()).toEqual([listed]);
    org.setGroupMembers(new Map([[group, new Set([fromGroup])]]));
    org.setGrantedRoles(new Map([[granted, new Set(['wsPanellid' as const])]]));
    expect(org.wsPanelIds().sort()).toEqual([listed, fromGroup, granted].sort());
  });
});
