import { days, minutes, type Clock } from '../../platform/clock';
import {
  satisfactionPollJobKind,
  type SatisfactionPollJob,
} from '../../platform/contracts/satisfaction-poll.job';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Downloads } from '../../platform/downloads';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { PeopleNames } from '../../platform/people/people-names';
import type { SignupService } from '../../platform/signups';
import type { AtelierAdminService } from './kennisatelier.admin.service';
import { errors } from './kennisatelier.errors';
import { pollJobId } from './kennisatelier.timers.service';
import { signupListId, type AtelierRepository } from './kennisatelier.repository';
import type { MarkAttendanceInput } from './kennisatelier.schemas';
import type { Atelier, AttendanceChoices, NamedPerson, RosterView } from './kennisatelier.types';
import { kennisatelierFiles } from './kennisatelier.verbs';

/** Names, export and attendance: organisers only (checked here, on every call). */
export class AtelierRosterService {
  constructor(
    private readonly repo: AtelierRepository,
    private readonly signups: SignupService,
    private readonly admin: AtelierAdminService,
    private readonly scheduler: Scheduler,
    private readonly downloads: Downloads,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly people: PeopleNames,
    private readonly log: Logger,
  ) {}

  /**
   * Everyone on an atelier's list with a name: the one kept with their seat, else the organisation
   * file, a recent turn or the directory (one bulk look-up). Nobody's id stands in for a name.
   */
  async namedRoster(atelier: Atelier): Promise<{ attending: NamedPerson[]; waitlist: NamedPerson[] }> {
    const roster = await this.signups.namedRoster(signupListId(atelier.id));
    const names = await this.people.namesOf([...roster.attending, ...roster.waitlist], roster.names);
    const named = (ids: string[]) => ids.map((id) => ({ id, name: names.get(id) }));
    return { attending: named(roster.attending), waitlist: named(roster.waitlist) };
  }

  async roster(actor: Actor, atelierId: string): Promise<RosterView> {
    const atelier = await this.admin.requireOrganised(actor, atelierId);
    const listId = signupListId(atelier.id);
    const [summary, roster] = await Promise.all([this.signups.summary(listId), this.namedRoster(atelier)]);
    this.log.info({ atelierId, actor: actor.aadObjectId }, 'atelier roster viewed');
    return {
      atelier,
      summary,
      ...roster,
      csvUrl: this.downloads.link(kennisatelierFiles.csv, atelier.id, actor.aadObjectId),
    };
  }

  /** Who can be ticked: everyone with a seat; pre-ticked: the earlier record, or all of them. */
  async attendanceChoices(actor: Actor, atelierId: string): Promise<AttendanceChoices> {
    const atelier = await this.heldAtelier(actor, atelierId);
    const { attending } = await this.namedRoster(atelier);
    const selected = atelier.attendance?.attendeeIds ?? attending.map((p) => p.id);
    return { atelier, people: attending, selected };
  }

  /**
   * Records who attended and schedules the satisfaction poll for them (polls owns the poll). Marking
   * again replaces the record and moves the same poll job: one poll per atelier.
   */
  async markAttendance(
    actor: Actor,
    input: MarkAttendanceInput,
  ): Promise<{ atelier: Atelier; count: number; pollAt: Date }> {
    const held = await this.heldAtelier(actor, input.atelierId);
    const { attending } = await this.signups.roster(signupListId(held.id));
    const chosen = input.everyone ? attending : input.attendees.map((a) => a.toLowerCase());
    if (chosen.some((id) => !attending.includes(id))) throw errors.unknownAttendee();
    const { settings } = this.org;
    const now = this.clock.now();
    const pollAt = new Date(
      Math.max(
        now.getTime(),
        new Date(held.endsAt).getTime() + minutes(settings.pollDelayMinutesAfterAtelier),
      ),
    );
    const atelier = await this.repo.update(held.id, (cur) => ({
      ...cur,
      attendance: {
        markedBy: actor.aadObjectId,
        markedAt: now.toISOString(),
        attendeeIds: chosen,
        pollAt: pollAt.toISOString(),
      },
      updatedAt: now.toISOString(),
    }));
    if (!atelier) throw errors.notFound();
    if (chosen.length) {
      const payload: SatisfactionPollJob = {
        sourceId: atelier.id,
        title: atelier.title,
        heldAt: atelier.startsAt,
        attendeeIds: chosen,
        organiserIds: [atelier.createdBy],
        closesAt: new Date(pollAt.getTime() + days(settings.pollOpenDays)).toISOString(),
      };
      await this.scheduler.schedule({
        id: pollJobId(atelier.id),
        kind: satisfactionPollJobKind,
        runAt: pollAt,
        payload,
      });
    } else {
      await this.scheduler.cancel(pollJobId(atelier.id));
    }
    this.log.info({ atelierId: atelier.id, attendees: chosen.length }, 'atelier attendance recorded');
    return { atelier, count: chosen.length, pollAt };
  }

  private async heldAtelier(actor: Actor, atelierId: string): Promise<Atelier> {
    const atelier = await this.admin.requireOrganised(actor, atelierId);
    if (atelier.status === 'cancelled') throw errors.cancelled();
    if (this.clock.now().toISOString() < atelier.startsAt) throw errors.notYetHeld();
    return atelier;
  }
}
