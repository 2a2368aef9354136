import { cardActivity } from '../../platform/cards';
import { networkBroadcastJobKind, type NetworkBroadcastJob } from '../../platform/contracts/network-broadcast.job';
import { channelKey, userKey, type OutboundActivity } from '../../platform/delivery/delivery.port';
import type { Locale } from '../../platform/org/organisation';
import { renderAtelierMessage, type AtelierMessageKind } from './cards/atelier-message.card';
import { renderAtelierCard } from './cards/atelier.card';
import { defaultLocale, localeOrDefault, type AtelierContext } from './kennisatelier.context';
import { signupListId, type Atelier } from './kennisatelier.repository';
import { kennisatelierJobs } from './kennisatelier.verbs';

export const channelBroadcastId = (atelierId: string) => `kennisatelier.${atelierId}.channels`;
export const networkBroadcastId = (atelierId: string) => `kennisatelier.${atelierId}.networks`;
/** Updated counts on the shared card go out at most once per this window. */
export const REFRESH_WINDOW_MS = 5_000;

/** Everything this feature sends proactively: through the outbox, rendered once per locale. */
export class AtelierNotifier {
  /** The refresh window each atelier was last scheduled for by this instance: one job write per window. */
  private readonly refreshScheduled = new Map<string, number>();

  constructor(private readonly ctx: AtelierContext) {}

  /** The shared card as a channel (or a network member, before clicking) sees it. */
  async sharedActivity(a: Atelier, locale: Locale): Promise<OutboundActivity> {
    const summary = await this.ctx.signups.summary(signupListId(a.id));
    const card = renderAtelierCard(this.ctx.deps, { atelier: a, summary, locale, now: this.ctx.deps.clock.now() });
    return cardActivity(card, a.title);
  }

  /**
   * Channels get the shared card; network members get it through the networks feature (which alone
   * knows the members). With both, the channel waits `networkEarlyAccessHours`: members hear first.
   * Idempotent: both go out under ids derived from the atelier id.
   */
  async publish(a: Atelier): Promise<void> {
    const { delivery, scheduler, clock, org } = this.ctx.deps;
    const now = clock.now();
    if (a.channelIds.length) {
      const activity = await this.sharedActivity(a, defaultLocale(this.ctx));
      await delivery.enqueue({
        broadcastId: channelBroadcastId(a.id),
        purpose: 'kennisatelier.announcement',
        createdBy: a.createdBy,
        recipients: a.channelIds.map((c) => ({ key: channelKey(c), activity })),
        notBefore: a.listedFrom ? new Date(a.listedFrom) : undefined,
      });
    }
    if (a.networkIds.length) {
      const payload: NetworkBroadcastJob = {
        broadcastId: networkBroadcastId(a.id),
        networkIds: a.networkIds,
        purpose: 'kennisatelier.announcement',
        cardByLocale: { nl: await this.sharedActivity(a, 'nl'), en: await this.sharedActivity(a, 'en') },
      };
      await scheduler.schedule({ id: `kennisatelier.${a.id}.networks`, kind: networkBroadcastJobKind, runAt: now, payload });
    }
    this.ctx.log.info({ atelierId: a.id, channels: a.channelIds.length, networks: a.networkIds.length, earlyAccessHours: org.settings.networkEarlyAccessHours }, 'atelier published');
  }

  /**
   * Coalesces count updates: one job per atelier per window, whatever the number of clicks. The counts
   * are cosmetic, so a failure here is logged and never fails the sign-up that already took its seat.
   */
  async scheduleRefresh(a: Atelier): Promise<void> {
    if (!a.channelIds.length) return;
    const bucket = Math.floor(this.ctx.deps.clock.now().getTime() / REFRESH_WINDOW_MS);
    if (this.refreshScheduled.get(a.id) === bucket) return;
    this.refreshScheduled.set(a.id, bucket);
    try {
      await this.ctx.deps.scheduler.schedule({
        id: `kennisatelier.${a.id}.refresh.${bucket}`,
        kind: kennisatelierJobs.refreshSharedCard,
        runAt: new Date((bucket + 1) * REFRESH_WINDOW_MS),
        payload: { atelierId: a.id },
      });
    } catch (err) {
      this.refreshScheduled.delete(a.id);
      this.ctx.log.warn({ atelierId: a.id, code: (err as { code?: unknown }).code }, 'shared card refresh not scheduled');
    }
  }

  /** Replaces the shared card in every channel it went to (queued ones get the new card instead). */
  async refreshShared(a: Atelier, updateId: string): Promise<void> {
    if (!a.channelIds.length) return;
    const activity = await this.sharedActivity(a, defaultLocale(this.ctx));
    await this.ctx.deps.delivery.enqueueUpdate(channelBroadcastId(a.id), updateId, () => activity);
  }

  /** A personal message to each person in their own language; `broadcastId` makes it send once. */
  async tell(people: readonly string[], kind: AtelierMessageKind, a: Atelier, broadcastId: string): Promise<void> {
    if (!people.length) return;
    const { delivery, conversations } = this.ctx.deps;
    const rendered = new Map<Locale, OutboundActivity>();
    const recipients = [];
    for (const id of people) {
      const locale = localeOrDefault(this.ctx, await conversations.localeOf(userKey(id)));
      let activity = rendered.get(locale);
      if (!activity) {
        activity = cardActivity(renderAtelierMessage(this.ctx.deps, locale, kind, a));
        rendered.set(locale, activity);
      }
      recipients.push({ key: userKey(id), activity });
    }
    await delivery.enqueue({ broadcastId, purpose: `kennisatelier.${kind}`, recipients });
    this.ctx.log.info({ atelierId: a.id, kind, recipients: recipients.length }, 'atelier message enqueued');
  }
}
