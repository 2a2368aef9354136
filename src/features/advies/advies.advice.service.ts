import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Actor } from '../../platform/org/organisation';
import { assertProgrammateam, mayAdvise } from './advies.access';
import { errors } from './advies.errors';
import { endOfLocalDay, newRequestCode } from './advies.rules';
import type { UnsolicitedInput } from './advies.schemas';
import type { AdviesRequest } from './advies.types';
import { adviesJobs } from './advies.verbs';
import { AdviesServiceBase, type AdviesServiceDeps } from './advies.shared.service';

export const followUpJobId = (requestId: string) => `advies.followUp.${requestId}`;

/** Advies uitbrengen (on a request, or unsolicited) and, months later, asking what was done with it. */
export class AdviesAdviceService extends AdviesServiceBase {
  constructor(
    d: AdviesServiceDeps,
    private readonly scheduler: Scheduler,
  ) {
    super(d);
  }

  async advise(actor: Actor, id: string, summary: string, link: string | undefined): Promise<AdviesRequest> {
    this.checkLink(link);
    const before = await this.load(id);
    if (!mayAdvise(actor, before)) throw errors.forbidden();
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'advised' && r.advice?.summary === summary) return undefined;
      if (r.status !== 'accepted') throw errors.notAccepted();
      const advice = { summary, ...(link ? { link } : {}), at: this.now(), by: actor.aadObjectId };
      return { ...r, status: 'advised', advice };
    });
    if (changed) await this.delivered(request, 'advice');
    return request;
  }

  /**
   * Ongevraagd advies: recorded without a request and sent to the addressee, who is then treated as the
   * requester (they see it, and are asked what was done with it). The id comes from the people picker:
   * a real person (organisation file or directory), never the actor.
   */
  async unsolicited(actor: Actor, input: UnsolicitedInput): Promise<AdviesRequest> {
    assertProgrammateam(actor);
    this.checkCluster(input.clusterId);
    this.checkLink(input.link);
    const addressee = input.addresseeId.toLowerCase();
    if (addressee === actor.aadObjectId || !(await this.nameOf(addressee))) throw errors.unknownPerson();
    const now = this.now();
    const r: AdviesRequest = {
      id: randomUUID(),
      code: newRequestCode(),
      kind: 'advies',
      subject: input.subject,
      clusterId: input.clusterId,
      ask: '',
      deadline: endOfLocalDay(now.slice(0, 10), this.d.org.timeZone) ?? now,
      requesterId: addressee,
      unsolicitedBy: actor.aadObjectId,
      status: 'advised',
      createdAt: now,
      answeredAt: now,
      advice: {
        summary: input.summary,
        ...(input.link ? { link: input.link } : {}),
        at: now,
        by: actor.aadObjectId,
      },
    };
    await this.d.repo.create(r, this.ttlFor(r));
    await this.record(r);
    await this.delivered(r, 'unsolicited');
    return r;
  }

  /** The follow-up job: the requester is asked, once, unless they already told. */
  async askFollowUp(requestId: string): Promise<void> {
    const r = await this.d.repo.get(requestId);
    if (!r || r.status !== 'advised') return;
    await this.d.notifier.notice([r.requesterId], 'followUpAsked', { request: r }, 'followUp');
  }

  private async delivered(r: AdviesRequest, kind: 'advice' | 'unsolicited'): Promise<void> {
    await this.d.notifier.notice([r.requesterId], kind, { request: r }, 'advised');
    const months = this.d.org.settings.adviesFollowUpMonths;
    const runAt = DateTime.fromJSDate(this.d.clock.now()).plus({ months }).toJSDate();
    await this.scheduler.schedule({
      id: followUpJobId(r.id),
      kind: adviesJobs.followUp,
      runAt,
      payload: { requestId: r.id },
    });
    this.d.log.info({ requestId: r.id, kind, followUpMonths: months }, 'advies delivered');
  }
}
