import type { Actor } from '../../platform/org/organisation';
import type { VolunteerView } from './cards/volunteer.card';
import { mayVolunteer } from './advies.access';
import { errors } from './advies.errors';
import { signupListId } from './advies.repository';
import { namesShownToRequester } from './advies.rules';
import { AdviesServiceBase } from './advies.shared.service';

/**
 * "Ik doe mee": a seat in the request's sign-up list (platform/signups), taken exactly: of two clicks for
 * the last seat one wins and the other lands on the reserve list and is told. A name is kept with the
 * seat only when the volunteer ticked "mijn naam mag gedeeld worden"; the requester sees only those.
 */
export class AdviesVolunteerService extends AdviesServiceBase {
  async volunteer(
    actor: Actor,
    id: string,
    shareName: boolean,
    name: string | undefined,
  ): Promise<VolunteerView> {
    const r = await this.load(id);
    if (!mayVolunteer(actor, r, this.d.org.wsPanelIds())) throw errors.forbidden();
    if (r.status !== 'accepted') throw errors.notAccepted();
    const listId = signupListId(r.id);
    const { status, changed } = await this.d.signups.signUp(
      listId,
      actor.aadObjectId,
      shareName ? name : undefined,
    );
    const summary = await this.d.signups.summary(listId);
    const seats = { attending: summary.attending, capacity: summary.capacity };
    if (changed && status.state === 'attending') {
      const { request } = await this.change(id, (cur) =>
        (cur.joined ?? 0) >= summary.attending ? undefined : { ...cur, joined: summary.attending },
      );
      const names = shareName && name && namesShownToRequester(r.kind) ? [name] : [];
      await this.d.notifier.notice([r.requesterId], 'joined', { request, names, seats }, actor.aadObjectId);
      this.d.log.info({ requestId: id, attending: summary.attending }, 'advies volunteer joined');
    }
    if (changed) {
      const roster = await this.d.signups.roster(listId);
      await this.d.notifier.refreshVolunteers({ request: r, seats }, roster);
    }
    return { request: r, seats, status, lostRace: changed && status.state === 'waitlisted' };
  }

  /** "Toch niet": gives the seat (or reserve place) back; the first on the reserve list moves up. */
  async withdraw(actor: Actor, id: string): Promise<VolunteerView> {
    const r = await this.load(id);
    if (!mayVolunteer(actor, r, this.d.org.wsPanelIds())) throw errors.forbidden();
    if (r.status !== 'accepted') throw errors.notAccepted();
    const listId = signupListId(r.id);
    const { changed } = await this.d.signups.cancel(listId, actor.aadObjectId);
    const summary = await this.d.signups.summary(listId);
    const seats = { attending: summary.attending, capacity: summary.capacity };
    if (changed) {
      const { request } = await this.change(id, (cur) =>
        cur.joined === summary.attending ? undefined : { ...cur, joined: summary.attending },
      );
      await this.d.notifier.notice(
        [r.requesterId],
        'left',
        { request, seats },
        `${actor.aadObjectId}.${this.now()}`,
      );
      await this.d.notifier.refreshVolunteers({ request: r, seats }, await this.d.signups.roster(listId));
      this.d.log.info({ requestId: id, attending: summary.attending }, 'advies volunteer withdrew');
    }
    return { request: r, seats, status: { state: 'none' } };
  }
}
