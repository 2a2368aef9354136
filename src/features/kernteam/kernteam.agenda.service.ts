import { days, type Clock } from '../../platform/clock';
import type { AgendaLine, AgendaSources } from '../../platform/agenda';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { keptName } from '../../platform/people/people-names';
import { renderAgendaCard } from './cards/agenda.card';
import { requireKernteam } from './kernteam.access';
import { kernteamErrors } from './kernteam.errors';
import { meetingOn, nextAgendaMeeting, nextMeeting, type Meeting } from './kernteam.meetings.rules';
import type { KernteamNotifier } from './kernteam.notifier';
import type { KernteamRepository } from './kernteam.repository';
import type { SignalService } from './kernteam.signals.service';
import type { AgendaPoint, Signal } from './kernteam.types';
import { kernteamJobs } from './kernteam.verbs';

export const agendaJobId = 'kernteam:agenda';
/** Points are kept a while after their meeting (for the minutes), then expire. */
const POINT_KEEP_DAYS_AFTER = 28;

export interface CompiledAgenda {
  meeting: Meeting;
  points: AgendaPoint[];
  overdueSignals: Array<{ signal: Signal; days: number }>;
  /** Lines from other features' sources (deps.agenda). */
  lines: AgendaLine[];
  failedSources: number;
}

/** The fortnightly kernteam meeting: points people add, and the compiled agenda two days before. */
export class AgendaService {
  constructor(
    private readonly repo: KernteamRepository,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly scheduler: Pick<Scheduler, 'schedule'>,
    private readonly sources: AgendaSources,
    private readonly signals: SignalService,
    private readonly notifier: KernteamNotifier,
    private readonly logger: Logger,
  ) {}

  private schedule() {
    const schedule = this.org.data.kernteamMeetings;
    if (!schedule) throw kernteamErrors.noMeetings();
    return schedule;
  }

  /** Makes sure the job for the next agenda exists; idempotent (same job id, same time). */
  async ensureScheduled(): Promise<Meeting | undefined> {
    if (!this.org.data.kernteamMeetings) return undefined;
    const meeting = nextAgendaMeeting(this.clock.now(), this.schedule(), this.org.timeZone);
    await this.scheduler.schedule({
      id: agendaJobId,
      kind: kernteamJobs.sendAgenda,
      runAt: meeting.agendaAt,
      payload: { meetingDate: meeting.date },
    });
    return meeting;
  }

  async view(actor: Actor): Promise<{ meeting: Meeting; points: AgendaPoint[] }> {
    requireKernteam(actor);
    const meeting = nextMeeting(this.clock.now(), this.schedule(), this.org.timeZone);
    return { meeting, points: await this.repo.agendaPoints(meeting.date) };
  }

  /** Adds a point to the next meeting; the form's id makes a retried click add it once. */
  async add(actor: Actor, formId: string, text: string, name: string | undefined): Promise<Meeting> {
    requireKernteam(actor);
    const meeting = nextMeeting(this.clock.now(), this.schedule(), this.org.timeZone);
    const keepSeconds =
      Math.ceil((meeting.startsAt.getTime() - this.clock.now().getTime()) / 1000) +
      (POINT_KEEP_DAYS_AFTER * days(1)) / 1000;
    await this.repo.addAgendaPoint(
      {
        pointId: formId,
        meetingDate: meeting.date,
        text,
        addedBy: actor.aadObjectId,
        addedByName: keptName(name ?? actor.person?.name),
        addedAt: this.clock.now().toISOString(),
      },
      keepSeconds,
    );
    await this.ensureScheduled();
    return meeting;
  }

  async compile(meetingDate: string): Promise<CompiledAgenda> {
    const now = this.clock.now();
    const meeting = meetingOn(meetingDate, this.schedule(), this.org.timeZone);
    const { lines, failed } = await this.sources.lines(now);
    return {
      meeting,
      points: await this.repo.agendaPoints(meetingDate),
      overdueSignals: await this.signals.overdue(now),
      lines,
      failedSources: failed,
    };
  }

  /** The job: the compiled agenda to the kernteam and the programmateam, then the next one is planned. */
  async send(meetingDate: string): Promise<void> {
    if (!this.org.data.kernteamMeetings) {
      this.logger.warn({ meetingDate }, 'kernteam.agenda_skipped_no_meetings');
      return;
    }
    const agenda = await this.compile(meetingDate);
    const to = [...this.org.idsWithRole('kernteamlid'), ...this.org.idsWithRole('programmateam')];
    await this.notifier.send(
      `kernteam:agenda:${meetingDate}`,
      'kernteam.agenda',
      to,
      (text) => renderAgendaCard(text, { ...agenda, sent: true }),
      'kernteam.agenda.summary',
    );
    this.logger.info(
      { meetingDate, points: agenda.points.length, lines: agenda.lines.length, to: to.length },
      'kernteam.agenda_sent',
    );
    await this.ensureScheduled();
  }
}
