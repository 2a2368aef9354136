import { days, type Clock } from '../../platform/clock';
import type { Downloads } from '../../platform/downloads';
import { isAppError } from '../../platform/errors';
import type { NetworkMembership } from '../../platform/contracts/network-membership.port';
import type { Logger } from '../../platform/logger';
import type { Actor } from '../../platform/org/organisation';
import { signupErrors, type SignupService, type SignupStatus } from '../../platform/signups';
import { canCreateAteliers, isNetworksOnly, isOrganiser } from './kennisatelier.access';
import { errors } from './kennisatelier.errors';
import type { AtelierNotifier } from './kennisatelier.notifier';
import { signupListId, type AtelierRepository } from './kennisatelier.repository';
import type { Atelier, AtelierListItem, AtelierView, SeatSummary, ViewNotice } from './kennisatelier.types';
import { kennisatelierFiles } from './kennisatelier.verbs';

/** Organisers also see ateliers that ended this long ago, to record attendance. */
const RECENT_MS = days(14);
const LIST_MAX = 10;

/** The shared seat model's refusals, said in this feature's words. */
const signupRefusals = new Map([
  [signupErrors.deadlinePassed.code, errors.deadlinePassed],
  [signupErrors.closed.code, errors.past],
]);

/** Medewerker use cases: see, sign up, cancel one's own sign-up. */
export class AtelierSignupService {
  constructor(
    private readonly repo: AtelierRepository,
    private readonly signups: SignupService,
    private readonly notifier: AtelierNotifier,
    private readonly downloads: Downloads,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly membership: Pick<NetworkMembership, 'isMemberOfAny'>,
  ) {}

  async view(actor: Actor, atelierId: string, notice?: ViewNotice): Promise<AtelierView> {
    const atelier = await this.repo.get(atelierId);
    if (!atelier) throw errors.notFound();
    await this.assertInAudience(actor, atelier);
    return this.viewOf(actor, atelier, notice);
  }

  /**
   * While an atelier is for the invited networks only (finding 10), every verb by atelier id checks
   * the audience here, not only the list: its organisers, those networks' coordinators, whoever holds
   * a seat (to see or cancel it), and members of one of the networks (asked of the networks feature).
   */
  private async assertInAudience(actor: Actor, atelier: Atelier): Promise<void> {
    if (!isNetworksOnly(atelier, this.clock.now()) || isOrganiser(actor, atelier)) return;
    if (atelier.networkIds.some((n) => actor.coordinatorOf.includes(n))) return;
    const seat = await this.signups.status(signupListId(atelier.id), actor.aadObjectId);
    if (seat.state !== 'none') return;
    if (await this.membership.isMemberOfAny(actor.aadObjectId, atelier.networkIds)) return;
    throw errors.networksOnly();
  }

  /**
   * Idempotent: a double-click or a retried invoke answers with the same card and takes one seat.
   * `displayName` (Teams' name for the person in this turn) is kept with the seat for the organisers.
   */
  async signUp(actor: Actor, atelierId: string, displayName?: string): Promise<AtelierView> {
    const atelier = await this.open(actor, atelierId);
    let result;
    try {
      result = await this.signups.signUpWithCounts(signupListId(atelier.id), actor.aadObjectId, displayName);
    } catch (err) {
      const refusal = isAppError(err) ? signupRefusals.get(err.code) : undefined;
      throw refusal ? refusal() : err;
    }
    if (result.changed) {
      this.log.info({ atelierId: atelier.id, state: result.status.state }, 'atelier sign-up');
      await this.notifier.scheduleRefresh(atelier);
    }
    // The counts as this sign-up left them: no second read of the list for the card.
    const notice = result.status.state === 'attending' ? 'signedUp' : 'waitlisted';
    return this.viewWith(actor, atelier, result.summary, result.status, notice);
  }

  async withdraw(actor: Actor, atelierId: string): Promise<AtelierView> {
    const atelier = await this.open(actor, atelierId);
    const { changed, promoted } = await this.signups.cancel(signupListId(atelier.id), actor.aadObjectId);
    if (changed) {
      this.log.info({ atelierId: atelier.id, promoted: promoted.length }, 'atelier sign-up withdrawn');
      // The cancel that freed the seat is unique (a retry finds nothing to cancel), so is this id.
      const stamp = this.clock.now().getTime();
      await this.notifier.tell(
        promoted,
        'promoted',
        atelier,
        `kennisatelier.${atelier.id}.promoted.${actor.aadObjectId}.${stamp}`,
      );
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
    const now = this.clock.now();
    const t = now.toISOString();
    const candidates = await this.repo.endingAfter(new Date(now.getTime() - RECENT_MS).toISOString());
    const items: AtelierListItem[] = [];
    for (const a of candidates) {
      if (items.length >= LIST_MAX) break;
      if (a.status === 'cancelled') continue;
      const ended = a.endsAt <= t;
      const announced = !ended && a.listedFrom !== null && a.listedFrom <= t;
      const visible = publicOnly
        ? announced
        : announced ||
          isOrganiser(actor, a) ||
          (!ended && (await this.signups.status(signupListId(a.id), actor.aadObjectId)).state !== 'none');
      if (visible) items.push({ atelier: a, summary: await this.signups.summary(signupListId(a.id)), ended });
    }
    return { items, canCreate: canCreateAteliers(actor) };
  }

  async viewOf(actor: Actor, atelier: Atelier, notice?: ViewNotice): Promise<AtelierView> {
    const listId = signupListId(atelier.id);
    const [summary, status] = await Promise.all([
      this.signups.summary(listId),
      this.signups.status(listId, actor.aadObjectId),
    ]);
    return this.viewWith(actor, atelier, summary, status, notice);
  }

  private viewWith(
    actor: Actor,
    atelier: Atelier,
    summary: SeatSummary,
    status: SignupStatus,
    notice?: ViewNotice,
  ): AtelierView {
    const icsUrl =
      status.state === 'attending'
        ? this.downloads.link(kennisatelierFiles.ics, atelier.id, actor.aadObjectId)
        : undefined;
    return { atelier, summary, status, organiser: isOrganiser(actor, atelier), icsUrl, notice };
  }

  /** Cancelled or started ateliers take no changes: a clear message, nothing changes. */
  private async open(actor: Actor, atelierId: string): Promise<Atelier> {
    const atelier = await this.repo.get(atelierId);
    if (!atelier) throw errors.notFound();
    if (atelier.status === 'cancelled') throw errors.cancelled();
    if (this.clock.now().toISOString() >= atelier.startsAt) throw errors.past();
    await this.assertInAudience(actor, atelier);
    return atelier;
  }
}
