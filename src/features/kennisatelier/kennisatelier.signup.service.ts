import { days } from '../../platform/clock';
import { isAppError } from '../../platform/errors';
import type { Actor } from '../../platform/org/organisation';
import type { SignupStatus } from '../../platform/signups';
import type { AtelierListItem } from './cards/atelier-list.card';
import { canCreateAteliers, isOrganiser } from './kennisatelier.access';
import type { AtelierContext } from './kennisatelier.context';
import { atelierError } from './kennisatelier.errors';
import type { SeatSummary } from './kennisatelier.format';
import type { AtelierNotifier } from './kennisatelier.notifier';
import { signupListId, type Atelier } from './kennisatelier.repository';
import { kennisatelierFiles } from './kennisatelier.verbs';

export type ViewNotice = 'signedUp' | 'waitlisted' | 'withdrawn' | 'notSignedUp' | 'published' | 'saved' | 'cancelled';

/** One person's view of one atelier: what the personal card shows. */
export interface AtelierView {
  atelier: Atelier;
  summary: SeatSummary;
  status: SignupStatus;
  organiser: boolean;
  icsUrl?: string;
  notice?: ViewNotice;
}

/** Organisers also see ateliers that ended this long ago, to record attendance. */
const RECENT_MS = days(14);
const LIST_MAX = 10;

/** Medewerker use cases: see, sign up, cancel one's own sign-up. */
export class AtelierSignupService {
  constructor(
    private readonly ctx: AtelierContext,
    private readonly notifier: AtelierNotifier,
  ) {}

  async view(actor: Actor, atelierId: string, notice?: ViewNotice): Promise<AtelierView> {
    const atelier = await this.ctx.repo.get(atelierId);
    if (!atelier) throw atelierError('notFound');
    return this.viewOf(actor, atelier, notice);
  }

  /** Idempotent: a double-click or a retried invoke answers with the same card and takes one seat. */
  async signUp(actor: Actor, atelierId: string): Promise<AtelierView> {
    const atelier = await this.open(atelierId);
    let result;
    try {
      result = await this.ctx.signups.signUp(signupListId(atelier.id), actor.aadObjectId);
    } catch (err) {
      if (isAppError(err) && err.messageKey === 'signups.error.deadlinePassed') throw atelierError('deadlinePassed');
      if (isAppError(err) && err.messageKey === 'signups.error.closed') throw atelierError('past');
      throw err;
    }
    if (result.changed) {
      this.ctx.log.info({ atelierId: atelier.id, state: result.status.state }, 'atelier sign-up');
      await this.notifier.scheduleRefresh(atelier);
    }
    return this.viewOf(actor, atelier, result.status.state === 'attending' ? 'signedUp' : 'waitlisted');
  }

  async withdraw(actor: Actor, atelierId: string): Promise<AtelierView> {
    const atelier = await this.open(atelierId);
    const { changed, promoted } = await this.ctx.signups.cancel(signupListId(atelier.id), actor.aadObjectId);
    if (changed) {
      this.ctx.log.info({ atelierId: atelier.id, promoted: promoted.length }, 'atelier sign-up withdrawn');
      // The cancel that freed the seat is unique (a retry finds nothing to cancel), so is this id.
      const stamp = this.ctx.deps.clock.now().getTime();
      await this.notifier.tell(promoted, 'promoted', atelier, `kennisatelier.${atelier.id}.promoted.${actor.aadObjectId}.${stamp}`);
      await this.notifier.scheduleRefresh(atelier);
    }
    return this.viewOf(actor, atelier, changed ? 'withdrawn' : 'notSignedUp');
  }

  /**
   * Upcoming ateliers this person may see: those announced to everyone (after the networks' head
   * start), those they signed up for, and for organisers their own, also recently ended ones.
   * `publicOnly` (for a channel, where others read along) shows only what everyone may see.
   */
  async list(actor: Actor, publicOnly = false): Promise<{ items: AtelierListItem[]; canCreate: boolean }> {
    const now = this.ctx.deps.clock.now();
    const t = now.toISOString();
    const candidates = await this.ctx.repo.endingAfter(new Date(now.getTime() - RECENT_MS).toISOString());
    const items: AtelierListItem[] = [];
    for (const a of candidates) {
      if (items.length >= LIST_MAX) break;
      if (a.status === 'cancelled') continue;
      const ended = a.endsAt <= t;
      const announced = !ended && a.listedFrom !== null && a.listedFrom <= t;
      const visible = publicOnly
        ? announced
        : announced || isOrganiser(actor, a) || (!ended && (await this.ctx.signups.status(signupListId(a.id), actor.aadObjectId)).state !== 'none');
      if (visible) items.push({ atelier: a, summary: await this.ctx.signups.summary(signupListId(a.id)), ended });
    }
    return { items, canCreate: canCreateAteliers(actor) };
  }

  async viewOf(actor: Actor, atelier: Atelier, notice?: ViewNotice): Promise<AtelierView> {
    const listId = signupListId(atelier.id);
    const [summary, status] = await Promise.all([this.ctx.signups.summary(listId), this.ctx.signups.status(listId, actor.aadObjectId)]);
    const icsUrl = status.state === 'attending' ? this.ctx.deps.downloads.link(kennisatelierFiles.ics, atelier.id, actor.aadObjectId) : undefined;
    return { atelier, summary, status, organiser: isOrganiser(actor, atelier), icsUrl, notice };
  }

  /** Cancelled or started ateliers take no changes: a clear message, nothing changes. */
  private async open(atelierId: string): Promise<Atelier> {
    const atelier = await this.ctx.repo.get(atelierId);
    if (!atelier) throw atelierError('notFound');
    if (atelier.status === 'cancelled') throw atelierError('cancelled');
    if (this.ctx.deps.clock.now().toISOString() >= atelier.startsAt) throw atelierError('past');
    return atelier;
  }
}
