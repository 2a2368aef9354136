import type { Clock } from '../../platform/clock';
import type { I18n } from '../../platform/i18n/i18n';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireManager } from './sturingsgesprek.access';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { QuestionSetsService } from './sturingsgesprek.question-sets.service';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import type { RoundNotifier } from './sturingsgesprek.round.notifier';
import type { ScheduleForm } from './sturingsgesprek.schemas';
import type { RoundDoc, ScheduleDoc } from './sturingsgesprek.types';
import { jobIds, sturingsgesprekJobs } from './sturingsgesprek.verbs';
import { addDays, addMonths, localInstant, monthYear } from './sturingsgesprek.time.format';

const OPENING_TIME = '09:00';
const DEADLINE_TIME = '17:00';

/** The next opening date after `after` (yyyy-mm-dd) whose opening is still ahead of `now`. */
export function nextOccurrence(
  s: Pick<ScheduleDoc, 'mode' | 'cadenceMonths' | 'startDate' | 'dates' | 'lastOccurrence'>,
  now: string,
  zone: string,
): string | undefined {
  const candidates =
    s.mode === 'dates'
      ? [...s.dates].sort()
      : Array.from({ length: 200 }, (_, k) => addMonths(s.startDate, k * s.cadenceMonths));
  return candidates.find(
    (d) => (!s.lastOccurrence || d > s.lastOccurrence) && (localInstant(d, OPENING_TIME, zone) ?? '') > now,
  );
}

export function defaultSchedule(actorId: string, now: string, sequence: string[]): ScheduleDoc {
  return {
    active: false,
    mode: 'cadence',
    cadenceMonths: 4,
    startDate: now.slice(0, 10),
    dates: [],
    setSequence: sequence,
    answerDays: 21,
    leadDays: 7,
    roundsMade: 0,
    updatedBy: actorId,
    updatedAt: now,
    revision: 0,
  };
}

/**
 * Rounds on their own: every 3 or 4 months or on listed dates. A job makes the next round as a draft
 * `leadDays` before it opens and asks the DIG office to confirm; nothing goes to directors until then.
 */
export class ScheduleService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly i18n: I18n,
    private readonly sets: QuestionSetsService,
    private readonly notifier: RoundNotifier,
    private readonly scheduler: Scheduler,
  ) {}

  private get zone() {
    return this.org.timeZone;
  }

  async get(actor: Actor): Promise<ScheduleDoc> {
    requireManager(actor);
    return (
      (await this.repo.getSchedule()) ??
      defaultSchedule(actor.aadObjectId, this.clock.now().toISOString(), ['kwartaal-1', 'kwartaal-2'])
    );
  }

  async save(actor: Actor, form: ScheduleForm): Promise<{ schedule: ScheduleDoc; next?: string }> {
    requireManager(actor);
    const sequence = form.setSequence
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const id of sequence) if (!(await this.sets.resolve(id))) throw errors.unknownSet();
    const dates = [...new Set(form.dates.split(/[,;\s]+/).filter(Boolean))].sort();
    if (dates.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || !localInstant(d, OPENING_TIME, this.zone)))
      throw errors.badDate();
    if (form.mode === 'dates' ? !dates.length : !form.startDate) throw errors.badDate();
    const now = this.clock.now().toISOString();
    const schedule = await this.repo.updateSchedule((current) => {
      const base = current ?? defaultSchedule(actor.aadObjectId, now, sequence);
      const next: ScheduleDoc = {
        ...base,
        active: form.active,
        mode: form.mode === 'dates' ? 'dates' : 'cadence',
        cadenceMonths: form.mode === 'cadence3' ? 3 : 4,
        startDate: form.startDate || base.startDate,
        dates,
        setSequence: sequence,
        answerDays: form.answerDays,
        leadDays: form.leadDays,
        updatedBy: actor.aadObjectId,
        updatedAt: now,
        revision: base.revision + 1,
      };
      return { kind: 'write', data: next, result: next };
    });
    const next = await this.plan(schedule);
    this.logger.info(
      { active: schedule.active, mode: schedule.mode, next: next ?? null },
      'sturingsgesprek schedule saved',
    );
    return { schedule, next };
  }

  /** (Re)schedules the one job that makes the next round; the same job id moves it. */
  private async plan(schedule: ScheduleDoc): Promise<string | undefined> {
    const now = this.clock.now().toISOString();
    const occurrence = schedule.active ? nextOccurrence(schedule, now, this.zone) : undefined;
    if (!occurrence) {
      await this.scheduler.cancel(jobIds.schedule);
      return undefined;
    }
    const prepareAt = localInstant(
      addDays(occurrence, -schedule.leadDays),
      OPENING_TIME,
      this.zone,
    ) as string;
    const runAt = new Date(prepareAt > now ? prepareAt : now);
    await this.scheduler.schedule({
      id: jobIds.schedule,
      kind: sturingsgesprekJobs.schedule,
      runAt,
      payload: { occurrence },
    });
    return occurrence;
  }

  /** The job: make the draft round for `occurrence`, ask for confirmation, plan the next one. */
  async prepare(occurrence: string): Promise<RoundDoc | undefined> {
    const schedule = await this.repo.getSchedule();
    if (!schedule?.active) return undefined;
    if (schedule.lastOccurrence && occurrence <= schedule.lastOccurrence) {
      await this.plan(schedule);
      return undefined;
    }
    const setId = schedule.setSequence[schedule.roundsMade % schedule.setSequence.length];
    const set = setId ? await this.sets.resolve(setId) : undefined;
    if (!set) {
      this.logger.warn(
        { occurrence, code: 'SET_MISSING' },
        'sturingsgesprek schedule: set not found, round skipped',
      );
      return undefined;
    }
    const locale = this.org.defaultLocale;
    const now = this.clock.now().toISOString();
    const { round } = await this.repo.createRound({
      roundId: `s-${occurrence}`,
      status: 'draft',
      setId: set.setId,
      setName: set.name,
      questions: set.questions,
      periodLabel: this.i18n.t(locale, 'sturingsgesprek.periodLabel', monthYear(occurrence, locale)),
      opensAt: localInstant(occurrence, OPENING_TIME, this.zone) as string,
      deadline: localInstant(addDays(occurrence, schedule.answerDays), DEADLINE_TIME, this.zone) as string,
      includeDepartments: false,
      reminderDays: this.org.settings.sturingsgesprekReminderDays,
      units: [],
      createdBy: 'schedule',
      createdAt: now,
      updatedAt: now,
      occurrence,
      revision: 1,
    });
    await this.notifier.sendConfirmRequest(round);
    const updated = await this.repo.updateSchedule((current) => {
      if (!current) return { kind: 'skip', result: schedule };
      if (current.lastOccurrence && current.lastOccurrence >= occurrence)
        return { kind: 'skip', result: current };
      const next: ScheduleDoc = {
        ...current,
        lastOccurrence: occurrence,
        roundsMade: current.roundsMade + 1,
      };
      return { kind: 'write', data: next, result: next };
    });
    await this.plan(updated);
    this.logger.info({ roundId: round.roundId }, 'sturingsgesprek scheduled round drafted');
    return round;
  }
}
