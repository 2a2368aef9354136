import { containers, type DocumentStore } from '../../storage/document-store.port';
import { isConflictError } from '../../storage/store-errors';
import type { Clock } from '../clock';
import type { GroupWriter } from '../directory/directory.port';
import type { Logger } from '../logger';
import type { PersonRole } from './org.schema';
import type { Organisation } from './organisation';
import type { RoleSync } from './role-sync';

interface GrantDoc {
  userId: string;
  role: PersonRole;
  grantedAt: string;
  grantedBy: string;
}

/** `group`: added to the role's Entra group; `stored`: a grant beside the organisation file. */
export type GrantOutcome = 'group' | 'stored';

const C = containers.roleGrants;
const PK = 'grant';

/**
 * Roles handed out in the bot (an accepted meedoen request). Where the organisation file gives the
 * role through an Entra group and Graph is configured, the person is added to that group and the
 * groups are read again: Entra ID stays the one source, and IT sees the change there. Otherwise the
 * grant is stored and the organisation's role lookup includes it. Either way the person has the
 * role's verbs at their next message, without a restart; other instances pick stored grants up at
 * their next role refresh.
 */
export class RoleGrants {
  constructor(
    private readonly store: DocumentStore,
    private readonly org: Organisation,
    private readonly roles: Pick<RoleSync, 'refresh'>,
    private readonly groups: GroupWriter | undefined,
    private readonly graphEnabled: boolean,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Reads every stored grant into the organisation. */
  async load(): Promise<void> {
    const docs = await this.store.query<GrantDoc>(C, { pk: PK });
    const granted = new Map<string, Set<PersonRole>>();
    for (const { data } of docs) {
      const set = granted.get(data.userId) ?? new Set<PersonRole>();
      granted.set(data.userId, set.add(data.role));
    }
    this.org.setGrantedRoles(granted);
  }

  /** Gives the role; idempotent. Throws the directory's error when the group cannot be written. */
  async grant(userId: string, role: PersonRole, by: string): Promise<GrantOutcome> {
    const id = userId.toLowerCase();
    const groupId = this.org.data.roleGroups[role];
    if (groupId && this.graphEnabled && this.groups) {
      await this.groups.addMember(groupId, id);
      await this.roles.refresh(by);
      this.logger.info({ role, by, via: 'group' }, 'role granted');
      return 'group';
    }
    const data: GrantDoc = { userId: id, role, grantedAt: this.clock.now().toISOString(), grantedBy: by };
    try {
      await this.store.create(C, { pk: PK, id: `${role}:${id}`, data });
    } catch (err) {
      if (!isConflictError(err)) throw err;
    }
    await this.load();
    this.logger.info({ role, by, via: 'stored' }, 'role granted');
    return 'stored';
  }
}
