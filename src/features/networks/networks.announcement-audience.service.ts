import { cardActivity, type AdaptiveCard } from '../../platform/cards';
import type { ConversationDirectory } from '../../platform/conversations';
import {
  channelKey,
  userKey,
  type DeliveryRecipient,
  type OutboundActivity,
  type RecipientKey,
} from '../../platform/delivery/delivery.port';
import { localeFrom } from '../../platform/i18n/i18n';
import type { Locale, Organisation } from '../../platform/org/organisation';
import type { MembershipService } from './networks.membership.service';
import type { AnnouncementDoc } from './networks.types';

/** Renders one copy; called once per locale and audience, never per recipient. */
export type CopyRenderer = (locale: Locale, audience: 'member' | 'channel') => AdaptiveCard;

/**
 * Who an announcement goes to, in which language: the network's members 1:1 (each in the UI language
 * we last saw from them) and/or the network's channel (the organisation's default language).
 */
export class AnnouncementAudience {
  constructor(
    private readonly membership: MembershipService,
    private readonly conversations: ConversationDirectory,
    private readonly org: Organisation,
  ) {}

  async localesOf(keys: RecipientKey[]): Promise<Map<RecipientKey, Locale>> {
    const records = await this.conversations.getMany(keys);
    return new Map(keys.map((k) => [k, localeFrom(records.get(k)?.locale, this.org)]));
  }

  channelOf(networkId: string): RecipientKey | undefined {
    const channelId = this.org.network(networkId)?.channelId;
    return channelId ? channelKey(channelId) : undefined;
  }

  /**
   * How many a first send reaches now: members 1:1 (not snoozed) and all, the channel included; `muted`:
   * members left out because they paused this network's announcements (a number, never who).
   */
  async count(doc: AnnouncementDoc): Promise<{ members: number; total: number; muted: number }> {
    const all = doc.toMembers ? (await this.membership.recipientIds([doc.networkId], 'broadcast')).length : 0;
    const members = doc.toMembers
      ? (await this.membership.recipientIds([doc.networkId], 'announcement')).length
      : 0;
    const total = members + (doc.toChannel && this.channelOf(doc.networkId) ? 1 : 0);
    return { members, total, muted: all - members };
  }

  /** Recipients of a first send; snoozed members are left out (snooze is about announcements). */
  async recipients(doc: AnnouncementDoc, render: CopyRenderer): Promise<DeliveryRecipient[]> {
    const memberIds = doc.toMembers
      ? await this.membership.recipientIds([doc.networkId], 'announcement')
      : [];
    const keys = memberIds.map(userKey);
    const channel = doc.toChannel ? this.channelOf(doc.networkId) : undefined;
    if (channel) keys.push(channel);
    return this.assign(keys, render);
  }

  /**
   * For an update of every copy (correction, retraction): the function the delivery engine asks per
   * recipient key. Locales are looked up for everyone who can hold a copy: current members (snoozed
   * too) and the keys delivery reports as sent.
   */
  async updater(
    doc: AnnouncementDoc,
    sentKeys: RecipientKey[],
    render: CopyRenderer,
  ): Promise<(key: RecipientKey) => OutboundActivity> {
    const members = (await this.membership.recipientIds([doc.networkId], 'broadcast')).map(userKey);
    const userKeys = [...new Set([...sentKeys.filter((k) => k.startsWith('user:')), ...members])];
    return this.copiesFor(userKeys, render);
  }

  private async assign(keys: RecipientKey[], render: CopyRenderer): Promise<DeliveryRecipient[]> {
    const copyFor = await this.copiesFor(keys, render);
    return keys.map((key) => ({ key, activity: copyFor(key) }));
  }

  /** Looks up the locales of these keys once; any other key gets the default language. */
  private async copiesFor(
    keys: RecipientKey[],
    render: CopyRenderer,
  ): Promise<(key: RecipientKey) => OutboundActivity> {
    const locales = await this.localesOf(keys.filter((k) => k.startsWith('user:')));
    const fallback = this.org.defaultLocale;
    const copies = new Map<string, OutboundActivity>();
    return (key: RecipientKey) => {
      const audience = key.startsWith('channel:') ? 'channel' : 'member';
      const locale = audience === 'channel' ? fallback : (locales.get(key) ?? fallback);
      const id = `${audience}:${locale}`;
      let activity = copies.get(id);
      if (!activity) copies.set(id, (activity = cardActivity(render(locale, audience))));
      return activity;
    };
  }
}
