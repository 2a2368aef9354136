import type { Clock } from '../../platform/clock';
import type { Logger } from '../../platform/logger';
import type { Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import type { SignupService } from '../../platform/signups';
import { errors } from './advies.errors';
import type { AdviesNotifier } from './advies.notifier';
import { signupListId, type AdviesRepository } from './advies.repository';
import { endOfLocalDay, figureOf, isHttpsUrl, retentionSeconds } from './advies.rules';
import type { AdviesRequest } from './advies.types';

/** What every advies service is given; built once in advies.module.ts. */
export interface AdviesServiceDeps {
  repo: AdviesRepository;
  signups: SignupService;
  notifier: AdviesNotifier;
  clock: Clock;
  org: Organisation;
  people: PeopleNames;
  log: Logger;
}

/** Loading, saving with the figures kept in step, deadlines and links: shared by the services. */
export abstract class AdviesServiceBase {
  constructor(protected readonly d: AdviesServiceDeps) {}

  protected now(): string {
    return this.d.clock.now().toISOString();
  }

  protected async load(id: string): Promise<AdviesRequest> {
    const r = await this.d.repo.get(id);
    if (!r) throw errors.notFound();
    return r;
  }

  /**
   * An etag-guarded change; `change` returns undefined for "nothing to do" (a retried click). The
   * request's figure follows every change, and a closed request starts its expiry.
   */
  protected async change(
    id: string,
    change: (r: AdviesRequest) => AdviesRequest | undefined,
  ): Promise<{ request: AdviesRequest; changed: boolean }> {
    const result = await this.d.repo.update(id, change, (next) => this.ttlFor(next));
    if (!result) throw errors.notFound();
    if (result.changed) await this.record(result.request);
    return result;
  }

  protected async record(r: AdviesRequest): Promise<void> {
    await this.d.repo.putFigure(
      r.id,
      figureOf(r, this.d.org.timeZone, r.joined ?? 0, this.d.org.adviesGrades),
    );
  }

  /**
   * Declined and closed requests go `adviesRetentionDays` after closing; an advised one also if the
   * requester never answers the follow-up (months later). Open ones are kept while the panel works on them.
   */
  protected ttlFor(r: AdviesRequest): number | undefined {
    const keep = retentionSeconds(this.d.org.settings.adviesRetentionDays);
    if (r.status === 'declined' || r.status === 'closed') return keep;
    if (r.status === 'advised') return keep + this.d.org.settings.adviesFollowUpMonths * 31 * 86_400;
    return undefined;
  }

  /** A deadline date from a card: a real date, not before today. */
  protected futureDeadline(day: string): string {
    const deadline = endOfLocalDay(day, this.d.org.timeZone);
    if (!deadline) throw errors.invalidDate();
    if (deadline < this.now()) throw errors.deadlineInPast();
    return deadline;
  }

  protected checkLink(link: string | undefined): void {
    if (link !== undefined && !isHttpsUrl(link)) throw errors.badUrl();
  }

  protected checkCluster(clusterId: string): void {
    if (!this.d.org.cluster(clusterId)) throw errors.unknownCluster();
  }

  protected async seats(r: AdviesRequest) {
    if (r.status === 'open' || r.status === 'question' || r.status === 'declined' || r.unsolicitedBy)
      return undefined;
    try {
      return await this.d.signups.namedRoster(signupListId(r.id));
    } catch {
      // The list expired (90 days after the deadline): only the count on the request is left.
      return undefined;
    }
  }

  protected programmateam(): string[] {
    return this.d.org.idsWithRole('programmateam');
  }

  protected async nameOf(id: string | undefined): Promise<string | undefined> {
    if (!id) return undefined;
    return (await this.d.people.namesOf([id])).get(id.toLowerCase());
  }
}
