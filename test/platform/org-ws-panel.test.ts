import { readFileSync } from 'node:fs';
import { Organisation } from '../../src/platform/org/organisation';

const demo = () => JSON.parse(readFileSync('config/org.demo.json', 'utf8')) as Record<string, unknown>;
const listed = '7a11e1b0-0000-4000-8000-00000000000F';
const group = '9a9a9a9a-0000-4000-8000-000000000001';
const fromGroup = '0c0c0c0c-0000-4000-8000-0000000000aa';

describe('organisation: the W&S panel (people who opted in for selection committees)', () => {
  it('is empty without a wsPanel entry', () => {
    expect(Organisation.fromObject(demo()).wsPanelIds()).toEqual([]);
  });

  it('has the listed people and the members of its group, which the role sync reads', () => {
    const org = Organisation.fromObject({ ...demo(), wsPanel: { members: [listed], group } });
    expect(org.roleGroupIds()).toContainEqual({ groupId: group, grants: 'wsPanel', path: 'wsPanel.group' });
    expect(org.wsPanelIds()).toEqual([listed.toLowerCase()]);
    org.setGroupMembers(new Map([[group, new Set([fromGroup])]]));
    expect(org.wsPanelIds()).toEqual([listed.toLowerCase(), fromGroup]);
  });

  it('rejects an id that is not an Entra object id', () => {
    expect(() => Organisation.fromObject({ ...demo(), wsPanel: { members: ['Kofi'] } })).toThrow(
      /wsPanel\.members\.0/,
    );
  });
});
