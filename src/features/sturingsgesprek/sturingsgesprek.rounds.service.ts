import { activeDoorbraken } from './sturingsgesprek.doorbraken.rules';
import type { DoorbrakenService } from './sturingsgesprek.doorbraken.service';
import type { Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireManager, unitsOf } from './sturingsgesprek.access';
import { acceptsAnswers } from './sturingsgesprek.answers.rules';
import { sturingsgesprekErrors as errors } from './sturingsgesprek.errors';
import type { RoundPeople } from './sturingsgesprek.people.service';
import type { QuestionSetsService } from './sturingsgesprek.question-sets.service';
import type { SturingsgesprekRepository } from './sturingsgesprek.repository';
import { broadcastIds, type RoundNotifier } from './sturingsgesprek.round.notifier';
import type { RoundForm } from './sturingsgesprek.schemas';
import { isUnreached } from './sturingsgesprek.reach.rules';
import type { RoundDoc, RoundStatusView, SheetDoc, StatusRow, UnitSnapshot } from './sturingsgesprek.types';
import { jobIds, sturingsgesprekJobs } from './sturingsgesprek.verbs';
import { localInstant, reminderAt } from './sturingsgesprek.time.format';

/** Rounds from the DIG office's side: make, confirm, open, remind, close, follow up. */
export class RoundsService {
  constructor(
    private readonly repo: SturingsgesprekRepository,
    private readonly org: Organisation,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly sets: QuestionSetsService,
    private readonly notifier: RoundNotifier,
    private readonly scheduler: Scheduler,
    private readonly people: RoundPeople,
    private readonly doorbraken: Pick<DoorbrakenService, 'current'>,
  ) {}

  private get zone() {
    return this.org.timeZone;
  }

  async overview(actor: Actor): Promise<Array<{ round: RoundDoc; submitted: number }>> {
    requireManager(actor);
    const rounds = (await this.repo.recentRounds(10)).filter((r) => r.status !== 'cancelled');
    return Promise.all(
      rounds.map(async (round) => ({
        round,
        submitted:
          round.status === 'open' || round.status === 'closed'
            ? (await this.repo.sheets(round.roundId)).filter((s) => s.state === 'submitted').length
            : 0,
      })),
    );
  }

  async get(actor: Actor, roundId: string): Promise<RoundDoc> {
    requireManager(actor);
    const round = await this.repo.getRound(roundId);
    if (!round) throw commonErrors.notFound();
    return round;
  }

