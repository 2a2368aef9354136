import type { Logger } from '../logger';
import type { Organisation } from './organisation';

/** What the role sync needs of the directory (Microsoft Graph in a tenant). */
export interface GroupDirectory {
  /** User ids (any case) of everyone in the group, through nested groups. */
  transitiveMemberIds(groupId: string): Promise<string[]>;
}

export interface RoleRefresh {
  /** Per thing a group grants (`kernteamlid`, `coordinator:r-pride`, …): how many hold it through the group. */
  grants: Array<{ grants: string; members: number }>;
  /** Grants whose group could not be read: their last good members were kept. */
  kept: string[];
}

/**
 * Keeps the members of the role groups the organisation file names. A group that cannot be read keeps
 * its last good members (Graph down must not take the kernteam's verbs away, nor hand them out). Every
 * change is logged as counts and who caused it, never names.
 */
export class RoleSync {
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly org: Organisation,
    private readonly directory: GroupDirectory,
    private readonly logger: Logger,
    /** Also read on every refresh (roles granted in the bot, written by another instance). */
    private readonly alsoReload?: () => Promise<void>,
  ) {}

  async refresh(by: string): Promise<RoleRefresh> {
    const previous = this.org.currentGroupMembers();
    const next = new Map<string, ReadonlySet<string>>();
    const result: RoleRefresh = { grants: [], kept: [] };
    for (const { groupId, grants } of this.org.roleGroupIds()) {
      let members = next.get(groupId);
      if (!members) {
        try {
          members = new Set(
            (await this.directory.transitiveMemberIds(groupId)).map((id) => id.toLowerCase()),
          );
        } catch (err) {
          members = previous.get(groupId) ?? new Set<string>();
          result.kept.push(grants);
          this.logger.warn(
            { grants, code: (err as { code?: string }).code ?? (err as Error).name },
            'role group unreadable; last members kept',
          );
        }
        next.set(groupId, members);
      }
      result.grants.push({ grants, members: members.size });
      this.logChange(grants, previous.get(groupId), members, by);
    }
    this.org.setGroupMembers(next);
    await this.alsoReload?.();
    for (const listener of this.listeners) {
      await listener().catch((err: unknown) =>
        this.logger.error(
          { code: (err as { code?: string }).code ?? (err as Error).name },
          'after role refresh',
        ),
      );
    }
    return result;
  }

  /** Runs after every refresh, with the new members in place (e.g. welcoming new colleagues). */
  onRefreshed(listener: () => Promise<unknown>): void {
    this.listeners.push(listener);
  }

  /** Reads the groups again every `minutes`; a failed round is logged and the next one tries again. */
  start(minutes: number): void {
    this.stop();
    this.timer = setInterval(
      () =>
        void this.refresh('schedule').catch((err: unknown) =>
          this.logger.error({ err }, 'role refresh failed'),
        ),
      minutes * 60_000,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private logChange(
    grants: string,
    before: ReadonlySet<string> | undefined,
    after: ReadonlySet<string>,
    by: string,
  ): void {
    const old = before ?? new Set<string>();
    const added = [...after].filter((id) => !old.has(id)).length;
    const removed = [...old].filter((id) => !after.has(id)).length;
    if (added || removed)
      this.logger.info({ grants, members: after.size, added, removed, by }, 'role group changed');
  }
}
