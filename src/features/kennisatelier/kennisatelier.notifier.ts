import { CardText } from '../../platform/card-text';
import { cardActivity } from '../../platform/cards';
import type { Clock } from '../../platform/clock';
import type { ConversationDirectory } from '../../platform/conversations';
import {
  networkBroadcastJobKind,
  type NetworkBroadcastJob,
} from '../../platform/contracts/network-broadcast.job';
import {
  channelKey,
  userKey,
  type Delivery,
  type OutboundActivity,
  type Scheduler,
} from '../../platform/delivery/delivery.port';
import { localeFrom, type I18n } from '../../platform/i18n/i18n';
import type { Logger } from '../../platform/logger';
import type { Locale, Organisation } from '../../platform/org/organisation';
import type { SignupService } from '../../platform/signups';
import { renderAtelierMessage } from './cards/atelier-message.card';
import { renderAtelierCard } from './cards/atelier.card';
import { signupListId } from './kennisatelier.repository';
import type { Atelier, AtelierMessageKind } from './kennisatelier.types';
import { kennisatelierJobs } from './kennisatelier.verbs';

export const channelBroadcastId = (atelierId: string) => `kennisatelier.${atelierId}.channels`;
export const networkBroadcastId = (atelierId: string) => `kennisatelier.${atelierId}.networks`;
/** Updated counts on the shared card go out at most once per this window. */
export const REFRESH_WINDOW_MS = 5_000;

/**
 * What cannot wait for the next sending window: a seat from the waitlist (the atelier may be tomorrow),
 * a change or a cancellation (people would come for nothing). Reminders and prompts can (docs/calendar.md).
 */
const urgentKinds: ReadonlySet<AtelierMessageKind> = new Set(['promoted', 'changed', 'cancelled']);

/** Everything this feature sends proactively: through the outbox, rendered once per locale. */
export class AtelierNotifier {
  /** The refresh window each atelier was last scheduled for by this instance: one job write per window. */
  private readonly refreshScheduled = new Map<string, number>();

  constructor(
    private readonly signups: SignupService,
    private readonly delivery: Delivery,
    private readonly scheduler: Scheduler,
    private readonly conversations: ConversationDirectory,
    private readonly clock: Clock,
    private readonly org: Organisation,
    private readonly i18n: I18n,
    private readonly log: Logger,
  ) {}

  private text(locale: Locale): CardText {
    return new CardText(this.i18n, this.org, locale);
  }

  /** The shared card as a channel (or a network member, before clicking) sees it. */
  async sharedActivity(a: Atelier, locale: Locale): Promise<OutboundActivity> {
    const summary = await this.signups.summary(signupListId(a.id));
    const card = renderAtelierCard(this.text(locale), { atelier: a, summary, now: this.clock.now() });
    return cardActivity(card, a.title);
  }

  /**
   * Channels get the shared card; network members get it through the networks feature (which alone
   * knows the members). With both, the channel waits `networkEarlyAccessHours`: members hear first.
   * Idempotent: both go out under ids derived from the atelier id.
   */
  async publish(a: Atelier): Promise<void> {
    const now = this.clock.now();
    if (a.channelIds.length) {
      const activity = await this.sharedActivity(a, this.org.defaultLocale);
      await this.delivery.enqueue({
        broadcastId: channelBroadcastId(a.id),
        purpose: 'kennisatelier.announcement',
        urgency: 'normal',
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
        cardByLocale: Object.fromEntries(
          await Promise.all(
            this.org.languages.map(async (l) => [l, await this.sharedActivity(a, l)] as const),
          ),
        ),
      };
      await this.scheduler.schedule({
        id: `kennisatelier.${a.id}.networks`,
        kind: networkBroadcastJobKind,
        runAt: now,
        payload,
      });
    }
    const earlyAccessHours = this.org.settings.networkEarlyAccessHours;
    this.log.info(
      { atelierId: a.id, channels: a.channelIds.length, networks: a.networkIds.length, earlyAccessHours },
      'atelier published',
    );
  }

  /**
   * Coalesces count updates: one job per atelier per window, whatever the number of clicks. The counts
   * are cosmetic, so a failure here is logged and never fails the sign-up that already took its seat.
   */
  async scheduleRefresh(a: Atelier): Promise<void> {
    if (!a.channelIds.length) return;
    const bucket = Math.floor(this.clock.now().getTime() / REFRESH_WINDOW_MS);
    if (this.refreshScheduled.get(a.id) === bucket) return;
    this.refreshScheduled.set(a.id, bucket);
    try {
      await this.scheduler.schedule({
        id: `kennisatelier.${a.id}.refresh.${bucket}`,
        kind: kennisatelierJobs.refreshSharedCard,
        runAt: new Date((bucket + 1) * REFRESH_WINDOW_MS),
        payload: { atelierId: a.id },
      });
    } catch (err) {
      this.refreshScheduled.delete(a.id);
      this.log.warn(
        { atelierId: a.id, code: (err as { code?: unknown }).code },
        'shared card refresh not scheduled',
      );
    }
  }

  /** Replaces the shared card in every channel it went to (queued ones get the new card instead). */
  async refreshShared(a: Atelier, updateId: string): Promise<void> {
    if (!a.channelIds.length) return;
    const activity = await this.sharedActivity(a, this.org.defaultLocale);
    await this.delivery.enqueueUpdate(channelBroadcastId(a.id), updateId, () => activity);
  }

  /** A personal message to each person in their own language; `broadcastId` makes it send once. */
  async tell(
    people: readonly string[],
    kind: AtelierMessageKind,
    a: Atelier,
    broadcastId: string,
  ): Promise<void> {
    if (!people.length) return;
    const rendered = new Map<Locale, OutboundActivity>();
    const recipients = [];
    for (const id of people) {
      const locale = localeFrom(await this.conversations.localeOf(userKey(id)), this.org);
      let activity = rendered.get(locale);
      if (!activity) {
        activity = cardActivity(renderAtelierMessage(this.text(locale), kind, a));
        rendered.set(locale, activity);
      }
      recipients.push({ key: userKey(id), activity });
    }
    await this.delivery.enqueue({
      broadcastId,
      purpose: `kennisatelier.${kind}`,
      urgency: urgentKinds.has(kind) ? 'urgent' : 'normal',
      recipients,
    });
    this.log.info({ atelierId: a.id, kind, recipients: recipients.length }, 'atelier message enqueued');
  }
}
