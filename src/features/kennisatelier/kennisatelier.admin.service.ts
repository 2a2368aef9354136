import { hours, type Clock } from '../../platform/clock';
import type { ConversationDirectory } from '../../platform/conversations';
import type { Logger } from '../../platform/logger';
import type { Actor, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import {
  assertMayInvite,
  assertOrganiser,
  canCreateAteliers,
  invitableNetworks,
} from './kennisatelier.access';
import { parseDetails } from './kennisatelier.details.rules';
import { errors } from './kennisatelier.errors';
import type { AtelierTimers } from './kennisatelier.timers.service';
import type { AtelierNotifier } from './kennisatelier.notifier';
import { signupListId, signupListKeepUntil, type AtelierRepository } from './kennisatelier.repository';
import type { AtelierDetailsInput, CreateAtelierInput } from './kennisatelier.schemas';
import type { Atelier, AudienceOptions } from './kennisatelier.types';

/** Organiser use cases: create, edit, cancel. Every method checks the actor's role itself. */
export class AtelierAdminService {
  constructor(
    private readonly repo: AtelierRepository,
    private readonly signups: SignupService,
    private readonly notifier: AtelierNotifier,
    private readonly timers: AtelierTimers,
    private readonly conversations: ConversationDirectory,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly log: Logger,
  ) {}

  /** Channels the bot is in and the networks this actor may invite. */
  async audienceOptions(actor: Actor): Promise<AudienceOptions> {
    if (!canCreateAteliers(actor)) throw errors.cannotCreate();
    const org = this.org;
    const channels = (await this.conversations.channels()).map((c) => ({
      title: c.title ?? c.reference.conversation.id,
      value: c.reference.conversation.id,
    }));
    const allowed = invitableNetworks(
      actor,
      org.networks.map((n) => n.id),
    );
    const networks = org.networks
      .filter((n) => allowed.includes(n.id))
      .map((n) => ({ title: org.text(n.name, actor.locale), value: n.id }));
    return { channels, networks };
  }

  async requireOrganised(actor: Actor, atelierId: string): Promise<Atelier> {
    const atelier = await this.repo.get(atelierId);
    if (!atelier) throw errors.notFound();
    assertOrganiser(actor, atelier);
    return atelier;
  }

  /** Idempotent on `draftId` (made when the form was shown): Teams' retries create one atelier. */
  async create(actor: Actor, input: CreateAtelierInput): Promise<Atelier> {
    assertMayInvite(actor, input.networks);
    const details = parseDetails(input, this.org.timeZone);
    const now = this.clock.now();
    if (details.startsAt <= now.toISOString()) throw errors.inPast();
    await this.checkAudience(actor, input.channels, input.networks);
    const early = input.networks.length ? hours(this.org.settings.networkEarlyAccessHours) : 0;
    const { atelier, created } = await this.repo.create({
      id: input.draftId,
      ...details,
      channelIds: input.channels,
      networkIds: input.networks,
      createdBy: actor.aadObjectId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      status: 'published',
      revision: 0,
      listedFrom: input.channels.length ? new Date(now.getTime() + early).toISOString() : null,
    });
    if (!created) assertOrganiser(actor, atelier);
    // Each step below is idempotent, so a retried submit completes whatever a crash left undone.
    const { capacity, deadline } = atelier;
    const keepUntil = signupListKeepUntil(atelier);
    await this.signups.open(signupListId(atelier.id), { capacity, deadline, keepUntil });
    if (atelier.status === 'published') {
      await this.notifier.publish(atelier);
      await this.timers.schedule(atelier);
    }
    this.log.info({ atelierId: atelier.id, created }, 'atelier created');
    return atelier;
  }

  async edit(actor: Actor, input: AtelierDetailsInput): Promise<Atelier> {
    const before = await this.requireOrganised(actor, input.atelierId);
    const details = parseDetails(input, this.org.timeZone);
    const now = this.clock.now().toISOString();
    let moved = false;
    const atelier = await this.repo.update(before.id, (cur) => {
      if (cur.status === 'cancelled' || now >= cur.endsAt) throw errors.cannotEditEnded();
      if (details.startsAt !== cur.startsAt && details.startsAt <= now) throw errors.inPast();
      moved =
        details.startsAt !== cur.startsAt ||
        details.endsAt !== cur.endsAt ||
        details.room !== cur.room ||
        details.meetingUrl !== cur.meetingUrl;
      const same =
        !moved && (Object.keys(details) as Array<keyof typeof details>).every((k) => details[k] === cur[k]);
      if (same) return undefined;
      return { ...cur, ...details, revision: cur.revision + (moved ? 1 : 0), updatedAt: now };
    });
    if (!atelier) throw errors.notFound();
    const listId = signupListId(atelier.id);
    // The list's expiry follows the atelier when it moves.
    const { capacity, deadline } = atelier;
    const keepUntil = signupListKeepUntil(atelier);
    const { promoted } = await this.signups.update(listId, { capacity, deadline, keepUntil });
    await this.notifier.tell(
      promoted,
      'promoted',
      atelier,
      `kennisatelier.${atelier.id}.promoted.${atelier.updatedAt}`,
    );
    if (moved) {
      const roster = await this.signups.roster(listId);
      await this.notifier.tell(
        [...roster.attending, ...roster.waitlist],
        'changed',
        atelier,
        `kennisatelier.${atelier.id}.changed.r${atelier.revision}`,
      );
    }
    await this.timers.schedule(atelier);
    await this.notifier.refreshShared(atelier, `edit-${atelier.updatedAt}`);
    this.log.info({ atelierId: atelier.id, moved, promoted: promoted.length }, 'atelier edited');
    return atelier;
  }

  /** Idempotent: a second cancel changes nothing and sends nothing new. */
  async cancel(actor: Actor, atelierId: string): Promise<Atelier> {
    await this.requireOrganised(actor, atelierId);
    const now = this.clock.now().toISOString();
    const atelier = await this.repo.update(atelierId, (cur) => {
      if (cur.status === 'cancelled') return undefined;
      if (now >= cur.endsAt) throw errors.cannotEditEnded();
      return { ...cur, status: 'cancelled', updatedAt: now };
    });
    if (!atelier) throw errors.notFound();
    const listId = signupListId(atelier.id);
    await this.signups.update(listId, { closed: true });
    const roster = await this.signups.roster(listId);
    await this.notifier.tell(
      [...roster.attending, ...roster.waitlist],
      'cancelled',
      atelier,
      `kennisatelier.${atelier.id}.cancelled`,
    );
    await this.timers.cancel(atelier.id);
    await this.notifier.refreshShared(atelier, 'cancelled');
    this.log.info({ atelierId: atelier.id }, 'atelier cancelled');
    return atelier;
  }

  private async checkAudience(actor: Actor, channels: string[], networks: string[]): Promise<void> {
    if (!channels.length && !networks.length) throw errors.noAudience();
    const known = await this.audienceOptions(actor);
    const channelIds = new Set(known.channels.map((c) => c.value));
    const networkIds = new Set(this.org.networks.map((n) => n.id));
    if (channels.some((c) => !channelIds.has(c)) || networks.some((n) => !networkIds.has(n)))
      throw errors.unknownAudience();
  }
}
