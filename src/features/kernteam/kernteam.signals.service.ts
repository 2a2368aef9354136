import { days, type Clock } from '../../platform/clock';
import type { Scheduler } from '../../platform/delivery/delivery.port';
import { commonErrors } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import { requireKernteam } from './kernteam.access';
import { kernteamErrors } from './kernteam.errors';
import { quarterOf } from './kernteam.figures.rules';
import type { KernteamRepository } from './kernteam.repository';
import type { AdviceRecordPayload, SignalLogPayload } from './kernteam.schemas';
import type { Advice, Signal } from './kernteam.types';
import { kernteamJobs } from './kernteam.verbs';

const open = (s: Signal) => s.status === 'ontvangen' || s.status === 'inOnderzoek';
const codeOf = (signalId: string) => `S-${signalId.slice(0, 5).toUpperCase()}`;

/** A signal without its free text: what is left after advice, closure or the retention. */
function withoutText(signal: Signal, at: string): Signal {
  const { text: _text, ...rest } = signal;
  return { ...rest, textDeletedAt: signal.text === undefined ? signal.textDeletedAt : at };
}

/**
 * Signals: logged by a kernteamlid, followed up by the kernteam and the programmateam. The free text
 * lives only while the signal is open, and never longer than the organisation's retention; every
 * signal is counted once in the quarter's figures, which outlive it.
 */
export class SignalService {
  constructor(
    private readonly repo: KernteamRepository,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly scheduler: Pick<Scheduler, 'schedule'>,
    private readonly logger: Logger,
  ) {}

  async log(actor: Actor, input: SignalLogPayload): Promise<{ signal: Signal; created: boolean }> {
    requireKernteam(actor);
    if (!this.org.data.signalTopics.some((t) => t.id === input.topic)) throw kernteamErrors.unknownTopic();
    if (input.cluster && !this.org.cluster(input.cluster)) throw kernteamErrors.unknownCluster();
    const now = this.clock.now();
    const signal: Signal = {
      signalId: input.formId,
      code: codeOf(input.formId),
      topic: input.topic,
      cluster: input.cluster,
      text: input.text,
      status: 'ontvangen',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const created = await this.repo.createSignal(signal);
    if (!created) return { signal: (await this.repo.signal(signal.signalId)) ?? signal, created };
    await this.repo.countSignal(quarterOf(now, this.org.timeZone), input.topic);
    await this.scheduler.schedule({
      id: `kernteam:signal-text:${signal.signalId}`,
      kind: kernteamJobs.expireSignalText,
      runAt: new Date(now.getTime() + days(this.org.settings.signalTextRetentionDays)),
      payload: { signalId: signal.signalId },
    });
    this.logger.info({ signalId: signal.signalId, topic: signal.topic }, 'kernteam.signal_logged');
    return { signal, created };
  }

  async list(actor: Actor): Promise<Signal[]> {
    requireKernteam(actor);
    return this.repo.signals();
  }

  async openSignals(actor: Actor): Promise<Signal[]> {
    return (await this.list(actor)).filter(open);
  }

  /** ontvangen → in onderzoek; any open signal or one with advice → afgesloten (the text goes). */
  async setStatus(actor: Actor, signalId: string, status: 'inOnderzoek' | 'afgesloten'): Promise<Signal> {
    requireKernteam(actor);
    const current = await this.repo.signal(signalId);
    if (!current) throw commonErrors.notFound();
    if (current.status === status) return current;
    const allowed =
      status === 'inOnderzoek' ? current.status === 'ontvangen' : current.status !== 'afgesloten';
    if (!allowed) throw kernteamErrors.statusChange();
    const at = this.clock.now().toISOString();
    const updated = await this.repo.updateSignal(signalId, (s) => {
      if (s.status === status) return undefined;
      const next = { ...s, status, updatedAt: at };
      return status === 'afgesloten'
        ? { next: withoutText(next, at), ttlSeconds: this.recordTtl() }
        : { next };
    });
    this.logger.info({ signalId, status }, 'kernteam.signal_status');
    return updated ?? (await this.repo.signal(signalId)) ?? current;
  }

  /** One advice for one or more open signals: each moves to "advies" and loses its free text. */
  async recordAdvice(actor: Actor, input: AdviceRecordPayload): Promise<Advice> {
    requireKernteam(actor);
    const existing = await this.repo.advice(input.formId);
    if (existing) return existing;
    const signals = await Promise.all(input.signalIds.map((id) => this.repo.signal(id)));
    if (signals.some((s) => !s || !open(s))) throw kernteamErrors.noSignals();
    const at = this.clock.now().toISOString();
    const advice: Advice = {
      adviceId: input.formId,
      summary: input.summary,
      signalIds: input.signalIds,
      createdAt: at,
      createdBy: actor.aadObjectId,
    };
    await this.repo.createAdvice(advice);
    for (const signalId of input.signalIds) {
      await this.repo.updateSignal(signalId, (s) =>
        open(s)
          ? {
              next: withoutText({ ...s, status: 'advies', adviceId: advice.adviceId, updatedAt: at }, at),
              ttlSeconds: this.recordTtl(),
            }
          : undefined,
      );
    }
    this.logger.info({ adviceId: advice.adviceId, signals: input.signalIds.length }, 'kernteam.advice');
    return advice;
  }

  async advice(adviceId: string): Promise<Advice | undefined> {
    return this.repo.advice(adviceId);
  }

  /** The retention job: the text goes whatever the status; the record stays. */
  async expireText(signalId: string): Promise<void> {
    const at = this.clock.now().toISOString();
    const done = await this.repo.updateSignal(signalId, (s) =>
      s.text === undefined ? undefined : { next: withoutText(s, at) },
    );
    if (done) this.logger.info({ signalId }, 'kernteam.signal_text_expired');
  }

  /** Open signals older than the organisation's threshold, oldest first (for the agenda). */
  async overdue(now: Date): Promise<Array<{ signal: Signal; days: number }>> {
    const limit = this.org.settings.signalAgendaAfterDays;
    return (await this.repo.signals())
      .filter(open)
      .map((signal) => ({
        signal,
        days: Math.floor((now.getTime() - Date.parse(signal.createdAt)) / days(1)),
      }))
      .filter((s) => s.days >= limit)
      .sort((a, b) => b.days - a.days);
  }

  private recordTtl(): number {
    return this.org.settings.signalRecordRetentionDays * 86_400;
  }
}
