import type { Clock } from '../../platform/clock';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { Network } from '../../platform/org/org.schema';
import type { PeopleNames } from '../../platform/people/people-names';
import { networkOf, requireCoordinator } from './networks.access';
import { networksErrors } from './networks.errors';
import type { MembershipRepository } from './networks.membership.repository';
import type { SnoozePeriod } from './networks.schemas';
import type { MemberDoc, MemberPage, NetworkOverview } from './networks.types';

export const SNOOZE_DAYS = 30;
/** Days per pause period; "until I turn it back on" is a date no calendar reaches. */
const periodDays: Record<Exclude<SnoozePeriod, 'untilOff'>, number> = { week: 7, month: SNOOZE_DAYS };
export const UNTIL_TURNED_ON = '9999-12-31T23:59:59.999Z';
export const MEMBERS_PAGE_SIZE = 50;

/**
 * Joining, leaving, snoozing, and the coordinator's member list. Nothing here logs or returns who is
 * a member of what, except {@link members} to that network's own coordinators.
 */
export class MembershipService {
  constructor(
    private readonly repo: MembershipRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly people: PeopleNames,
  ) {}

  /** Every network, with the actor's own membership (shown only to them, in their 1:1 chat). */
  async overview(actor: Actor): Promise<NetworkOverview[]> {
    const now = this.clock.now().toISOString();
    return Promise.all(
      this.org.networks.map(async (network) => {
        const doc = await this.repo.get(network.id, actor.aadObjectId);
        const snoozedUntil = doc?.snoozedUntil && doc.snoozedUntil > now ? doc.snoozedUntil : undefined;
        return { network, member: !!doc, snoozedUntil };
      }),
    );
  }

  async join(
    actor: Actor,
    networkId: string,
    displayName?: string,
  ): Promise<{ network: Network; changed: boolean }> {
    const network = networkOf(this.org, networkId);
    const name = displayName?.trim().slice(0, 200) || actor.person?.name;
    const changed = await this.repo.add({
      networkId: network.id,
      aadObjectId: actor.aadObjectId,
      name,
      joinedAt: this.clock.now().toISOString(),
    });
    return { network, changed };
  }

  async leave(actor: Actor, networkId: string): Promise<{ network: Network; changed: boolean }> {
    const network = networkOf(this.org, networkId);
    return { network, changed: await this.repo.remove(network.id, actor.aadObjectId) };
  }

  /** The actor's own membership only (the id comes from the server); not a member: refused. */
  async snooze(
    actor: Actor,
    networkId: string,
    period: SnoozePeriod = 'month',
  ): Promise<{ network: Network; until: string }> {
    const network = networkOf(this.org, networkId);
    const until =
      period === 'untilOff'
        ? UNTIL_TURNED_ON
        : new Date(this.clock.now().getTime() + periodDays[period] * 86_400_000).toISOString();
    if (!(await this.repo.setSnooze(network.id, actor.aadObjectId, until))) throw networksErrors.notMember();
    return { network, until };
  }

  /** Turns the actor's announcements of this network back on. */
  async unsnooze(actor: Actor, networkId: string): Promise<Network> {
    const network = networkOf(this.org, networkId);
    if (!(await this.repo.setSnooze(network.id, actor.aadObjectId, undefined)))
      throw networksErrors.notMember();
    return network;
  }

  async isMember(networkId: string, aadObjectId: string): Promise<boolean> {
    return !!(await this.repo.get(networkId, aadObjectId));
  }

  /**
   * Coordinators of this network only; names sorted, one page at a time (cards have a size limit).
   * A member's name is the one kept since they joined, else the organisation file, a recent turn or
   * the directory (in bulk, for those without one); nobody is shown by id.
   */
  async members(actor: Actor, networkId: string, page = 1): Promise<MemberPage> {
    const network = requireCoordinator(this.org, actor, networkId);
    const now = this.clock.now().toISOString();
    const docs = await this.repo.list(network.id);
    const kept = new Map(docs.map((m) => [m.aadObjectId.toLowerCase(), m.name] as const));
    const names = await this.people.namesOf(
      docs.map((m) => m.aadObjectId),
      kept,
    );
    const all = docs
      .map((m) => ({
        name: names.get(m.aadObjectId.toLowerCase()),
        snoozed: !!m.snoozedUntil && m.snoozedUntil > now,
      }))
      .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'nl'));
    const pages = Math.max(1, Math.ceil(all.length / MEMBERS_PAGE_SIZE));
    const current = Math.min(Math.max(1, page), pages);
    const members = all.slice((current - 1) * MEMBERS_PAGE_SIZE, current * MEMBERS_PAGE_SIZE);
    return { network, total: all.length, page: current, pages, members };
  }

  /** Coordinators only: how many would receive an announcement now. */
  async audienceSize(actor: Actor, networkId: string): Promise<{ members: number; snoozed: number }> {
    requireCoordinator(this.org, actor, networkId);
    const all = await this.repo.list(networkId);
    const reachable = this.reachable(all);
    return { members: reachable.length, snoozed: all.length - reachable.length };
  }

  /**
   * aadObjectIds of the members of these networks, each once. Internal (delivery only): never shown.
   * `announcement` leaves out snoozed members: snooze silences coordinator announcements only.
   */
  async recipientIds(
    networkIds: readonly string[],
    purpose: 'announcement' | 'broadcast',
  ): Promise<string[]> {
    const ids = new Set<string>();
    for (const networkId of new Set(networkIds)) {
      const members = await this.repo.list(networkId);
      for (const m of purpose === 'announcement' ? this.reachable(members) : members) ids.add(m.aadObjectId);
    }
    return [...ids];
  }

  private reachable(members: MemberDoc[]): MemberDoc[] {
    const now = this.clock.now().toISOString();
    return members.filter((m) => !m.snoozedUntil || m.snoozedUntil <= now);
  }
}
