import { days } from '../../platform/clock';
import type { Actor } from '../../platform/org/organisation';
import type { QueueItem } from './cards/queue.card';
import { assertProgrammateam } from './advies.access';
import { errors } from './advies.errors';
import { signupListId } from './advies.repository';
import { isOverdue } from './advies.rules';
import type { AdviesRequest } from './advies.types';
import { AdviesServiceBase } from './advies.shared.service';

/** How long after its deadline a request's volunteer list (and the names kept with it) is kept. */
export const VOLUNTEER_LIST_KEEP_DAYS = 90;

const waiting = (r: AdviesRequest) => r.status === 'open' || r.status === 'question';

/** The programmateam's verbs: the queue, accept, decline, ask a question, move the deadline. */
export class AdviesTriageService extends AdviesServiceBase {
  async queue(actor: Actor): Promise<QueueItem[]> {
    assertProgrammateam(actor);
    const now = this.d.clock.now();
    return (await this.d.repo.inProgress()).map((request) => ({ request, overdue: isOverdue(request, now) }));
  }

  /** Open requests past their deadline without an answer, for the kernteam agenda. */
  async overdueRequests(now: Date): Promise<Array<{ code: string; subject: string; deadline: string }>> {
    return (await this.d.repo.inProgress())
      .filter((r) => isOverdue(r, now))
      .map(({ code, subject, deadline }) => ({ code, subject, deadline }));
  }

  /** Accept, with the kernteamlid who takes it; then "wie doet mee?" goes out. */
  async accept(actor: Actor, id: string, takenBy: string): Promise<AdviesRequest> {
    assertProgrammateam(actor);
    const kernteamlid = takenBy.toLowerCase();
    if (!this.d.org.idsWithRole('kernteamlid').includes(kernteamlid)) throw errors.notKernteamlid();
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'accepted' && r.takenBy === kernteamlid) return undefined;
      if (!waiting(r)) throw errors.notOpen();
      return { ...r, status: 'accepted', takenBy: kernteamlid, answeredAt: r.answeredAt ?? this.now() };
    });
    // Opened on a retried click too (idempotent): a crash after the change must not leave it without seats.
    const keepUntil = new Date(Date.parse(request.deadline) + days(VOLUNTEER_LIST_KEEP_DAYS)).toISOString();
    await this.d.signups.open(signupListId(request.id), { capacity: request.ws?.seats ?? null, keepUntil });
    if (!changed) return request;
    this.d.log.info({ requestId: id }, 'advies request accepted');
    const takenByName = (await this.nameOf(kernteamlid)) ?? '';
    await this.d.notifier.notice(
      [request.requesterId],
      'accepted',
      { request, names: [takenByName] },
      'accepted',
    );
    await this.d.notifier.notice([kernteamlid], 'taken', { request }, 'accepted');
    const audience = [
      ...this.d.org.idsWithRole('kernteamlid'),
      ...(request.kind === 'ws' ? this.d.org.wsPanelIds() : []),
    ];
    await this.d.notifier.askVolunteers(audience, {
      request,
      seats: { attending: 0, capacity: request.ws?.seats ?? null },
    });
    return request;
  }

  async decline(actor: Actor, id: string, reason: string): Promise<AdviesRequest> {
    assertProgrammateam(actor);
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'declined' && r.declineReason === reason) return undefined;
      if (!waiting(r)) throw errors.notOpen();
      const closedAt = this.now();
      return {
        ...r,
        status: 'declined',
        declineReason: reason,
        answeredAt: r.answeredAt ?? closedAt,
        closedAt,
      };
    });
    if (changed) await this.d.notifier.notice([request.requesterId], 'declined', { request }, 'declined');
    return request;
  }

  /** A question back: the requester answers on the request card, which puts it back in the queue. */
  async ask(actor: Actor, id: string, question: string): Promise<AdviesRequest> {
    assertProgrammateam(actor);
    const { request, changed } = await this.change(id, (r) => {
      if (r.status === 'question' && r.question === question) return undefined;
      if (!waiting(r)) throw errors.notOpen();
      const { answer: _previous, ...rest } = r;
      return { ...rest, status: 'question', question, answeredAt: r.answeredAt ?? this.now() };
    });
    if (changed)
      await this.d.notifier.notice([request.requesterId], 'question', { request }, `question.${this.now()}`);
    return request;
  }

  async setDeadline(actor: Actor, id: string, day: string): Promise<AdviesRequest> {
    assertProgrammateam(actor);
    const deadline = this.futureDeadline(day);
    const { request, changed } = await this.change(id, (r) => {
      if (r.deadline === deadline) return undefined;
      if (!waiting(r) && r.status !== 'accepted') throw errors.notOpen();
      return { ...r, deadline };
    });
    if (changed)
      await this.d.notifier.notice(
        [request.requesterId],
        'deadlineMoved',
        { request },
        `deadline.${deadline}`,
      );
    return request;
  }
}