  /** Creates a draft (id from the card's token, so a retried click makes one round) or edits one. */
  async save(actor: Actor, form: RoundForm): Promise<RoundDoc> {
    requireManager(actor);
    const set = await this.sets.resolve(form.setId);
    if (!set) throw errors.unknownSet();
    const opensAt = localInstant(form.opensOn, form.opensTime, this.zone);
    const deadline = localInstant(form.deadlineOn, form.deadlineTime, this.zone);
    if (!opensAt || !deadline) throw errors.badDate();
    if (deadline <= opensAt) throw errors.deadlineBeforeOpening();
    if (deadline <= this.clock.now().toISOString()) throw errors.deadlinePassed();
    const now = this.clock.now().toISOString();
    const fields = {
      setId: set.setId,
      setName: set.name,
      questions: set.questions,
      periodLabel: form.periodLabel,
      opensAt,
      deadline,
      includeDepartments: form.includeDepartments,
      reminderDays: form.reminderDays.length
        ? form.reminderDays
        : this.org.settings.sturingsgesprekReminderDays,
      updatedAt: now,
    };
    if (!form.roundId) {
      const { round } = await this.repo.createRound({
        ...fields,
        roundId: `m-${form.token}`,
        status: 'draft',
        units: [],
        createdBy: actor.aadObjectId,
        createdAt: now,
        revision: 1,
      });
      this.logger.info({ roundId: round.roundId }, 'sturingsgesprek round drafted');
      return round;
    }
    const round = await this.repo.updateRound(form.roundId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.status !== 'draft' && current.status !== 'scheduled') throw errors.notEditable();
      const next: RoundDoc = { ...current, ...fields, status: 'draft', revision: current.revision + 1 };
      return { kind: 'write', data: next, result: next };
    });
    // Back to draft: it must be confirmed again before anything goes out.
    await this.scheduler.cancel(jobIds.open(round.roundId));
    return round;
  }

  /** "Versturen": opens now, or at the opening time. Repeating it changes nothing. */
  async confirm(actor: Actor, roundId: string): Promise<RoundDoc> {
    requireManager(actor);
    const round = await this.repo.updateRound(roundId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.status !== 'draft') return { kind: 'skip', result: current };
      if (current.deadline <= this.clock.now().toISOString()) throw errors.deadlinePassed();
      const next: RoundDoc = {
        ...current,
        status: 'scheduled',
        revision: current.revision + 1,
        updatedAt: this.clock.now().toISOString(),
      };
      return { kind: 'write', data: next, result: next };
    });
    if (round.status !== 'scheduled') return round;
    this.logger.info({ roundId }, 'sturingsgesprek round confirmed');
    if (round.opensAt <= this.clock.now().toISOString()) return this.open(roundId);
    await this.scheduler.schedule({
      id: jobIds.open(roundId),
      kind: sturingsgesprekJobs.open,
      runAt: new Date(round.opensAt),
      payload: { roundId },
    });
    return round;
  }

  async cancel(actor: Actor, roundId: string): Promise<RoundDoc> {
    requireManager(actor);
    const round = await this.repo.updateRound(roundId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.status === 'cancelled') return { kind: 'skip', result: current };
      if (current.status !== 'draft' && current.status !== 'scheduled') throw errors.notEditable();
      const next: RoundDoc = { ...current, status: 'cancelled', revision: current.revision + 1 };
      return { kind: 'write', data: next, result: next };
    });
    await this.scheduler.cancel(jobIds.open(roundId));
    return round;
  }

  /** Opening: the units are fixed from the org file, sheets made, cards sent, reminders and close planned. */
  async open(roundId: string): Promise<RoundDoc> {
    const now = this.clock.now().toISOString();
    // The round keeps the doorbraken as they are now; later edits of the list reach the next round only.
    const doorbraken = activeDoorbraken(await this.doorbraken.current());
    const round = await this.repo.updateRound(roundId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.status !== 'scheduled') return { kind: 'skip', result: current };
      const units = unitsOf(this.org, current.includeDepartments);
      const next: RoundDoc = {
        ...current,
        status: 'open',
        units,
        doorbraken,
        openedAt: now,
        revision: current.revision + 1,
      };
      return { kind: 'write', data: next, result: next };
    });
    // A re-run after a crash finds the round open and finishes the rest; every step below is idempotent.
    if (round.status !== 'open') return round;
    await this.repo.createSheets(
      round.units.map((u) => ({
        roundId,
        unitId: u.unitId,
        state: 'notOpened',
        answers: {},
        revision: 0,
        deputyAssignments: 0,
      })),
    );
    await this.notifier.sendRoundCards(round);
    for (const days of round.reminderDays) {
      const runAt = reminderAt(round.deadline, days, this.zone);
      if (runAt > now && runAt < round.deadline) {
        await this.scheduler.schedule({
          id: jobIds.reminder(roundId, days),
          kind: sturingsgesprekJobs.reminder,
          runAt: new Date(runAt),
          payload: { roundId, days },
        });
      }
    }
    await this.scheduler.schedule({
      id: jobIds.close(roundId),
      kind: sturingsgesprekJobs.close,
      runAt: new Date(round.deadline),
      payload: { roundId },
    });
    this.logger.info({ roundId, units: round.units.length }, 'sturingsgesprek round opened');
    return round;
  }

  /** A reminder step of the ladder: only to units that have not submitted. */
  async remind(roundId: string, days: number): Promise<number> {
    const round = await this.repo.getRound(roundId);
    if (!round || !acceptsAnswers(round, this.clock.now())) return 0;
    const pending = await this.pending(round);
    const sent = await this.notifier.sendReminder(
      round,
      pending,
      broadcastIds.reminder(roundId, days),
      'reminder',
      // On the deadline day a reminder held until tomorrow would come too late (docs/calendar.md).
      days === 0 ? 'urgent' : 'normal',
    );
    this.logger.info({ roundId, days, units: pending.length, recipients: sent }, 'sturingsgesprek reminder');
    return sent;
  }

  async close(roundId: string): Promise<void> {
    const round = await this.repo.updateRound(roundId, (current) => {
      if (!current) throw commonErrors.notFound();
      if (current.status !== 'open') return { kind: 'skip', result: current };
      const next: RoundDoc = {
        ...current,
        status: 'closed',
        closedAt: this.clock.now().toISOString(),
        revision: current.revision + 1,
      };
      return { kind: 'write', data: next, result: next };
    });
    if (round.status !== 'closed') return;
    const sheets = await this.repo.sheets(roundId);
    await this.notifier.sendClosed(round, sheets);
    await this.notifier.closeDeliveredCards(round, sheets);
    this.logger.info(
      { roundId, submitted: sheets.filter((s) => s.state === 'submitted').length, units: round.units.length },
      'sturingsgesprek round closed',
    );
  }

  async status(actor: Actor, roundId: string): Promise<RoundStatusView> {
    const round = await this.get(actor, roundId);
    const sheets = await this.repo.sheets(roundId);
    const missed = await this.notifier.notReached(round, sheets);
    const rows = round.units.map((unit) => ({
      unit,
      sheet: sheets.find((s) => s.unitId === unit.unitId),
      notReached: missed.get(unit.unitId) ?? [],
    }));
    const names = await this.people.names(round.units, sheets);
    const submitted = sheets.filter((s) => s.state === 'submitted').length;
    return { round, rows, submitted, token: this.clock.now().getTime().toString(36), names };
  }

  /** "Herinneren": one unit or all late ones; the card's token makes a retried click a no-op. */
  async nudge(
    actor: Actor,
    roundId: string,
    target: string,
    token: string,
  ): Promise<{ view: RoundStatusView; units: number; unreachable: StatusRow[] }> {
    const round = await this.get(actor, roundId);
    if (!acceptsAnswers(round, this.clock.now())) throw errors.roundNotOpen();
    const pending = (await this.pending(round)).filter((p) => target === 'all' || p.unit.unitId === target);
    // Sent to everyone pending: someone not reached before may have opened the bot since.
    await this.notifier.sendReminder(
      round,
      pending,
      broadcastIds.nudge(roundId, token, target),
      'nudge',
      'normal',
    );
    this.logger.info(
      { roundId, target: target === 'all' ? 'all' : 'one', units: pending.length },
      'sturingsgesprek nudge',
    );
    const view = await this.status(actor, roundId);
    const pendingIds = new Set(pending.map((p) => p.unit.unitId));
    const unreachable = view.rows.filter((r) => pendingIds.has(r.unit.unitId) && isUnreached(r));
    return { view, units: pending.length, unreachable };
  }

  private async pending(round: RoundDoc): Promise<Array<{ unit: UnitSnapshot; sheet: SheetDoc }>> {
    const sheets = await this.repo.sheets(round.roundId);
    return round.units.flatMap((unit) => {
      const sheet = sheets.find((s) => s.unitId === unit.unitId);
      return sheet && sheet.state !== 'submitted' ? [{ unit, sheet }] : [];
    });
  }
}
