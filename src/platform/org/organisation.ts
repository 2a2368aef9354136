import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import YAML from 'yaml';
import { orgSchema, type LocalizedText, type OrgFile, type Person, type PersonRole } from './org.schema';

export type Locale = 'nl' | 'en';

/** Everything the server knows about who is acting; built per turn from the org file, never from the card. */
export interface Actor {
  aadObjectId: string;
  locale: Locale;
  /** From the org file; unknown people are plain medewerkers. */
  person?: Person;
  roles: ReadonlySet<PersonRole | 'netwerkcoordinator' | 'clusterdirecteur'>;
  coordinatorOf: readonly string[];
  directorOf: readonly string[];
}

export class OrgFileError extends Error {
  constructor(file: string, problems: string[]) {
    super(`Organisation file ${file} is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'OrgFileError';
  }
}

/** The validated organisation file plus lookups; immutable for the life of the process. */
export class Organisation {
  private readonly byId: Map<string, Person>;

  constructor(readonly data: OrgFile) {
    this.byId = new Map(data.people.map((p) => [p.aadObjectId.toLowerCase(), p]));
  }

  static fromObject(raw: unknown, source = '(object)'): Organisation {
    const parsed = orgSchema.safeParse(raw);
    if (!parsed.success) {
      throw new OrgFileError(source, parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
    }
    return new Organisation(parsed.data);
  }

  static load(file: string): Organisation {
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
      throw new OrgFileError(file, [`not valid ${extname(file).slice(1).toUpperCase()}: ${(err as Error).message}`]);
    }
    return Organisation.fromObject(raw, file);
  }

  person(aadObjectId: string | undefined): Person | undefined {
    return aadObjectId ? this.byId.get(aadObjectId.toLowerCase()) : undefined;
  }

  actor(aadObjectId: string, locale: Locale): Actor {
    const person = this.person(aadObjectId);
    const id = aadObjectId.toLowerCase();
    const coordinatorOf = this.data.networks.filter((n) => n.coordinators.some((c) => c.toLowerCase() === id)).map((n) => n.id);
    const directorOf = this.data.clusters.filter((c) => c.director.toLowerCase() === id).map((c) => c.id);
    const roles = new Set<Actor['roles'] extends ReadonlySet<infer R> ? R : never>(person?.roles ?? []);
    if (coordinatorOf.length) roles.add('netwerkcoordinator');
    if (directorOf.length) roles.add('clusterdirecteur');
    return { aadObjectId: id, locale, person, roles, coordinatorOf, directorOf };
  }

  peopleWithRole(role: PersonRole): Person[] {
    return this.data.people.filter((p) => p.roles.includes(role));
  }

  /** Picks the text in the locale, falling back to the organisation's default. */
  text(t: LocalizedText | undefined, locale: Locale): string {
    if (!t) return '';
    return t[locale] ?? t[this.defaultLocale] ?? Object.values(t)[0] ?? '';
  }

  get settings(): OrgFile['settings'] {
    return this.data.settings;
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

  get doorbraken(): OrgFile['doorbraken'] {
    return this.data.doorbraken;
  }

  get formalReporting(): OrgFile['formalReporting'] {
    return this.data.formalReporting;
  }

  get urgentHelp(): LocalizedText {
    return this.data.urgentHelp;
  }
}

export const hasRole = (actor: Actor, ...roles: Array<PersonRole | 'netwerkcoordinator' | 'clusterdirecteur'>) =>
  roles.some((r) => actor.roles.has(r));
