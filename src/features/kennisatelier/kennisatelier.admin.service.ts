import { hours } from '../../platform/clock';
import type { Actor } from '../../platform/org/organisation';
import { assertMayInvite, assertOrganiser, canCreateAteliers, invitableNetworks } from './kennisatelier.access';
import type { AtelierContext } from './kennisatelier.context';
import { parseDetails } from './kennisatelier.details.rules';
import { atelierError } from './kennisatelier.errors';
import type { AtelierNotifier } from './kennisatelier.notifier';
import { signupListId, type Atelier } from './kennisatelier.repository';
import type { AtelierDetailsInput, CreateAtelierInput } from './kennisatelier.schemas';
import { cancelTimers, scheduleTimers } from './kennisatelier.timers';

export interface AudienceOptions {
  channels: Array<{ title: string; value: string }>;
  networks: Array<{ title: string; value: string }>;
}

/** Organiser use cases: create, edit, cancel. Every method checks the actor's role itself. */
export class AtelierAdminService {
  constructor(
    private readonly ctx: AtelierContext,
    private readonly notifier: AtelierNotifier,
  ) {}

  /** Channels the bot is in and the networks this actor may invite. */
  async audienceOptions(actor: Actor): Promise<AudienceOptions> {
    if (!canCreateAteliers(actor)) throw atelierError('cannotCreate');
    const { org, conversations } = this.ctx.deps;
    const channels = (await conversations.channels()).map((c) => ({ title: c.title ?? c.reference.conversation.id, value: c.reference.conversation.id }));
    const allowed = invitableNetworks(actor, org.data.networks.map((n) => n.id));
    const networks = org.data.networks.filter((n) => allowed.includes(n.id)).map((n) => ({ title: org.text(n.name, actor.locale), value: n.id }));
    return { channels, networks };
  }

  async requireOrganised(actor: Actor, atelierId: string): Promise<Atelier> {
    const atelier = await this.ctx.repo.get(atelierId);
    if (!atelier) throw atelierError('notFound');
    assertOrganiser(actor, atelier);
    return atelier;
  }

  /** Idempotent on `draftId` (made when the form was shown): Teams' retries create one atelier. */
  async create(actor: Actor, input: CreateAtelierInput): Promise<Atelier> {
    assertMayInvite(actor, input.networks);
    const { clock, org } = this.ctx.deps;
    const details = parseDetails(input, org.data.organisation.timeZone);
    const now = clock.now();
    if (details.startsAt <= now.toISOString()) throw atelierError('inPast');
    await this.checkAudience(actor, input.channels, input.networks);
    const early = input.networks.length ? hours(org.settings.networkEarlyAccessHours) : 0;
    const { atelier, created } = await this.ctx.repo.create({
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
    await this.ctx.signups.open(signupListId(atelier.id), { capacity: atelier.capacity, deadline: atelier.deadline });
    if (atelier.status === 'published') {
      await this.notifier.publish(atelier);
      await scheduleTimers(this.ctx, atelier);
    }
    this.ctx.log.info({ atelierId: atelier.id, created }, 'atelier created');
    return atelier;
  }

  async edit(actor: Actor, input: AtelierDetailsInput): Promise<Atelier> {
    const before = await this.requireOrganised(actor, input.atelierId);
    const details = parseDetails(input, this.ctx.deps.org.data.organisation.timeZone);
    const now = this.ctx.deps.clock.now().toISOString();
    let moved = false;
    const atelier = await this.ctx.repo.update(before.id, (cur) => {
      if (cur.status === 'cancelled' || now >= cur.endsAt) throw atelierError('cannotEditEnded');
      if (details.startsAt !== cur.startsAt && details.startsAt <= now) throw atelierError('inPast');
      moved = details.startsAt !== cur.startsAt || details.endsAt !== cur.endsAt || details.room !== cur.room || details.meetingUrl !== cur.meetingUrl;
      const same = !moved && (Object.keys(details) as Array<keyof typeof details>).every((k) => details[k] === cur[k]);
      if (same) return undefined;
      return { ...cur, ...details, revision: cur.revision + (moved ? 1 : 0), updatedAt: now };
    });
    if (!atelier) throw atelierError('notFound');
    const listId = signupListId(atelier.id);
    const { promoted } = await this.ctx.signups.update(listId, { capacity: atelier.capacity, deadline: atelier.deadline });
    await this.notifier.tell(promoted, 'promoted', atelier, `kennisatelier.${atelier.id}.promoted.${atelier.updatedAt}`);
    if (moved) {
      const roster = await this.ctx.signups.roster(listId);
      await this.notifier.tell([...roster.attending, ...roster.waitlist], 'changed', atelier, `kennisatelier.${atelier.id}.changed.r${atelier.revision}`);
    }
    await scheduleTimers(this.ctx, atelier);
    await this.notifier.refreshShared(atelier, `edit-${atelier.updatedAt}`);
    this.ctx.log.info({ atelierId: atelier.id, moved, promoted: promoted.length }, 'atelier edited');
    return atelier;
  }

  /** Idempotent: a second cancel changes nothing and sends nothing new. */
  async cancel(actor: Actor, atelierId: string): Promise<Atelier> {
    await this.requireOrganised(actor, atelierId);
    const now = this.ctx.deps.clock.now().toISOString();
    const atelier = await this.ctx.repo.update(atelierId, (cur) => {
      if (cur.status === 'cancelled') return undefined;
      if (now >= cur.endsAt) throw atelierError('cannotEditEnded');
      return { ...cur, status: 'cancelled', updatedAt: now };
    });
    if (!atelier) throw atelierError('notFound');
    const listId = signupListId(atelier.id);
    await this.ctx.signups.update(listId, { closed: true });
    const roster = await this.ctx.signups.roster(listId);
    await this.notifier.tell([...roster.attending, ...roster.waitlist], 'cancelled', atelier, `kennisatelier.${atelier.id}.cancelled`);
    await cancelTimers(this.ctx, atelier.id);
    await this.notifier.refreshShared(atelier, 'cancelled');
    this.ctx.log.info({ atelierId: atelier.id }, 'atelier cancelled');
    return atelier;
  }

  private async checkAudience(actor: Actor, channels: string[], networks: string[]): Promise<void> {
    if (!channels.length && !networks.length) throw atelierError('noAudience');
    const known = await this.audienceOptions(actor);
    const channelIds = new Set(known.channels.map((c) => c.value));
    const networkIds = new Set(this.ctx.deps.org.data.networks.map((n) => n.id));
    if (channels.some((c) => !channelIds.has(c)) || networks.some((n) => !networkIds.has(n))) throw atelierError('unknownAudience');
  }
}
