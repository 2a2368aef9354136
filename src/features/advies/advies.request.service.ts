import { randomUUID } from 'node:crypto';
import type { Actor } from '../../platform/org/organisation';
import type { RequestView } from './cards/request.card';
import { isProgrammateam, isRequester, mayAdvise, assertMayView } from './advies.access';
import { errors } from './advies.errors';
import { gradeFromForm } from './advies.grades.rules';
import { isOverdue, namesShownToRequester, newRequestCode } from './advies.rules';
import type { FollowUpOutcome, AdviesRequest } from './advies.types';
import type { SubmitInput } from './advies.schemas';
import { AdviesServiceBase } from './advies.shared.service';

/** The requester's side (ask, answer a question, say what was done with the advice) and the view. */
export class AdviesRequestService extends AdviesServiceBase {
  async create(actor: Actor, input: SubmitInput): Promise<AdviesRequest> {
    this.checkCluster(input.clusterId);
    this.checkLink(input.link);
    const deadline = this.futureDeadline(input.deadline);
    const { vacancy, roundDates, seats } = input;
    const grades = this.d.org.adviesGrades;
    const grade =
      input.kind === 'ws'
        ? gradeFromForm(grades, input, this.d.org.text(grades?.label, actor.locale))
        : 'missing';
    if (input.kind === 'ws' && (!vacancy || grade === 'missing' || !roundDates || !seats))
      throw errors.wsDetailsMissing();
    const r: AdviesRequest = {
      id: randomUUID(),
      code: newRequestCode(),
      kind: input.kind,
      subject: input.subject,
      clusterId: input.clusterId,
      ask: input.ask,
      deadline,
      ...(input.link ? { link: input.link } : {}),
      ...(input.kind === 'ws' && grade !== 'missing'
        ? { ws: { vacancy: vacancy!, ...grade, roundDates: roundDates!, seats: seats! } }
        : {}),
      requesterId: actor.aadObjectId,
      status: 'open',
      createdAt: this.now(),
    };
    await this.d.repo.create(r);
    await this.record(r);
    this.d.log.info({ requestId: r.id, kind: r.kind }, 'advies request created');
    await this.d.notifier.notice([r.requesterId], 'received', { request: r }, 'created');
    await this.d.notifier.notice(this.programmateam(), 'newRequest', { request: r }, 'created');
    return r;
  }

  async mine(actor: Actor): Promise<AdviesRequest[]> {
    return this.d.repo.byRequester(actor.aadObjectId);
  }

  /** The requester answers the programmateam's question; the request goes back to the queue. */
  async answer(actor: Actor, id: string, answer: string): Promise<AdviesRequest> {
    const before = await this.load(id);
    if (!isRequester(actor, before)) throw errors.notYourRequest();
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'open' && r.answer === answer) return undefined;
      if (r.status !== 'question') throw errors.noQuestion();
      return { ...r, status: 'open', answer };
    });
    if (changed)
      await this.d.notifier.notice(this.programmateam(), 'answered', { request }, `answer.${this.now()}`);
    return request;
  }

  /** Closing the loop: opgevolgd / deels / niet, with one line; the request closes and starts its expiry. */
  async followUp(actor: Actor, id: string, outcome: FollowUpOutcome, line: string): Promise<AdviesRequest> {
    const before = await this.load(id);
    if (!isRequester(actor, before)) throw errors.notYourRequest();
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'closed' && r.followUp?.outcome === outcome && r.followUp.line === line)
        return undefined;
      if (r.status !== 'advised') throw errors.notAdvised();
      return { ...r, status: 'closed', followUp: { outcome, line, at: this.now() }, closedAt: this.now() };
    });
    if (changed) await this.d.notifier.notice(this.programmateam(), 'followedUp', { request }, 'closed');
    return request;
  }

  /** The request as this viewer may see it, with the actions open to them. */
  async view(actor: Actor, id: string, banner?: string): Promise<RequestView> {
    const r = await this.load(id);
    assertMayView(actor, r);
    const pt = isProgrammateam(actor);
    const panel = mayAdvise(actor, r);
    const open = r.status === 'open' || r.status === 'question';
    const roster = await this.seats(r);
    let joinedNames: string[] | undefined;
    if (roster && (panel || (isRequester(actor, r) && namesShownToRequester(r.kind)))) {
      // The panel sees every volunteer; the requester only those who agreed to share their name.
      const ids = panel ? roster.attending : roster.attending.filter((v) => roster.names.has(v));
      const names = await this.d.people.namesOf(ids, roster.names);
      joinedNames = ids.map((v) => names.get(v) ?? '').filter(Boolean);
    }
    const kernteam = pt ? this.d.org.idsWithRole('kernteamlid') : [];
    const kernteamNames = await this.d.people.namesOf(kernteam);
    return {
      request: r,
      can: {
        triage: pt && open,
        deadline: pt && (open || r.status === 'accepted'),
        answer: isRequester(actor, r) && r.status === 'question',
        advise: panel && r.status === 'accepted',
        followUp: isRequester(actor, r) && r.status === 'advised',
        queue: pt,
      },
      overdue: isOverdue(r, this.d.clock.now()),
      requesterName: panel ? ((await this.nameOf(r.requesterId)) ?? '') : undefined,
      takenByName: r.takenBy ? ((await this.nameOf(r.takenBy)) ?? '') : undefined,
      joinedNames,
      seats: roster
        ? { attending: roster.attending.length, capacity: r.ws?.seats ?? null }
        : r.joined !== undefined
          ? { attending: r.joined, capacity: r.ws?.seats ?? null }
          : undefined,
      kernteam: kernteam.map((k) => ({ id: k, name: kernteamNames.get(k) ?? '' })),
      banner,
    };
  }
}
