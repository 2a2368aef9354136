import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import YAML from 'yaml';
import { baseLocale, type Locale } from '../i18n/locale';
import type { Grades } from './org-grades.schema';
import {
  offeredLanguages,
  orgSchema,
  termsFor,
  type LocalizedText,
  type OrgFile,
  type Person,
  type PersonRole,
  type Terms,
} from './org.schema';

export type { Locale } from '../i18n/locale';
export type ActorRole = PersonRole | 'netwerkcoordinator' | 'clusterdirecteur';

/** Everything the server knows about who is acting; built per turn from the org file, never from the card. */
export interface Actor {
  aadObjectId: string;
  locale: Locale;
  /** From the org file; unknown people are plain medewerkers. */
  person?: Person;
  roles: ReadonlySet<ActorRole>;
  coordinatorOf: readonly string[];
  directorOf: readonly string[];
}

export class OrgFileError extends Error {
  constructor(
    file: string,
    readonly problems: string[],
  ) {
    super(`Organisation file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OrgFileError';
  }
}

/** Members of each role group, by group id (lower-case user ids), as last read from Entra ID. */
export type GroupMembers = ReadonlyMap<string, ReadonlySet<string>>;

interface OrgState {
  data: OrgFile;
  byId: Map<string, Person>;
  groups: GroupMembers;
}

const lower = (id: string) => id.toLowerCase();

export interface RoleGroup {
  groupId: string;
  /** What membership grants: a role, `coordinator:<network>` or `director:<cluster>`. */
  grants: string;
  /** Where the file names it, for messages about the file. */
  path: string;
}

/** Every group an organisation file names, in file order. */
export function roleGroupsOf(data: OrgFile): RoleGroup[] {
  const out: RoleGroup[] = [];
  for (const [role, groupId] of Object.entries(data.roleGroups))
    if (groupId) out.push({ groupId: lower(groupId), grants: role, path: `roleGroups.${role}` });
  if (data.onboardingGroup)
    out.push({ groupId: lower(data.onboardingGroup), grants: 'onboarding', path: 'onboardingGroup' });
  for (const n of data.networks)
    if (n.coordinatorsGroup)
      out.push({
        groupId: lower(n.coordinatorsGroup),
        grants: `coordinator:${n.id}`,
        path: `networks.${n.id}.coordinatorsGroup`,
      });
  for (const c of data.clusters)
    if (c.directorGroup)
      out.push({
        groupId: lower(c.directorGroup),
        grants: `director:${c.id}`,
        path: `clusters.${c.id}.directorGroup`,
      });
  return out;
}

/**
 * The validated organisation file plus lookups, and the members of the role groups it names. One
 * instance lives for the process; a new file ({@link replaceData}) or new group members
 * ({@link setGroupMembers}) take effect for the next turn, so no restart is needed.
 */
export class Organisation {
  private state: OrgState;
  /** The organisation file's folder; the folders it names (its own templates) are relative to it. */
  folder: string | undefined;
  /** Roles handed out in the bot (meedoen), by lower-case id; kept across file reloads. */
  private granted: ReadonlyMap<string, ReadonlySet<PersonRole>> = new Map();

  constructor(data: OrgFile, groups: GroupMembers = new Map()) {
    this.state = Organisation.stateOf(data, groups);
  }

  private static stateOf(data: OrgFile, groups: GroupMembers): OrgState {
    return { data, byId: new Map(data.people.map((p) => [lower(p.aadObjectId), p])), groups };
  }

  /** The file as validated. Prefer the accessors below; features must not hold on to this object. */
  get data(): OrgFile {
    return this.state.data;
  }

  /** A new, already validated file; group members of groups it still names are kept. */
  replaceData(data: OrgFile): void {
    this.state = Organisation.stateOf(data, this.state.groups);
  }

  currentGroupMembers(): GroupMembers {
    return this.state.groups;
  }

  setGroupMembers(groups: GroupMembers): void {
    this.state = Organisation.stateOf(this.state.data, groups);
  }

  /** Roles granted in the bot (see platform/org/role-grants.ts); they count like roles in the file. */
  setGrantedRoles(granted: ReadonlyMap<string, ReadonlySet<PersonRole>>): void {
    this.granted = granted;
  }

  /** Every group the file names, with what it grants (for the role sync and its log lines). */
  roleGroupIds(): RoleGroup[] {
    return roleGroupsOf(this.state.data);
  }

  /** Members of the onboarding group as last read (lower-case ids); empty when the file names none. */
  onboardingMembers(): string[] {
    const groupId = this.state.data.onboardingGroup;
    return groupId ? [...(this.state.groups.get(lower(groupId)) ?? [])] : [];
  }

  private inGroup(groupId: string | undefined, id: string): boolean {
    return !!groupId && !!this.state.groups.get(lower(groupId))?.has(id);
  }

  static fromObject(raw: unknown, source = '(object)', folder?: string): Organisation {
    const org = new Organisation(Organisation.parse(raw, source));
    org.folder = folder && resolve(folder);
    return org;
  }

  /** Validates a parsed organisation file; throws {@link OrgFileError} with the path of every problem. */
  static parse(raw: unknown, source = '(object)'): OrgFile {
    const parsed = orgSchema.safeParse(raw);
    if (!parsed.success) {
      throw new OrgFileError(
        source,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    }
    return parsed.data;
  }

  static load(file: string): Organisation {
    const org = new Organisation(Organisation.readFile(file));
    org.folder = dirname(resolve(file));
    return org;
  }

  /** Reads and validates a JSON or YAML organisation file. */
  static readFile(file: string): OrgFile {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new OrgFileError(file, ['cannot read the file']);
    }
    let raw: unknown;
    try {
      raw = ['.yml', '.yaml'].includes(extname(file)) ? YAML.parse(text) : JSON.parse(text);
    } catch (err) {
      throw new OrgFileError(file, [
        `not valid ${extname(file).slice(1).toUpperCase()}: ${(err as Error).message}`,
      ]);
    }
    return Organisation.parse(raw, file);
  }

  /** A person listed in the file (with name and intro); people who hold a role only through a group are not. */
  person(aadObjectId: string | undefined): Person | undefined {
    return aadObjectId ? this.state.byId.get(lower(aadObjectId)) : undefined;
  }

  actor(aadObjectId: string, locale: Locale): Actor {
    const id = lower(aadObjectId);
    const person = this.person(id);
    const { data } = this.state;
    const coordinatorOf = data.networks
      .filter((n) => n.coordinators.some((c) => lower(c) === id) || this.inGroup(n.coordinatorsGroup, id))
      .map((n) => n.id);
    const directorOf = data.clusters
      .filter((c) => lower(c.director) === id || this.inGroup(c.directorGroup, id))
      .map((c) => c.id);
    const roles = new Set<ActorRole>(person?.roles ?? []);
    for (const [role, groupId] of Object.entries(data.roleGroups) as Array<
      [PersonRole, string | undefined]
    >) {
      if (this.inGroup(groupId, id)) roles.add(role);
    }
    for (const role of this.granted.get(id) ?? []) roles.add(role);
    if (coordinatorOf.length) roles.add('netwerkcoordinator');
    if (directorOf.length) roles.add('clusterdirecteur');
    return { aadObjectId: id, locale, person, roles, coordinatorOf, directorOf };
  }

  /** Ids (lower case) of everyone holding the role: listed in the file, or a member of the role's group. */
  idsWithRole(role: PersonRole): string[] {
    const { data, groups } = this.state;
    const ids = new Set(data.people.filter((p) => p.roles.includes(role)).map((p) => lower(p.aadObjectId)));
    const groupId = data.roleGroups[role];
    for (const id of (groupId && groups.get(lower(groupId))) || []) ids.add(id);
    for (const [id, roles] of this.granted) if (roles.has(role)) ids.add(id);
    return [...ids];
  }

  /**
   * Ids (lower case) of the W&S panel members (role `wsPanellid`: listed, in `roleGroups.wsPanellid`, or
   * granted through "meedoen"): they get the "wie doet mee?" card of an accepted W&S request.
   */
  wsPanelIds(): string[] {
    return this.idsWithRole('wsPanellid');
  }

  /** Everyone holding the role; people known only through a group have no name or intro here. */
  peopleWithRole(role: PersonRole): Person[] {
    return this.idsWithRole(role).map(
      (id) => this.person(id) ?? { aadObjectId: id, name: '', roles: [role] },
    );
  }

  /** Picks the text in the locale, falling back to the organisation's default. */
  text(t: LocalizedText | undefined, locale: Locale): string {
    if (!t) return '';
    return t[locale] ?? t[baseLocale(locale)] ?? t[this.defaultLocale] ?? Object.values(t)[0] ?? '';
  }

  /** The languages this organisation offers (`organisation.languages`, or its default and English). */
  get languages(): readonly Locale[] {
    return offeredLanguages(this.data.organisation);
  }

  /**
   * The organisation's words in a language, for `{@term}` in messages; the default language's for a
   * language it does not offer. Read per message, so a reloaded file takes effect at once.
   */
  terms(locale: Locale): Terms | undefined {
    return termsFor(this.data.terms, locale) ?? termsFor(this.data.terms, this.defaultLocale);
  }

  get settings(): OrgFile['settings'] {
    return this.data.settings;
  }

  /** When non-urgent proactive messages may go out, and how many per person (docs/calendar.md). */
  get calendar(): OrgFile['calendar'] {
    return this.data.calendar;
  }

  /** IANA zone people live in; storage is UTC. */
  get timeZone(): string {
    return this.data.organisation.timeZone;
  }

  get defaultLocale(): Locale {
    return this.data.organisation.defaultLocale;
  }

  get panelName(): LocalizedText {
    return this.data.organisation.panelName;
  }

  get networks(): OrgFile['networks'] {
    return this.data.networks;
  }

  network(id: string): OrgFile['networks'][number] | undefined {
    return this.data.networks.find((n) => n.id === id);
  }

  get clusters(): OrgFile['clusters'] {
    return this.data.clusters;
  }

  cluster(id: string): OrgFile['clusters'][number] | undefined {
    return this.data.clusters.find((c) => c.id === id);
  }

  get people(): readonly Person[] {
    return this.data.people;
  }

  get referralDestinations(): OrgFile['referralDestinations'] {
    return this.data.referralDestinations;
  }

  get contactTopics(): OrgFile['contactTopics'] {
    return this.data.contactTopics;
  }

  /** The folder of the organisation's own sturingsgesprek templates; undefined: the shipped (Rotterdam's). */
  get sturingsgesprekTemplatesDir(): string | undefined {
    const dir = this.data.sturingsgesprek.templatesDir;
    return dir && resolve(this.folder ?? '.', dir);
  }

  get doorbraken(): OrgFile['doorbraken'] {
    return this.data.doorbraken;
  }

  /** How W&S vacancies are graded and banded for the figures; undefined: the form asks no grade. */
  get adviesGrades(): Grades | undefined {
    return this.data.advies.grades || undefined;
  }

  get formalReporting(): OrgFile['formalReporting'] {
    return this.data.formalReporting;
  }

  get urgentHelp(): LocalizedText {
    return this.data.urgentHelp;
  }
}

export const hasRole = (actor: Actor, ...roles: ActorRole[]) => roles.some((r) => actor.roles.has(r));
