import { days, minutes } from '../../platform/clock';
import { satisfactionPollJobKind, type SatisfactionPollJob } from '../../platform/contracts/satisfaction-poll.job';
import type { Actor } from '../../platform/org/organisation';
import type { NamedPerson } from './cards/atelier-roster.card';
import type { AtelierContext } from './kennisatelier.context';
import { atelierError } from './kennisatelier.errors';
import type { SeatSummary } from './kennisatelier.format';
import { signupListId, type Atelier } from './kennisatelier.repository';
import type { AtelierAdminService } from './kennisatelier.admin.service';
import type { MarkAttendanceInput } from './kennisatelier.schemas';
import { kennisatelierFiles } from './kennisatelier.verbs';

export const pollJobId = (atelierId: string) => `kennisatelier.${atelierId}.poll`;

export interface RosterView {
  atelier: Atelier;
  summary: SeatSummary;
  attending: NamedPerson[];
  waitlist: NamedPerson[];
  csvUrl: string;
}

/** Names, export and attendance: organisers only (checked here, on every call). */
export class AtelierRosterService {
  constructor(
    private readonly ctx: AtelierContext,
    private readonly admin: AtelierAdminService,
  ) {}

  /** Names from the org file; someone not in it is shown by id. */
  named(ids: readonly string[]): NamedPerson[] {
    return ids.map((id) => ({ id, name: this.ctx.deps.org.person(id)?.name ?? id }));
  }

  async roster(actor: Actor, atelierId: string): Promise<RosterView> {
    const atelier = await this.admin.requireOrganised(actor, atelierId);
    const listId = signupListId(atelier.id);
    const [summary, roster] = await Promise.all([this.ctx.signups.summary(listId), this.ctx.signups.roster(listId)]);
    this.ctx.log.info({ atelierId, actor: actor.aadObjectId }, 'atelier roster viewed');
    return {
      atelier,
      summary,
      attending: this.named(roster.attending),
      waitlist: this.named(roster.waitlist),
      csvUrl: this.ctx.deps.downloads.link(kennisatelierFiles.csv, atelier.id, actor.aadObjectId),
    };
  }

  /** Who can be ticked: everyone with a seat; pre-ticked: the earlier record, or all of them. */
  async attendanceChoices(actor: Actor, atelierId: string): Promise<{ atelier: Atelier; people: NamedPerson[]; selected: string[] }> {
    const atelier = await this.heldAtelier(actor, atelierId);
    const { attending } = await this.ctx.signups.roster(signupListId(atelier.id));
    return { atelier, people: this.named(attending), selected: atelier.attendance?.attendeeIds ?? attending };
  }

  /**
   * Records who attended and schedules the satisfaction poll for them (polls owns the poll). Marking
   * again replaces the record and moves the same poll job: one poll per atelier.
   */
  async markAttendance(actor: Actor, input: MarkAttendanceInput): Promise<{ atelier: Atelier; count: number; pollAt: Date }> {
    const held = await this.heldAtelier(actor, input.atelierId);
    const { attending } = await this.ctx.signups.roster(signupListId(held.id));
    const chosen = input.everyone ? attending : input.attendees.map((a) => a.toLowerCase());
    if (chosen.some((id) => !attending.includes(id))) throw atelierError('unknownAttendee');
    const { clock, org, scheduler } = this.ctx.deps;
    const now = clock.now();
    const pollAt = new Date(Math.max(now.getTime(), new Date(held.endsAt).getTime() + minutes(org.settings.pollDelayMinutesAfterAtelier)));
    const atelier = await this.ctx.repo.update(held.id, (cur) => ({
      ...cur,
      attendance: { markedBy: actor.aadObjectId, markedAt: now.toISOString(), attendeeIds: chosen, pollAt: pollAt.toISOString() },
      updatedAt: now.toISOString(),
    }));
    if (!atelier) throw atelierError('notFound');
    if (chosen.length) {
      const payload: SatisfactionPollJob = {
        sourceId: atelier.id,
        title: atelier.title,
        heldAt: atelier.startsAt,
        attendeeIds: chosen,
        organiserIds: [atelier.createdBy],
        closesAt: new Date(pollAt.getTime() + days(org.settings.pollOpenDays)).toISOString(),
      };
      await scheduler.schedule({ id: pollJobId(atelier.id), kind: satisfactionPollJobKind, runAt: pollAt, payload });
    } else {
      await scheduler.cancel(pollJobId(atelier.id));
    }
    this.ctx.log.info({ atelierId: atelier.id, attendees: chosen.length }, 'atelier attendance recorded');
    return { atelier, count: chosen.length, pollAt };
  }

  private async heldAtelier(actor: Actor, atelierId: string): Promise<Atelier> {
    const atelier = await this.admin.requireOrganised(actor, atelierId);
    if (atelier.status === 'cancelled') throw atelierError('cancelled');
    if (this.ctx.deps.clock.now().toISOString() < atelier.startsAt) throw atelierError('notYetHeld');
    return atelier;
  }
}
